// Command etcd is the etcd server, built from the Go module proxy so that the
// end-to-end tests need no download from outside the module ecosystem.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
