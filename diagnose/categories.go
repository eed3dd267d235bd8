package diagnose

// Category is the stable id of the most likely cause of a failing container.
// The ids appear in JSON output and in the README; never rename one.
type Category string

// The categories, in the order Diagnose considers them.
const (
	// OOMKilled: the container ran out of memory.
	OOMKilled Category = "oom_killed"
	// LivenessProbe: the kubelet killed the container after a failing
	// liveness or startup probe.
	LivenessProbe Category = "liveness_probe"
	// ExecFormat: the image's binary is built for another CPU architecture.
	ExecFormat Category = "exec_format"
	// CommandNotFound: the entrypoint (or a command it runs) is missing or
	// not executable (exit 126/127).
	CommandNotFound Category = "command_not_found"
	// MissingConfigObject: a referenced Secret, ConfigMap or key does not
	// exist.
	MissingConfigObject Category = "missing_config_object"
	// Completed: the process exits 0 but the restart policy restarts it.
	Completed Category = "completed"
	// Segfault: the process died of a segmentation fault (exit 139).
	Segfault Category = "segfault"
	// PortConflict: the port the app listens on is already in use.
	PortConflict Category = "port_conflict"
	// PermissionDenied: file permissions, read-only root filesystem,
	// securityContext or RBAC denied something the app needs.
	PermissionDenied Category = "permission_denied"
	// DependencyUnavailable: the app cannot reach a database, service or DNS
	// name it needs.
	DependencyUnavailable Category = "dependency_unavailable"
	// ConfigError: the app rejects its own configuration (env var, flag,
	// file, credentials, value).
	ConfigError Category = "config_error"
	// AppCrash: panic, uncaught exception or assertion with no deeper cause
	// found.
	AppCrash Category = "app_crash"
	// Unknown: the container is failing but no cause was recognised.
	Unknown Category = "unknown"
)

// Categories lists every category id in a stable order (for docs and help).
func Categories() []Category {
	return []Category{OOMKilled, LivenessProbe, Completed, CommandNotFound, ExecFormat,
		MissingConfigObject, ConfigError, DependencyUnavailable, PortConflict,
		PermissionDenied, Segfault, AppCrash, Unknown}
}

// CategoryDescription returns a one-line description of c, for docs and help.
func CategoryDescription(c Category) string {
	switch c {
	case OOMKilled:
		return "out of memory: killed by the kernel at the container's memory limit (OOMKilled, exit 137), or the runtime's own heap limit was hit (Java OutOfMemoryError, Node.js heap out of memory)"
	case LivenessProbe:
		return "killed by the kubelet because its liveness or startup probe kept failing (exit 137/143 after Unhealthy/Killing events), also when the app was only slow to start or stalled: the probe is what to change"
	case Completed:
		return "the process exits 0 (a finished task, a one-shot image such as hello-world or a bare busybox) but the pod's restart policy restarts it, so it loops"
	case CommandNotFound:
		return "the entrypoint or a command it runs is missing or not executable (exit 126/127, executable file not found in $PATH, a script without its executable bit or with CRLF line endings)"
	case ExecFormat:
		return "the image's binary is built for another CPU architecture (exec format error), or needs CPU instructions the node lacks (illegal instruction)"
	case MissingConfigObject:
		return "a Secret, ConfigMap or key the pod references does not exist"
	case ConfigError:
		return "the app rejects its own configuration: missing env var, bad flag, unparsable config file, wrong credentials, TLS material or value; or it prints its usage; also an incomplete installation (an operator without its CRDs), the app pointed at localhost where nothing of its own listens, a volume mount that does not fit the image, data on its volume from another version or instance, and node limits it needs raised"
	case DependencyUnavailable:
		return "the app cannot reach something it needs: database, service, broker, DNS name, the API server or a cloud API (connection refused, timeout, no such host, HTTP 5xx or throttling)"
	case PortConflict:
		return "the port the app wants to listen on is already in use (address already in use)"
	case PermissionDenied:
		return "permission denied: file ownership, read-only root filesystem, securityContext (runAsNonRoot, capabilities, privileged port, SELinux), RBAC or a cloud identity refused"
	case Segfault:
		return "the process crashed with a segmentation fault (SIGSEGV, exit 139)"
	case AppCrash:
		return "the app crashed on its own: panic, uncaught exception, assertion or abort with no deeper cause found; also a broken build (missing module or shared library, runtime version mismatch)"
	case Unknown:
		return "the container is failing but no known cause was recognised; read the evidence and logs"
	}
	return "unrecognised category"
}

// verb phrases a category for a one-line summary: "<container> <verb>: <detail>".
func (c Category) verb() string {
	switch c {
	case OOMKilled:
		return "ran out of memory"
	case LivenessProbe:
		return "was killed by its probe"
	case Completed:
		return "exits 0 and is restarted"
	case CommandNotFound:
		return "cannot run its command"
	case ExecFormat:
		return "has a binary for the wrong CPU architecture"
	case MissingConfigObject:
		return "references a missing Secret/ConfigMap"
	case ConfigError:
		return "rejects its configuration"
	case DependencyUnavailable:
		return "cannot reach a dependency"
	case PortConflict:
		return "cannot listen: port already in use"
	case PermissionDenied:
		return "was denied permission"
	case Segfault:
		return "crashed with a segmentation fault"
	case AppCrash:
		return "crashed"
	}
	return "is failing"
}
