package diagnose

import (
	"fmt"
	"net"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
)

var (
	reMissingObject = regexp.MustCompile(`(?i)\b(secret|configmap)s? "([^"]+)" not found`)
	reMissingKey    = regexp.MustCompile(`(?i)couldn't find key (\S+) in (Secret|ConfigMap) ([\w.-]+)/([\w.-]+)`)
	// reTargets find the host a dependency error names, best first.
	reTargets = []*regexp.Regexp{
		regexp.MustCompile(`(?i)\blookup ([a-z0-9_.-]+)`),
		regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://(?:[^@/\s]*@)?([a-z0-9_.-]+)`),
		regexp.MustCompile(`(?i)(?:enotfound|econnrefused|etimedout) (\[[0-9a-f:]+\]|[a-z0-9_.-]+)`),
		regexp.MustCompile(`(?i)(?:upstream|server at|host|on host|server on|resolve) ["'\x60]([a-z0-9_.-]+)`),
		regexp.MustCompile(`(?i)\bhost=["']?([a-z0-9_.-]+)`),
		regexp.MustCompile(`(?i)dial tcp \[?([a-z0-9_.:-]+?)\]?:\d+`),
		regexp.MustCompile(`(?i)(?:connect(?:ing|ion)? to|resolve server) ([a-z0-9_-]+(?:\.[a-z0-9_-]+)*:\d+|[a-z0-9_-]+\.[a-z0-9_.-]+)`),
	}
)

// nextSteps lists what to change, then the kubectl commands to confirm it.
// v is nil for a pod-level finding.
func (d *diagContext) nextSteps(v *containerView, f *Finding, vd verdict) []string {
	ns, pod := d.pod.Namespace, d.pod.Name
	k := "kubectl -n " + ns
	var steps []string
	add := func(format string, args ...any) { steps = append(steps, fmt.Sprintf(format, args...)) }
	workload := ""
	if o := d.owner; o != nil {
		switch o.Kind {
		case "Deployment", "StatefulSet", "DaemonSet":
			workload = strings.ToLower(o.Kind) + "/" + o.Name
		}
	}
	evidence := strings.Join(append([]string{vd.summary}, vd.evidence...), "\n")

	switch vd.cat {
	case OOMKilled:
		limit, request := memory(v)
		switch {
		case limit != nil:
			next := resource.NewQuantity(limit.Value()*2, resource.BinarySI)
			add("Raise resources.limits.memory of container %s from its current %s (e.g. to %s), or find what uses the memory%s.", v.name, limit.String(), next.String(), requestNote(request))
			if workload != "" {
				add("%s set resources %s -c %s --limits=memory=%s", k, workload, v.name, next.String())
			}
		case v != nil && !resourcesKnown(v):
			add("Raise the memory limit of container %s, or find what uses the memory (its limits were not in what was given; see them: %s get pod %s -o jsonpath='{.spec.containers[?(@.name==\"%s\")].resources}').", v.name, k, pod, v.name)
		case v != nil:
			add("Container %s has no memory limit of its own: it was killed at a LimitRange default or under node memory pressure; set resources.requests/limits.memory explicitly (check %s get limitrange).", v.name, k)
		}
		if vd.hint != "" {
			add("%s", vd.hint)
		}
		add("%s top pod %s --containers", k, pod)
	case LivenessProbe:
		if v != nil && v.spec != nil {
			for _, pr := range []struct {
				name string
				p    *corev1.Probe
			}{{"livenessProbe", v.spec.LivenessProbe}, {"startupProbe", v.spec.StartupProbe}} {
				if pr.p != nil {
					add("Current %s of %s: %s.", pr.name, v.name, describeProbe(pr.p))
				}
			}
		}
		add("If the app is slow to start (it ran %s before the kill), add a startupProbe (e.g. the same check with periodSeconds: 10, failureThreshold: 30) instead of a long initialDelaySeconds; if the check times out under load raise timeoutSeconds; keep the liveness check about the process itself, not its dependencies.", orUnknown(f.RanFor))
		if v != nil {
			add("%s get pod %s -o jsonpath='{.spec.%s[?(@.name==\"%s\")].livenessProbe}'", k, pod, specList(v), v.name)
		}
		add("%s get events --field-selector involvedObject.name=%s,reason=Unhealthy", k, pod)
	case Completed:
		owner := "this pod"
		if d.owner != nil {
			owner = d.owner.String()
		}
		add("Container %s runs %s and exits 0, but %s restarts it forever (restartPolicy Always). Run a one-shot task as a Job or CronJob; for a server keep the process in the foreground (no daemonizing, e.g. nginx -g 'daemon off;').", v.name, commandOf(v), owner)
	case CommandNotFound:
		add("The command is %s in image %s: check that it exists there, is executable and uses LF line endings; fix command/args or the image.", commandOf(v), imageOf(v))
		add("%s debug %s -it --copy-to=%s-debug --container=%s -- sh", k, pod, pod, v.name)
	case ExecFormat:
		add("%s", hintArch)
		add("kubectl get node %s -o jsonpath='{.status.nodeInfo.architecture}'", nodeOf(d.pod))
		add("docker buildx imagetools inspect %s", imageOf(v))
	case MissingConfigObject:
		if m := reMissingKey.FindStringSubmatch(evidence); m != nil {
			kind := strings.ToLower(m[2])
			add("Add key %s to %s %s/%s, or fix the key name in the pod spec (or mark the reference optional: true).", m[1], m[2], m[3], m[4])
			add("kubectl -n %s describe %s %s", m[3], kind, m[4])
		} else if m := reMissingObject.FindStringSubmatch(evidence); m != nil {
			kind := strings.ToLower(m[1])
			add("Create %s %q in namespace %s, or fix the name in the pod spec (or mark the reference optional: true).", titleKind(kind), m[2], ns)
			add("%s get %s %s", k, kind, m[2])
		} else {
			add("Create the Secret/ConfigMap the pod references, or fix its name in the pod spec.")
		}
	case DependencyUnavailable:
		specific := vd.hint != "" && vd.hint != hintDepend
		if specific {
			add("%s", vd.hint) // what the line that decided says to do (a rate limit, no sentinels, ...)
		}
		if host := targetOf(evidence); host != "" {
			add("The app cannot reach %s: check the Service/host and port it is configured with.", host)
			if net.ParseIP(host) == nil {
				add("%s run dns-test --rm -it --restart=Never --image=busybox:1.36 -- nslookup %s", k, host)
			}
		}
		if !specific {
			add("%s", hintDepend)
		}
		if v != nil {
			if hint := meshHint(d.pod, v); hint != "" {
				add("%s", hint)
			}
		}
		add("%s get svc,endpointslices", k)
	case PortConflict:
		add("%s", hintPort)
		if ports := portsOf(d.pod); ports != "" {
			add("Ports declared in this pod: %s.", ports)
		}
		if d.pod.Spec.HostNetwork {
			add("The pod uses hostNetwork: true, so it competes with every process on node %s.", nodeOf(d.pod))
		}
	case PermissionDenied:
		if vd.hint != "" {
			add("%s", vd.hint)
		} else {
			add("%s", hintPerm)
		}
		if v != nil {
			add("Security context of %s: %s.", v.name, securityOf(d.pod, v))
		}
	case ConfigError:
		if vd.hint != "" {
			add("%s", vd.hint)
		} else {
			add("Fix the configuration %s reads (env vars, args, mounted config files) as the evidence says.", nameOr(v, "the app"))
		}
		if v != nil && v.spec != nil {
			if env := envNames(v.spec); env != "" {
				add("Environment of %s in the spec: %s.", v.name, env)
			}
		}
	case Segfault:
		add("The process crashed in native code: roll back to the previous image or check native libraries, the architecture and memory corruption.")
	case Unknown:
		if vd.hint != "" {
			add("%s", vd.hint)
		}
	case AppCrash:
		if vd.hint != "" {
			add("%s", vd.hint)
		} else {
			add("Read the stack trace in the previous log and fix the bug, or roll back the change that introduced it.")
		}
	}
	if vd.action != "" {
		add("Spring Boot suggests: %s", vd.action)
	}
	if vd.probable {
		add("Events have expired, so this is inferred from the exit code: after the next restart confirm with %s get events --field-selector involvedObject.name=%s", k, pod)
	}
	if workload != "" && (vd.cat == AppCrash || vd.cat == ConfigError || vd.cat == CommandNotFound || vd.cat == Segfault || vd.cat == ExecFormat) {
		add("If a rollout started this: %s rollout history %s, then %s rollout undo %s", k, workload, k, workload)
	}
	if v != nil && (f.ExitCode != nil || f.Restarts > 0 || f.State == "running") {
		if f.Restarts > 0 || f.State == "running" || f.State == "waiting" && f.ExitCode != nil {
			add("%s logs %s -c %s --previous", k, pod, v.name)
		} else {
			add("%s logs %s -c %s", k, pod, v.name)
		}
	}
	add("%s describe pod %s", k, pod)
	add("%s get pod %s -o yaml", k, pod)
	add("%s get events --field-selector involvedObject.name=%s --sort-by=.lastTimestamp", k, pod)
	return steps
}

func memory(v *containerView) (limit, request *resource.Quantity) {
	if v == nil || v.spec == nil {
		return nil, nil
	}
	if q, ok := v.spec.Resources.Limits[corev1.ResourceMemory]; ok {
		limit = &q
	}
	if q, ok := v.spec.Resources.Requests[corev1.ResourceMemory]; ok {
		request = &q
	}
	return limit, request
}

func requestNote(q *resource.Quantity) string {
	if q == nil {
		return ""
	}
	return "; requests.memory is " + q.String()
}

// describeProbe prints a probe's check and timing with the defaults the
// API server applies.
func describeProbe(p *corev1.Probe) string {
	check := "exec"
	switch {
	case p.HTTPGet != nil:
		check = fmt.Sprintf("httpGet %s port %s", orDefault(p.HTTPGet.Path, "/"), p.HTTPGet.Port.String())
	case p.TCPSocket != nil:
		check = "tcpSocket port " + p.TCPSocket.Port.String()
	case p.GRPC != nil:
		check = "grpc"
		if p.GRPC.Port != 0 {
			check = fmt.Sprintf("grpc port %d", p.GRPC.Port)
		}
		if p.GRPC.Service != nil && *p.GRPC.Service != "" {
			check += " service " + *p.GRPC.Service
		}
	case p.Exec != nil:
		check = fmt.Sprintf("exec %q", p.Exec.Command)
	}
	period, timeout, failure := orInt(p.PeriodSeconds, 10), orInt(p.TimeoutSeconds, 1), orInt(p.FailureThreshold, 3)
	return fmt.Sprintf("%s, initialDelaySeconds=%d periodSeconds=%d timeoutSeconds=%d failureThreshold=%d (killed after about %ds of failures)",
		check, p.InitialDelaySeconds, period, timeout, failure, period*failure)
}

func orInt(v, def int32) int32 {
	if v == 0 {
		return def
	}
	return v
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orUnknown(s string) string { return orDefault(s, "an unknown time") }

func nameOr(v *containerView, def string) string {
	if v == nil {
		return def
	}
	return v.name
}

func specList(v *containerView) string {
	if v.kind == "app" {
		return "containers"
	}
	return "initContainers"
}

func titleKind(kind string) string {
	if kind == "configmap" {
		return "ConfigMap"
	}
	return "Secret"
}

// portsOf lists the container ports of the pod: "api:8080/TCP".
func portsOf(pod *corev1.Pod) string {
	var out []string
	for _, list := range [][]corev1.Container{pod.Spec.InitContainers, pod.Spec.Containers} {
		for _, c := range list {
			for _, p := range c.Ports {
				out = append(out, fmt.Sprintf("%s:%d/%s", c.Name, p.ContainerPort, orDefault(string(p.Protocol), "TCP")))
			}
		}
	}
	return strings.Join(out, ", ")
}

// securityOf summarises the effective security settings of a container.
func securityOf(pod *corev1.Pod, v *containerView) string {
	var parts []string
	ps := pod.Spec.SecurityContext
	var cs *corev1.SecurityContext
	if v.spec != nil {
		cs = v.spec.SecurityContext
	}
	user := "image default"
	switch {
	case cs != nil && cs.RunAsUser != nil:
		user = itoa(int(*cs.RunAsUser))
	case ps != nil && ps.RunAsUser != nil:
		user = itoa(int(*ps.RunAsUser))
	}
	parts = append(parts, "runAsUser="+user)
	if (cs != nil && cs.RunAsNonRoot != nil && *cs.RunAsNonRoot) || (ps != nil && ps.RunAsNonRoot != nil && *ps.RunAsNonRoot) {
		parts = append(parts, "runAsNonRoot=true")
	}
	ro := cs != nil && cs.ReadOnlyRootFilesystem != nil && *cs.ReadOnlyRootFilesystem
	parts = append(parts, fmt.Sprintf("readOnlyRootFilesystem=%t", ro))
	if ps != nil && ps.FSGroup != nil {
		parts = append(parts, "fsGroup="+itoa(int(*ps.FSGroup)))
	} else {
		parts = append(parts, "fsGroup unset")
	}
	if cs != nil && cs.Capabilities != nil && len(cs.Capabilities.Drop) > 0 {
		parts = append(parts, fmt.Sprintf("capabilities.drop=%v", cs.Capabilities.Drop))
	}
	return strings.Join(parts, " ")
}

// envNames lists the env var names and envFrom sources of a container
// (names only, never values).
func envNames(c *corev1.Container) string {
	var out []string
	for _, e := range c.Env {
		out = append(out, e.Name)
	}
	for _, ef := range c.EnvFrom {
		switch {
		case ef.ConfigMapRef != nil:
			out = append(out, "envFrom configMap "+ef.ConfigMapRef.Name)
		case ef.SecretRef != nil:
			out = append(out, "envFrom secret "+ef.SecretRef.Name)
		}
	}
	if len(out) > 30 {
		out = append(out[:30], "…")
	}
	return strings.Join(out, ", ")
}

// targetOf returns the host a dependency error names, or "".
func targetOf(text string) string {
	for _, re := range reTargets {
		if m := re.FindStringSubmatch(text); m != nil {
			host := strings.Trim(m[1], "[]")
			if i := strings.LastIndexByte(host, ':'); i > 0 && !strings.Contains(host[:i], ":") {
				host = host[:i]
			}
			return host
		}
	}
	return ""
}
