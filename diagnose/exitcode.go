package diagnose

import (
	"fmt"
	"strconv"
	"strings"
)

// signalNames maps Linux signal numbers to their names.
var signalNames = map[int32]string{
	1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT",
	7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2",
	13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS",
}

// SignalName returns the name of Linux signal n ("SIGKILL"), or "signal N"
// for numbers without a well-known name.
func SignalName(n int32) string {
	if s, ok := signalNames[n]; ok {
		return s
	}
	return "signal " + strconv.Itoa(int(n))
}

// Windows containers end with an NTSTATUS, which Kubernetes reports as a
// negative int32 (Docker prints it unsigned: 3221225477, 3221225781).
const (
	ntAccessViolation int32 = -1073741819 // 0xC0000005
	ntDLLNotFound     int32 = -1073741515 // 0xC0000135
	ntCLRException    int32 = -532462766  // 0xE0434352
)

// ntStatus reports a negative exit code that is a Windows status rather
// than the -1 that stands for a code not shown.
func ntStatus(code int32) bool { return code < -255 }

// ExitCodeMeaning explains a container exit code in plain language.
func ExitCodeMeaning(code int32) string {
	switch code {
	case 0:
		return "exited normally (success); under restartPolicy Always a finished container is restarted"
	case 1:
		return "general application error: the program exited with an error it reported itself"
	case 2:
		return "misuse or invalid arguments (bad flag, shell syntax error; also a Go panic)"
	case 78:
		return "EX_CONFIG: the program found its configuration wrong (sysexits; Elasticsearch and OpenSearch exit 78 when a bootstrap check fails)"
	case 126:
		return "command found but not executable (permission or format problem)"
	case 127:
		return "command not found: the entrypoint or a command it runs does not exist in the image or $PATH"
	case 128:
		return "container runtime could not start the process (invalid exit or start error)"
	case 130:
		return "interrupted by SIGINT (Ctrl-C)"
	case 134:
		return "aborted by SIGABRT: the program called abort() (failed assertion, fatal runtime error, e.g. Node.js heap out of memory)"
	case 137:
		return "killed by SIGKILL: out of memory (OOM killer) or force-killed after a failed liveness probe or grace period"
	case 139:
		return "segmentation fault (SIGSEGV): the program accessed invalid memory"
	case 143:
		return "terminated by SIGTERM: asked to stop (liveness probe, pod deletion, eviction or rollout)"
	case 255:
		return "exit status out of range (exit(-1) or a fatal error in the runtime)"
	case ntAccessViolation:
		return "Windows STATUS_ACCESS_VIOLATION (0xC0000005): the program accessed invalid memory, Windows' segmentation fault"
	case ntCLRException:
		return "Windows 0xE0434352: an unhandled .NET exception ended the process (its message is in the log or the Application event log)"
	case ntDLLNotFound:
		return "Windows STATUS_DLL_NOT_FOUND (0xC0000135): a DLL the program needs is not in the image (often the Visual C++ runtime)"
	}
	if code > 128 && code < 128+65 {
		sig := code - 128
		return fmt.Sprintf("killed by signal %d (%s)", sig, SignalName(sig))
	}
	if code < 0 {
		return "negative exit code: the runtime reported an invalid status"
	}
	return "application-specific error code: see the application's documentation and logs"
}

// loaderError reports the dynamic loader's own failure (glibc's "error
// while loading shared libraries", musl's "Error loading shared library
// X: No such file or directory (needed by Y)", "symbol lookup error",
// "Error relocating"): it exits 127, but the command itself was found.
func loaderError(line string) bool {
	l := strings.ToLower(line)
	return strings.Contains(l, "while loading shared librar") || strings.Contains(l, "error loading shared librar") ||
		strings.Contains(l, "symbol lookup error") || strings.Contains(l, "error relocating")
}

// signalOf returns the signal that ended a container: the runtime-reported
// signal if any, else the one encoded in an exit code above 128.
func signalOf(exit, signal int32) int32 {
	if signal > 0 {
		return signal
	}
	if exit > 128 && exit < 128+65 {
		return exit - 128
	}
	return 0
}
