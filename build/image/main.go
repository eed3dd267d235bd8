// Command image builds, checks and describes crashloop-bot's container
// image without a Docker engine or a registry (`make image`, `make release`).
//
//	image build  --out DIR --tag vX.Y.Z [--created RFC3339] [--ca FILE] [--label K=V]... --binary linux/ARCH=PATH...
//	image verify --layout DIR --tag vX.Y.Z [--version TEXT] [--config FILE]
//	image sbom   --binary PATH --tag vX.Y.Z --out FILE [--created RFC3339]
//
// build assembles an OCI image layout: one image per platform, on an empty
// base (FROM scratch, so nothing is pulled), with a layer of base files
// (/etc/passwd and /etc/group with the nonroot user 65532, the CA bundle,
// /tmp, /home/nonroot) and a layer with the static binary, and an index
// tagged --tag. File times and the image's creation time are --created
// (make passes the last commit's time), so a rebuild of one commit gives
// the same digests.
//
// verify unpacks every image of the layout and checks what the Kubernetes
// manifests rely on: the binary is a static ELF for the image's
// architecture, the image runs as 65532:65532 with the binary as
// entrypoint, the CA bundle and passwd entries are there. It then runs the
// binary of the machine's own architecture from the unpacked filesystem
// (chrooted there as uid 65532 when run as root): `version` must print
// --version and `check-config` must accept --config.
//
// sbom writes an SPDX 2.3 JSON document listing the Go modules compiled
// into the binary (from its embedded build information, as `go version -m`
// prints it) and the Go standard library.
//
// It is a separate module to keep go-containerregistry and the SPDX library
// out of the bot's dependencies.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: image build|verify|sbom [flags] (see the package comment)")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "build":
		err = runBuild(os.Args[2:])
	case "verify":
		err = runVerify(os.Args[2:], os.Stdout)
	case "sbom":
		err = runSBOM(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q: want build, verify or sbom", os.Args[1])
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "image %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
