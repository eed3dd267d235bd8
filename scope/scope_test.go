package scope

import "testing"

func TestGrantAllows(t *testing.T) {
	ab := Watched{Namespaces: []string{"a", "b"}, Exclude: []string{"b", "kube-system"}}
	all := Watched{Exclude: []string{"kube-system"}}
	for _, tc := range []struct {
		name  string
		g     Grant
		w     Watched
		ns    string
		allow bool
	}{
		{"star is watched", Grant{"*"}, ab, "a", true},
		{"star is not unwatched", Grant{"*"}, ab, "c", false},
		{"star is not excluded", Grant{"*"}, ab, "b", false},
		{"star with all watched", Grant{"*"}, all, "anything", true},
		{"star never excluded with all watched", Grant{"*"}, all, "kube-system", false},
		{"named unwatched is an explicit grant", Grant{"c"}, ab, "c", true},
		{"named excluded is not", Grant{"kube-system"}, ab, "kube-system", false},
		{"not named", Grant{"a"}, ab, "x", false},
		{"empty grant", nil, all, "a", false},
		{"empty namespace", Grant{"*"}, all, "", false},
	} {
		if got := tc.g.Allows(tc.w, tc.ns); got != tc.allow {
			t.Errorf("%s: Allows(%q) = %v, want %v", tc.name, tc.ns, got, tc.allow)
		}
	}
}
