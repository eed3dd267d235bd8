package localpg

import "syscall"

// serverAttr runs the server as cred (nil: as this process) in its own
// process group, so a Ctrl-C in the terminal reaches the test, not the
// server, which stops when the test says so; the kernel kills it if this
// process dies first, so a killed test run leaves no stray server behind.
func serverAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Pdeathsig: syscall.SIGKILL, Setpgid: true}
}
