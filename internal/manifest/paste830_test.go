package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// Faults of held-out rounds 749-758 (session 53) in pastes.
func TestPastes830(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a describe cut after its one finished init container", "Unable to get flannel working : \"Error Registering network: operation not supported\"\n\nubuntu@k8s2:~$ k describe po -n kube-flannel kube-flannel-ds-6hfwl\nName:                 kube-flannel-ds-6hfwl\nNamespace:            kube-flannel\nStatus:               Running\nInit Containers:\n  install-cni-plugin:\n    Image:         docker.io/flannel/flannel-cni-plugin:v1.1.2\n    State:          Terminated\n      Reason:       Completed\n      Exit Code:    0\n", diagnose.ConfigError},
	})
}
