package main

import (
	"archive/tar"
	"bytes"
	"debug/elf"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
)

// elfMachine is the ELF machine of each architecture we build for.
var elfMachine = map[string]elf.Machine{"amd64": elf.EM_X86_64, "arm64": elf.EM_AARCH64}

// checkStaticELF fails unless bin is a statically linked ELF executable for
// arch: no program interpreter (dynamic loader) and no shared libraries,
// so it runs on an image without libc.
func checkStaticELF(bin []byte, arch string) error {
	f, err := elf.NewFile(bytes.NewReader(bin))
	if err != nil {
		return fmt.Errorf("not an ELF binary: %w", err)
	}
	defer f.Close()
	if want, ok := elfMachine[arch]; !ok || f.Machine != want {
		return fmt.Errorf("ELF machine %s, want %s for %s", f.Machine, want, arch)
	}
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		return fmt.Errorf("ELF type %s is not an executable", f.Type)
	}
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			return errors.New("dynamically linked: it has a program interpreter (build with CGO_ENABLED=0)")
		}
	}
	if libs, err := f.ImportedLibraries(); err == nil && len(libs) > 0 {
		return fmt.Errorf("dynamically linked against %v (build with CGO_ENABLED=0)", libs)
	}
	return nil
}

func runVerify(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	dir := fs.String("layout", "", "OCI layout directory written by build")
	tag := fs.String("tag", "", "the tag to verify")
	version := fs.String("version", "", "text `version` must print (default: the tag)")
	config := fs.String("config", "", "a config file `check-config` must accept (default: a minimal one)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" || *tag == "" {
		return errors.New("--layout and --tag are required")
	}
	if *version == "" {
		*version = *tag
	}
	cfgText := []byte("cluster_name: image-check\nslack:\n  channel: \"#crashloops\"\nstore:\n  backend: memory\n")
	if *config != "" {
		b, err := os.ReadFile(*config)
		if err != nil {
			return err
		}
		cfgText = b
	}
	return verify(*dir, *tag, *version, cfgText, out)
}

// verify checks every image of the tagged index in the layout.
func verify(dir, tag, version string, cfgText []byte, out io.Writer) error {
	idx, err := taggedIndex(dir, tag)
	if err != nil {
		return err
	}
	im, err := idx.IndexManifest()
	if err != nil {
		return err
	}
	if len(im.Manifests) == 0 {
		return fmt.Errorf("%s:%s holds no image", dir, tag)
	}
	ran := false
	for _, d := range im.Manifests {
		if d.Platform == nil || d.Platform.OS != "linux" {
			return fmt.Errorf("manifest %s has no linux platform", d.Digest)
		}
		arch := d.Platform.Architecture
		img, err := idx.Image(d.Digest)
		if err != nil {
			return err
		}
		root, err := os.MkdirTemp("", "crashloop-bot-rootfs-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(root)
		if err := checkImage(img, arch, root); err != nil {
			return fmt.Errorf("linux/%s: %w", arch, err)
		}
		fmt.Fprintf(out, "linux/%s: %s static binary, user %s, CA bundle, passwd: ok\n", arch, d.Digest, userSpec)
		if arch != runtime.GOARCH {
			continue // checked above; cannot run here
		}
		outText, how, err := runFromRootfs(root, cfgText)
		if err != nil {
			return fmt.Errorf("linux/%s: %w", arch, err)
		}
		if !strings.Contains(outText["version"], "crashloop-bot "+version+" ") {
			return fmt.Errorf("linux/%s: version printed %q, want crashloop-bot %s", arch, outText["version"], version)
		}
		if !strings.Contains(outText["check-config"], ": OK") {
			return fmt.Errorf("linux/%s: check-config printed %q, want OK", arch, outText["check-config"])
		}
		fmt.Fprintf(out, "linux/%s: ran %s: %s", arch, how, outText["version"])
		ran = true
	}
	if !ran {
		return fmt.Errorf("no linux/%s image to run on this machine", runtime.GOARCH)
	}
	return nil
}

// taggedIndex finds the index named tag in the layout's index.json.
func taggedIndex(dir, tag string) (v1.ImageIndex, error) {
	top, err := layout.ImageIndexFromPath(dir)
	if err != nil {
		return nil, err
	}
	im, err := top.IndexManifest()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, d := range im.Manifests {
		names = append(names, d.Annotations[refNameKey])
		if d.Annotations[refNameKey] == tag {
			return top.ImageIndex(d.Digest)
		}
	}
	return nil, fmt.Errorf("no index tagged %q in %s (tags: %v)", tag, dir, names)
}

// checkImage checks the image's configuration and unpacks its filesystem
// into root, checking the files the bot needs.
func checkImage(img v1.Image, arch, root string) error {
	cf, err := img.ConfigFile()
	if err != nil {
		return err
	}
	c := cf.Config
	switch {
	case cf.OS != "linux" || cf.Architecture != arch:
		return fmt.Errorf("config says %s/%s", cf.OS, cf.Architecture)
	case c.User != userSpec:
		return fmt.Errorf("user %q, want %s (non-root, numeric for runAsNonRoot)", c.User, userSpec)
	case !slices.Equal(c.Entrypoint, entrypoint):
		return fmt.Errorf("entrypoint %v, want %v", c.Entrypoint, entrypoint)
	case !slices.Equal(c.Cmd, defaultCmd):
		return fmt.Errorf("cmd %v, want %v", c.Cmd, defaultCmd)
	}
	if _, ok := c.ExposedPorts[httpPort]; !ok {
		return fmt.Errorf("exposed ports %v, want %s", c.ExposedPorts, httpPort)
	}
	if err := unpack(img, root); err != nil {
		return err
	}
	bin, err := os.ReadFile(filepath.Join(root, binaryPath))
	if err != nil {
		return err
	}
	if err := checkStaticELF(bin, arch); err != nil {
		return fmt.Errorf("%s: %w", binaryPath, err)
	}
	passwd, err := os.ReadFile(filepath.Join(root, "etc", "passwd"))
	if err != nil {
		return err
	}
	if !strings.Contains(string(passwd), "\nnonroot:x:65532:65532:") {
		return fmt.Errorf("/etc/passwd has no nonroot user 65532:\n%s", passwd)
	}
	ca, err := os.ReadFile(filepath.Join(root, caPath))
	if err != nil {
		return err
	}
	if n := bytes.Count(ca, []byte("-----BEGIN CERTIFICATE-----")); n < 10 {
		return fmt.Errorf("%s holds %d certificates; Slack's and the API server's could not be verified", caPath, n)
	}
	return nil
}

// unpack writes the image's flattened filesystem under root, with the
// modes (not the owners: that needs root) the tar gives.
func unpack(img v1.Image, root string) error {
	// MkdirTemp makes it 0700; the image's / is 0755 (uid 65532 must
	// traverse it after the chroot).
	if err := os.Chmod(root, 0o755); err != nil {
		return err
	}
	rc := mutate.Extract(img)
	defer rc.Close()
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.Clean("/" + h.Name) // no ../ escapes
		p := filepath.Join(root, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(p, 0o755); err != nil {
				return err
			}
			if err := os.Chmod(p, os.FileMode(h.Mode)&os.ModePerm|modeBits(h.Mode)); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, os.FileMode(h.Mode)&os.ModePerm)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: unexpected tar entry type %c", h.Name, h.Typeflag)
		}
		if os.Geteuid() == 0 {
			if err := os.Lchown(p, h.Uid, h.Gid); err != nil {
				return err
			}
		}
	}
}

// modeBits carries the sticky bit of /tmp over.
func modeBits(m int64) os.FileMode {
	if m&0o1000 != 0 {
		return os.ModeSticky
	}
	return 0
}

// runFromRootfs runs the unpacked binary's `version` and `check-config`.
// As root it chroots into the image's filesystem as uid/gid 65532, so the
// binary sees only what the image holds (no libc, the image's CA bundle),
// as the user Kubernetes will run it as. Otherwise it runs the binary in
// place, which still proves the image's binary starts.
func runFromRootfs(root string, cfgText []byte) (map[string]string, string, error) {
	cfgDir := filepath.Join(root, "etc", "crashloop-bot")
	if err := os.MkdirAll(cfgDir, 0o755); err != nil {
		return nil, "", err
	}
	if err := os.WriteFile(filepath.Join(cfgDir, "config.yaml"), cfgText, 0o644); err != nil {
		return nil, "", err
	}
	chroot := os.Geteuid() == 0
	how := "in place (not root: no chroot)"
	if chroot {
		how = "chrooted into the image as uid 65532"
	}
	out := map[string]string{}
	for _, args := range [][]string{{"version"}, {"check-config", "/etc/crashloop-bot/config.yaml"}} {
		var cmd *exec.Cmd
		if chroot {
			cmd = exec.Command(binaryPath, args...)
			cmd.Dir = "/"
			cmd.SysProcAttr = &syscall.SysProcAttr{
				Chroot:     root,
				Credential: &syscall.Credential{Uid: nonrootUID, Gid: nonrootUID},
			}
		} else {
			a := slices.Clone(args)
			if a[0] == "check-config" {
				a[1] = filepath.Join(cfgDir, "config.yaml")
			}
			cmd = exec.Command(filepath.Join(root, binaryPath), a...)
		}
		// The image's environment only: nothing from the build machine.
		cmd.Env = []string{"HOME=/home/nonroot", "SSL_CERT_FILE=" + caPath, "PATH=/"}
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return nil, how, fmt.Errorf("%s %v (%s): %v\n%s", binaryPath, args, how, err, stderr.String())
		}
		out[args[0]] = stdout.String()
	}
	return out, how, nil
}
