package bot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/util/validation"
)

// Verb is a /crashloop subcommand.
type Verb string

// The subcommands of /crashloop.
const (
	VerbHelp      Verb = "help"
	VerbDescribe  Verb = "describe"
	VerbLogs      Verb = "logs"
	VerbProbe     Verb = "probe"
	VerbStatus    Verb = "status"
	VerbSilence   Verb = "silence"
	VerbUnsilence Verb = "unsilence"
	VerbDigest    Verb = "digest"
)

// LogMode says which container instance's log to read.
type LogMode string

// Log modes: the previous instance when the container has restarted (the
// default), or explicitly the previous or the current one.
const (
	LogsAuto     LogMode = ""
	LogsPrevious LogMode = "previous"
	LogsCurrent  LogMode = "current"
)

// Bounds of command arguments.
const (
	// DefaultLogTail is the number of log lines fetched without --tail.
	DefaultLogTail = 100
	// MaxLogTail bounds --tail.
	MaxLogTail = 1000
	// MinSilence and MaxSilence bound a silence's duration.
	MinSilence = time.Minute
	MaxSilence = 30 * 24 * time.Hour
)

// Target names what a command is about: a pod (Kind "Pod", Name the pod)
// or a workload (Kind "Deployment" etc.), whose crashing pod is meant.
type Target struct {
	Namespace string
	Kind      string
	Name      string
	// Container is optional: the container of a silence, or of logs.
	Container string
}

// String is "ns/pod" or "ns/Kind/name[/container]".
func (t Target) String() string {
	s := t.Namespace + "/"
	if t.Kind != "Pod" {
		s += t.Kind + "/"
	}
	s += t.Name
	if t.Container != "" {
		s += "/" + t.Container
	}
	return s
}

// Command is a parsed, validated /crashloop command.
type Command struct {
	Verb Verb
	// Cluster is the cluster the command is for (--cluster NAME, or
	// status's CLUSTER/NAMESPACE); empty means the bot's own (or, for
	// status in a fleet, every cluster).
	Cluster string `json:",omitempty"`
	Target  Target
	// Namespace is the optional namespace of status.
	Namespace string
	// Logs only.
	Mode LogMode
	Tail int
	// For is a silence's duration, or the period of a digest.
	For time.Duration
}

// CommandError is a command the bot cannot run, with a message for the
// user. It is not a failure of the bot.
type CommandError struct {
	// Message says what is wrong, in a sentence, as plain text.
	Message string
	// Usage is the syntax of the subcommand concerned, if known.
	Usage string
}

func (e *CommandError) Error() string { return e.Message }

func usageErr(v Verb, format string, args ...any) *CommandError {
	return &CommandError{Message: fmt.Sprintf(format, args...), Usage: usages[v]}
}

// usages is the syntax of each subcommand, for help and errors.
var usages = map[Verb]string{
	VerbDescribe:  "describe NAMESPACE/POD | NAMESPACE/KIND/NAME",
	VerbLogs:      "logs NAMESPACE/POD | NAMESPACE/KIND/NAME [CONTAINER] [--previous|--current] [--tail N]",
	VerbProbe:     "probe NAMESPACE/POD | NAMESPACE/KIND/NAME",
	VerbStatus:    "status [NAMESPACE]",
	VerbSilence:   "silence NAMESPACE/KIND/NAME[/CONTAINER] 1h|24h|7d",
	VerbUnsilence: "unsilence NAMESPACE/KIND/NAME[/CONTAINER]",
	VerbDigest:    "digest [24h|7d|...]",
	VerbHelp:      "help",
}

// verbOrder is the order subcommands are listed in.
var verbOrder = []Verb{VerbDescribe, VerbLogs, VerbProbe, VerbStatus, VerbSilence, VerbUnsilence, VerbDigest, VerbHelp}

// kinds maps what users type to the workload kind of incident keys.
var kinds = map[string]string{
	"pod": "Pod", "pods": "Pod", "po": "Pod",
	"deployment": "Deployment", "deployments": "Deployment", "deploy": "Deployment",
	"statefulset": "StatefulSet", "statefulsets": "StatefulSet", "sts": "StatefulSet",
	"daemonset": "DaemonSet", "daemonsets": "DaemonSet", "ds": "DaemonSet",
	"replicaset": "ReplicaSet", "replicasets": "ReplicaSet", "rs": "ReplicaSet",
	"job": "Job", "jobs": "Job",
	"cronjob": "CronJob", "cronjobs": "CronJob", "cj": "CronJob",
}

// maxCommandText bounds the text parsed: Slack's own limit is about 4000.
const maxCommandText = 4000

// ParseCommand parses the text after "/crashloop": a subcommand and its
// arguments. Names are validated as Kubernetes names (DNS-1123), so a
// command that parses never carries text that could not name an object.
// An empty text is help. Errors are *CommandError.
func ParseCommand(text string) (Command, error) {
	if len(text) > maxCommandText {
		return Command{}, &CommandError{Message: "That command is too long."}
	}
	args := strings.Fields(text)
	if len(args) == 0 {
		return Command{Verb: VerbHelp}, nil
	}
	// ASCII only: strings.ToLower maps look-alikes such as the Kelvin sign
	// to ASCII letters.
	verb := Verb(asciiLower(args[0]))
	args, cluster, err := clusterFlag(args[1:])
	if err != nil {
		return Command{}, err
	}
	cmd, err := parseVerb(verb, args, text)
	if err != nil {
		return Command{}, err
	}
	if cluster != "" {
		switch {
		case cmd.Verb == VerbHelp || cmd.Verb == VerbDigest:
			return Command{}, usageErr(cmd.Verb, "%s is the same for every cluster: leave out --cluster.", cmd.Verb)
		case cmd.Cluster != "" && cmd.Cluster != cluster:
			return Command{}, usageErr(cmd.Verb, "Name the cluster once: --cluster %s or %s/, not both.", clip(cluster, 63), clip(cmd.Cluster, 63))
		}
		cmd.Cluster = cluster
	}
	return cmd, nil
}

// maxClusterName bounds a cluster name in a command.
const maxClusterName = 63

// clusterPattern is a cluster name as commands take it (config requires
// it of the bots of a fleet).
var clusterPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$`)

// clusterFlag takes --cluster NAME (or --cluster=NAME) out of args.
func clusterFlag(args []string) (rest []string, cluster string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		v, ok := strings.CutPrefix(a, "--cluster=")
		if !ok && a != "--cluster" {
			rest = append(rest, a)
			continue
		}
		if !ok {
			if i+1 >= len(args) {
				return nil, "", &CommandError{Message: "--cluster needs a cluster name.", Usage: "help"}
			}
			i++
			v = args[i]
		}
		if err := checkCluster(v); err != nil {
			return nil, "", err
		}
		if cluster != "" && cluster != v {
			return nil, "", &CommandError{Message: "Name one cluster.", Usage: "help"}
		}
		cluster = v
	}
	return rest, cluster, nil
}

func checkCluster(name string) error {
	if !clusterPattern.MatchString(name) {
		return &CommandError{Message: fmt.Sprintf("%q is not a cluster name.", clip(oneLine(name), maxClusterName+2)), Usage: "help"}
	}
	return nil
}

// parseVerb parses the arguments of verb.
func parseVerb(verb Verb, args []string, text string) (Command, error) {
	switch verb {
	case "log":
		verb = VerbLogs
	case "-h", "--help", "?":
		verb = VerbHelp
	}
	switch verb {
	case VerbHelp:
		return Command{Verb: VerbHelp}, nil
	case VerbDescribe, VerbProbe:
		if len(args) != 1 {
			return Command{}, usageErr(verb, "%s takes one pod or workload.", verb)
		}
		t, err := parseTarget(verb, args[0], false)
		return Command{Verb: verb, Target: t}, err
	case VerbLogs:
		return parseLogs(args)
	case VerbStatus:
		switch len(args) {
		case 0:
			return Command{Verb: VerbStatus}, nil
		case 1:
			// [CLUSTER/]NAMESPACE, or CLUSTER/ for all its namespaces.
			cluster, ns, fleet := strings.Cut(args[0], "/")
			if !fleet {
				cluster, ns = "", args[0]
			} else if err := checkCluster(cluster); err != nil {
				return Command{}, usageErr(verb, "%q is not CLUSTER/NAMESPACE.", clip(oneLine(args[0]), 80))
			}
			if ns != "" {
				if err := checkNamespace(verb, ns); err != nil {
					return Command{}, err
				}
			}
			return Command{Verb: VerbStatus, Cluster: cluster, Namespace: ns}, nil
		}
		return Command{}, usageErr(verb, "status takes at most one namespace.")
	case VerbSilence:
		if len(args) != 2 {
			return Command{}, usageErr(verb, "silence takes a workload and a duration.")
		}
		t, err := parseWorkload(verb, args[0])
		if err != nil {
			return Command{}, err
		}
		d, err := ParseSilenceDuration(args[1])
		if err != nil {
			return Command{}, usageErr(verb, "%v", err)
		}
		return Command{Verb: VerbSilence, Target: t, For: d}, nil
	case VerbUnsilence:
		if len(args) != 1 {
			return Command{}, usageErr(verb, "unsilence takes one workload.")
		}
		t, err := parseWorkload(verb, args[0])
		return Command{Verb: VerbUnsilence, Target: t}, err
	case VerbDigest:
		return parseDigest(args) // command_digest.go
	}
	return Command{}, &CommandError{
		Message: fmt.Sprintf("I don't know the subcommand %q.", clip(oneLine(args0(text)), 40)),
		Usage:   "help",
	}
}

func args0(text string) string { return strings.Fields(text)[0] }

// asciiLower lowers ASCII letters only; any other rune is kept, so a
// look-alike never matches a keyword.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func parseLogs(args []string) (Command, error) {
	c := Command{Verb: VerbLogs, Tail: DefaultLogTail}
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--previous" || a == "-p":
			if c.Mode == LogsCurrent {
				return Command{}, usageErr(VerbLogs, "Use --previous or --current, not both.")
			}
			c.Mode = LogsPrevious
		case a == "--current":
			if c.Mode == LogsPrevious {
				return Command{}, usageErr(VerbLogs, "Use --previous or --current, not both.")
			}
			c.Mode = LogsCurrent
		case a == "--tail" || strings.HasPrefix(a, "--tail="):
			v, ok := strings.CutPrefix(a, "--tail=")
			if !ok {
				if i+1 >= len(args) {
					return Command{}, usageErr(VerbLogs, "--tail needs a number of lines.")
				}
				i++
				v = args[i]
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > MaxLogTail {
				return Command{}, usageErr(VerbLogs, "--tail must be a number from 1 to %d.", MaxLogTail)
			}
			c.Tail = n
		case strings.HasPrefix(a, "-"):
			return Command{}, usageErr(VerbLogs, "Unknown option %q.", clip(oneLine(a), 40))
		default:
			pos = append(pos, a)
		}
	}
	if len(pos) == 0 || len(pos) > 2 {
		return Command{}, usageErr(VerbLogs, "logs takes one pod or workload and optionally a container.")
	}
	t, err := parseTarget(VerbLogs, pos[0], false)
	if err != nil {
		return Command{}, err
	}
	if len(pos) == 2 {
		if err := checkLabel(VerbLogs, "container", pos[1]); err != nil {
			return Command{}, err
		}
		t.Container = pos[1]
	}
	c.Target = t
	return c, nil
}

// parseTarget parses "ns/pod" or "ns/kind/name" (and with container,
// "ns/kind/name/container").
func parseTarget(v Verb, s string, container bool) (Target, error) {
	parts := strings.Split(s, "/")
	maxParts := 3
	if container {
		maxParts = 4
	}
	if len(parts) < 2 || len(parts) > maxParts {
		return Target{}, usageErr(v, "%q is not NAMESPACE/POD or NAMESPACE/KIND/NAME.", clip(oneLine(s), 80))
	}
	t := Target{Namespace: parts[0], Kind: "Pod", Name: parts[1]}
	if len(parts) >= 3 {
		kind, ok := kinds[asciiLower(parts[1])]
		if !ok {
			return Target{}, usageErr(v, "%q is not a workload kind (deployment, statefulset, daemonset, job, cronjob, replicaset or pod).",
				clip(oneLine(parts[1]), 40))
		}
		t.Kind, t.Name = kind, parts[2]
	}
	if len(parts) == 4 {
		t.Container = parts[3]
		if err := checkLabel(v, "container", t.Container); err != nil {
			return Target{}, err
		}
	}
	if err := checkNamespace(v, t.Namespace); err != nil {
		return Target{}, err
	}
	if errs := validation.IsDNS1123Subdomain(t.Name); len(errs) > 0 {
		return Target{}, usageErr(v, "%q is not a valid %s name: %s.", clip(oneLine(t.Name), 80), strings.ToLower(t.Kind), errs[0])
	}
	return t, nil
}

// parseWorkload parses the target of silence and unsilence.
func parseWorkload(v Verb, s string) (Target, error) {
	if strings.Count(s, "/") < 2 {
		return Target{}, usageErr(v, "%q is not NAMESPACE/KIND/NAME: name the workload, e.g. payments/deployment/api.", clip(oneLine(s), 80))
	}
	return parseTarget(v, s, true)
}

func checkNamespace(v Verb, ns string) error {
	return checkLabel(v, "namespace", ns)
}

func checkLabel(v Verb, what, s string) error {
	if errs := validation.IsDNS1123Label(s); len(errs) > 0 {
		return usageErr(v, "%q is not a valid %s name: %s.", clip(oneLine(s), 80), what, errs[0])
	}
	return nil
}

// ParseSilenceDuration parses a silence's duration: Go durations in
// minutes or hours ("30m", "1h", "24h") or days ("7d"), from MinSilence to
// MaxSilence.
func ParseSilenceDuration(s string) (time.Duration, error) {
	var d time.Duration
	if n, ok := strings.CutSuffix(s, "d"); ok {
		days, err := strconv.Atoi(n)
		if err != nil || days < 1 {
			return 0, fmt.Errorf("%q is not a duration like 1h, 24h or 7d", clip(oneLine(s), 20))
		}
		d = time.Duration(min(days, 10000)) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("%q is not a duration like 1h, 24h or 7d", clip(oneLine(s), 20))
		}
	}
	if d < MinSilence || d > MaxSilence {
		return 0, fmt.Errorf("a silence lasts from %s to %s", humanDuration(MinSilence), humanDuration(MaxSilence))
	}
	return d, nil
}
