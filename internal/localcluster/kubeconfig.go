package localcluster

import (
	"fmt"
	"os"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

// WriteKubeconfig writes a kubeconfig for the cluster that authenticates
// with token (the admin token when empty), for a process to use the cluster
// as a user would: `crashloop-bot run --kubeconfig PATH`.
func (c *Cluster) WriteKubeconfig(path, token string) error {
	if token == "" {
		token = c.adminToken
	}
	kc := clientcmdapi.NewConfig()
	// The serving certificate is self-signed by kube-apiserver on loopback.
	kc.Clusters["local"] = &clientcmdapi.Cluster{Server: c.URL, InsecureSkipTLSVerify: true}
	kc.AuthInfos["local"] = &clientcmdapi.AuthInfo{Token: token}
	kc.Contexts["local"] = &clientcmdapi.Context{Cluster: "local", AuthInfo: "local"}
	kc.CurrentContext = "local"
	if err := clientcmd.WriteToFile(*kc, path); err != nil {
		return fmt.Errorf("write kubeconfig: %w", err)
	}
	return os.Chmod(path, 0o600)
}
