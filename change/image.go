package change

import "strings"

// splitImage splits an image reference into repository, tag and digest:
// "reg.io:5000/shop/api:1.9@sha256:ab" -> "reg.io:5000/shop/api", "1.9", "sha256:ab".
func splitImage(ref string) (repo, tag, digest string) {
	repo, digest, _ = strings.Cut(ref, "@")
	if i := strings.LastIndex(repo, ":"); i > strings.LastIndex(repo, "/") {
		repo, tag = repo[:i], repo[i+1:]
	}
	return repo, tag, digest
}

// shortDigest keeps the algorithm and 12 hex digits, as docker prints them.
func shortDigest(d string) string {
	alg, hex, ok := strings.Cut(d, ":")
	if !ok || len(hex) <= 12 {
		return d
	}
	return alg + ":" + hex[:12]
}

// formatImage renders repo[:tag][@digest], with a shortened digest.
func formatImage(repo, tag, digest string) string {
	s := repo
	if tag != "" {
		s += ":" + tag
	}
	if digest != "" {
		s += "@" + shortDigest(digest)
	}
	return s
}

// shortImage drops the registry and path: "reg.io/shop/api:1.9" -> "api:1.9".
func shortImage(ref string) string {
	repo, tag, digest := splitImage(ref)
	return formatImage(repo[strings.LastIndex(repo, "/")+1:], tag, digest)
}

// imageChange renders "api:1.8.2 -> api:1.9.0": the short names when only
// the tag or digest changed, the full references when the repository did.
func imageChange(prev, cur string) string {
	pr, pt, pd := splitImage(prev)
	cr, ct, cd := splitImage(cur)
	if pr != cr {
		return formatImage(pr, pt, pd) + " -> " + formatImage(cr, ct, cd)
	}
	return shortImage(prev) + " -> " + shortImage(cur)
}
