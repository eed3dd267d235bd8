package diagnose

import "testing"

// Rules from session 29's held-out rounds 585 on and textbook batches 172 on.
func TestRules585(t *testing.T) {
	notAbout(t, "CrashLoopBackOff problem for kube-flannel-ds\n\nI create a k8s network with 1 master node and 2 work nodes.\nWhich I use kubeadm to initial is :\n`kubeadm init  --apiserver-advertise-address=11.0.1.200 --pod-network-cidr=10.224.0.0/16 --service-cidr=10.96.0.0/16`\n\nI got a CrashLoopBackOff problem for kube-flannel-ds.\n", DependencyUnavailable, "a pasted kubeadm command's flags are not words about the API server")
}
