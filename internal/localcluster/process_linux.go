package localcluster

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes the kernel kill the child if this process dies first,
// so a killed test run leaves no stray etcd or kube-apiserver behind.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
