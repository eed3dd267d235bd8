package main

import (
	"debug/buildinfo"
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	spdxjson "github.com/spdx/tools-golang/json"
	"github.com/spdx/tools-golang/spdx/v2/common"
	spdx "github.com/spdx/tools-golang/spdx/v2/v2_3"
)

func runSBOM(args []string) error {
	fs := flag.NewFlagSet("sbom", flag.ContinueOnError)
	bin := fs.String("binary", "", "the binary to describe (its embedded build information)")
	tag := fs.String("tag", "", "the release's version")
	out := fs.String("out", "", "SPDX JSON file to write")
	created := fs.String("created", "", "the document's creation time, RFC 3339 (default: the Unix epoch)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *bin == "" || *tag == "" || *out == "" {
		return errors.New("--binary, --tag and --out are required")
	}
	when := time.Unix(0, 0).UTC()
	if *created != "" {
		t, err := time.Parse(time.RFC3339, *created)
		if err != nil {
			return fmt.Errorf("--created: %w", err)
		}
		when = t.UTC()
	}
	info, err := buildinfo.ReadFile(*bin)
	if err != nil {
		return fmt.Errorf("%s: %w", *bin, err)
	}
	doc := sbom(info, *tag, when)
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := spdxjson.Write(doc, f, spdxjson.Indent("  ")); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// spdxID makes an SPDX element id from a module path: letters, digits, "."
// and "-" only.
var spdxIDUnsafe = regexp.MustCompile(`[^A-Za-z0-9.-]+`)

func spdxID(kind, name string) common.ElementID {
	return common.ElementID(kind + "-" + strings.Trim(spdxIDUnsafe.ReplaceAllString(name, "-"), "-"))
}

func purl(path, version string) *spdx.PackageExternalReference {
	return &spdx.PackageExternalReference{Category: "PACKAGE-MANAGER", RefType: "purl", Locator: "pkg:golang/" + path + "@" + version}
}

// sbom describes the binary: the bot (its main module, at version) and,
// as its dependencies, every module compiled in and the Go standard
// library, each with a package URL.
func sbom(info *buildinfo.BuildInfo, version string, created time.Time) *spdx.Document {
	main := &spdx.Package{
		PackageName:             info.Main.Path,
		PackageSPDXIdentifier:   "Package-crashloop-bot",
		PackageVersion:          version,
		PackageDownloadLocation: "https://github.com/crashloop-bot/crashloop-bot",
		PackageLicenseDeclared:  "Apache-2.0",
		PackageLicenseConcluded: "NOASSERTION",
		PackageCopyrightText:    "NOASSERTION",
		PrimaryPackagePurpose:   "APPLICATION",
		PackageExternalReferences: []*spdx.PackageExternalReference{
			purl(info.Main.Path, version),
		},
	}
	if rev := setting(info, "vcs.revision"); rev != "unknown" {
		main.PackageSourceInfo = "built from git commit " + rev
	}
	// One document per binary: the platform is part of its name, and the
	// namespace must be unique per document.
	platform := setting(info, "GOOS") + "-" + setting(info, "GOARCH")
	doc := &spdx.Document{
		SPDXVersion:       spdx.Version,
		DataLicense:       spdx.DataLicense,
		SPDXIdentifier:    "DOCUMENT",
		DocumentName:      "crashloop-bot-" + version + "-" + platform,
		DocumentNamespace: "https://github.com/crashloop-bot/crashloop-bot/spdx/" + version + "/" + platform,
		CreationInfo: &spdx.CreationInfo{
			Creators: []common.Creator{{CreatorType: "Tool", Creator: "crashloop-bot-build-image"}},
			Created:  created.Format(time.RFC3339),
		},
		Packages: []*spdx.Package{main},
		Relationships: []*spdx.Relationship{{
			RefA: common.MakeDocElementID("", "DOCUMENT"), RefB: common.MakeDocElementID("", string(main.PackageSPDXIdentifier)),
			Relationship: "DESCRIBES",
		}},
	}
	goVersion := strings.TrimPrefix(info.GoVersion, "go")
	deps := []*spdx.Package{{
		PackageName:             "stdlib",
		PackageSPDXIdentifier:   "Package-go-stdlib",
		PackageVersion:          info.GoVersion,
		PackageDownloadLocation: "https://go.dev/dl/",
		PackageLicenseConcluded: "NOASSERTION",
		PackageCopyrightText:    "NOASSERTION",
		PackageExternalReferences: []*spdx.PackageExternalReference{
			purl("stdlib", "v"+goVersion),
		},
	}}
	for _, d := range info.Deps {
		m := d
		if d.Replace != nil {
			m = d.Replace
		}
		p := &spdx.Package{
			PackageName:             m.Path,
			PackageSPDXIdentifier:   spdxID("Package", m.Path+"-"+m.Version),
			PackageVersion:          m.Version,
			PackageDownloadLocation: "https://proxy.golang.org/" + strings.ToLower(m.Path) + "/@v/" + m.Version + ".zip",
			PackageLicenseConcluded: "NOASSERTION",
			PackageCopyrightText:    "NOASSERTION",
			PackageExternalReferences: []*spdx.PackageExternalReference{
				purl(m.Path, m.Version),
			},
		}
		if m.Sum != "" {
			p.PackageComment = "go.sum " + m.Sum
		}
		deps = append(deps, p)
	}
	for _, p := range deps {
		doc.Packages = append(doc.Packages, p)
		doc.Relationships = append(doc.Relationships, &spdx.Relationship{
			RefA: common.MakeDocElementID("", string(main.PackageSPDXIdentifier)), RefB: common.MakeDocElementID("", string(p.PackageSPDXIdentifier)),
			Relationship: "DEPENDS_ON",
		})
	}
	return doc
}

// setting returns a build setting of the binary (GOOS, GOARCH, vcs.revision).
func setting(info *buildinfo.BuildInfo, key string) string {
	for _, s := range info.Settings {
		if s.Key == key {
			return s.Value
		}
	}
	return "unknown"
}
