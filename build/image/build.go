package main

import (
	"archive/tar"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// What the image promises; deploy/ relies on each of these.
const (
	binaryPath = "/crashloop-bot"
	nonrootUID = 65532
	userSpec   = "65532:65532" // numeric, so runAsNonRoot can verify it
	caPath     = "/etc/ssl/certs/ca-certificates.crt"
	httpPort   = "8080/tcp"
	refNameKey = "org.opencontainers.image.ref.name"
)

var (
	entrypoint = []string{binaryPath}
	defaultCmd = []string{"run", "--config", "/etc/crashloop-bot/config.yaml"}
)

type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

// buildOptions is what one image build needs.
type buildOptions struct {
	out     string
	tag     string
	created time.Time
	ca      string
	labels  map[string]string
	// binaries maps "linux/amd64" to the path of the binary for it.
	binaries map[string]string
}

func runBuild(args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	o := buildOptions{labels: map[string]string{}, binaries: map[string]string{}}
	fs.StringVar(&o.out, "out", "", "OCI layout directory to write (replaced)")
	fs.StringVar(&o.tag, "tag", "", "the image's tag (the version, vX.Y.Z...)")
	created := fs.String("created", "", "creation time of the image and its files, RFC 3339 (default: the Unix epoch)")
	fs.StringVar(&o.ca, "ca", "/etc/ssl/certs/ca-certificates.crt", "the CA bundle to put in the image (Debian: package ca-certificates)")
	var labels, bins repeated
	fs.Var(&labels, "label", "image label KEY=VALUE (repeatable)")
	fs.Var(&bins, "binary", "linux/ARCH=PATH of a static binary (repeatable, one per platform)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.out == "" || o.tag == "" || len(bins) == 0 {
		return errors.New("--out, --tag and at least one --binary are required")
	}
	if *created != "" {
		t, err := time.Parse(time.RFC3339, *created)
		if err != nil {
			return fmt.Errorf("--created: %w", err)
		}
		o.created = t.UTC()
	} else {
		o.created = time.Unix(0, 0).UTC()
	}
	for _, l := range labels {
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			return fmt.Errorf("--label %q: want KEY=VALUE", l)
		}
		o.labels[k] = v
	}
	for _, b := range bins {
		platform, path, ok := strings.Cut(b, "=")
		if !ok || !strings.HasPrefix(platform, "linux/") {
			return fmt.Errorf("--binary %q: want linux/ARCH=PATH", b)
		}
		o.binaries[platform] = path
	}
	digest, err := build(o)
	if err != nil {
		return err
	}
	fmt.Printf("%s: %s (%s)\n", o.out, digest, strings.Join(slices.Sorted(mapKeys(o.binaries)), ", "))
	return nil
}

// build writes the OCI layout and returns the index's digest.
func build(o buildOptions) (v1.Hash, error) {
	ca, err := os.ReadFile(o.ca)
	if err != nil {
		return v1.Hash{}, fmt.Errorf("CA bundle: %w (apt-get install ca-certificates)", err)
	}
	if !bytes.Contains(ca, []byte("-----BEGIN CERTIFICATE-----")) {
		return v1.Hash{}, fmt.Errorf("CA bundle %s holds no PEM certificate", o.ca)
	}
	base, err := baseLayer(ca, o.created)
	if err != nil {
		return v1.Hash{}, err
	}
	idx := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	for _, platform := range slices.Sorted(mapKeys(o.binaries)) {
		arch := strings.TrimPrefix(platform, "linux/")
		img, err := platformImage(o, arch, base)
		if err != nil {
			return v1.Hash{}, fmt.Errorf("%s: %w", platform, err)
		}
		idx = mutate.AppendManifests(idx, mutate.IndexAddendum{
			Add:        img,
			Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: "linux", Architecture: arch}},
		})
	}
	if err := os.RemoveAll(o.out); err != nil {
		return v1.Hash{}, err
	}
	p, err := layout.Write(o.out, empty.Index)
	if err != nil {
		return v1.Hash{}, err
	}
	// The tag is the index's name in the layout: skopeo copy oci:DIR:TAG,
	// crane push DIR, oras cp --from-oci-layout DIR:TAG find it.
	if err := p.AppendIndex(idx, layout.WithAnnotations(map[string]string{refNameKey: o.tag})); err != nil {
		return v1.Hash{}, err
	}
	return idx.Digest()
}

// platformImage is the image for one architecture: base files, then the
// binary, with the runtime configuration.
func platformImage(o buildOptions, arch string, base v1.Layer) (v1.Image, error) {
	bin, err := os.ReadFile(o.binaries["linux/"+arch])
	if err != nil {
		return nil, err
	}
	if err := checkStaticELF(bin, arch); err != nil {
		return nil, err
	}
	binLayer, err := layerOf(o.created, tarEntry{name: strings.TrimPrefix(binaryPath, "/"), mode: 0o755, data: bin})
	if err != nil {
		return nil, err
	}
	img := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	img, err = mutate.AppendLayers(img, base, binLayer)
	if err != nil {
		return nil, err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cf = cf.DeepCopy()
	cf.Architecture, cf.OS = arch, "linux"
	cf.Created = v1.Time{Time: o.created}
	cf.Config.User = userSpec
	cf.Config.Entrypoint = entrypoint
	cf.Config.Cmd = defaultCmd
	cf.Config.WorkingDir = "/"
	cf.Config.Env = []string{"HOME=/home/nonroot", "SSL_CERT_FILE=" + caPath}
	cf.Config.ExposedPorts = map[string]struct{}{httpPort: {}}
	cf.Config.Labels = o.labels
	cf.History = []v1.History{
		{Created: v1.Time{Time: o.created}, CreatedBy: "crashloop-bot build/image: /etc/passwd, /etc/group (nonroot 65532), CA bundle, /tmp, /home/nonroot", Comment: "base files"},
		{Created: v1.Time{Time: o.created}, CreatedBy: "crashloop-bot build/image: " + binaryPath + " (static, linux/" + arch + ")", Comment: "the bot"},
	}
	img, err = mutate.ConfigFile(img, cf)
	if err != nil {
		return nil, err
	}
	return mutate.Annotations(img, o.labels).(v1.Image), nil
}

// baseLayer holds what a distroless "static:nonroot" base would: users,
// CA certificates and writable directories, and nothing to run.
func baseLayer(ca []byte, created time.Time) (v1.Layer, error) {
	passwd := "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n"
	group := "root:x:0:\nnonroot:x:65532:\n"
	return layerOf(created,
		tarEntry{name: "etc/", dir: true, mode: 0o755},
		tarEntry{name: "etc/passwd", mode: 0o644, data: []byte(passwd)},
		tarEntry{name: "etc/group", mode: 0o644, data: []byte(group)},
		tarEntry{name: "etc/ssl/", dir: true, mode: 0o755},
		tarEntry{name: "etc/ssl/certs/", dir: true, mode: 0o755},
		tarEntry{name: strings.TrimPrefix(caPath, "/"), mode: 0o644, data: ca},
		tarEntry{name: "home/", dir: true, mode: 0o755},
		tarEntry{name: "home/nonroot/", dir: true, mode: 0o700, uid: nonrootUID},
		tarEntry{name: "tmp/", dir: true, mode: 0o1777},
	)
}

// tarEntry is one file or directory of a layer, owned by root unless uid
// says otherwise.
type tarEntry struct {
	name string
	dir  bool
	mode int64
	uid  int
	data []byte
}

// layerOf builds a gzip-compressed OCI layer from entries, with every time
// set to created so the layer's digest depends on its content alone.
func layerOf(created time.Time, entries ...tarEntry) (v1.Layer, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, e := range entries {
		h := &tar.Header{
			Name: e.name, Mode: e.mode, Uid: e.uid, Gid: e.uid,
			ModTime: created, AccessTime: created, ChangeTime: created,
			Format: tar.FormatPAX,
		}
		if e.uid == nonrootUID {
			h.Uname, h.Gname = "nonroot", "nonroot"
		} else {
			h.Uname, h.Gname = "root", "root"
		}
		if e.dir {
			h.Typeflag = tar.TypeDir
		} else {
			h.Typeflag = tar.TypeReg
			h.Size = int64(len(e.data))
		}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(e.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	return tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil },
		tarball.WithMediaType(types.OCILayer))
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
