package change

import (
	"sort"
	"strconv"
	"strings"
)

// Family groups changes by the part of the pod template they touch.
type Family string

// Families of changes, in the order Diff reports them: the most likely
// causes of a crash first.
const (
	Containers      Family = "containers" // a container or init container added or removed
	Image           Family = "image"
	Command         Family = "command" // command or args
	Env             Family = "env"
	EnvFrom         Family = "envFrom"
	Volumes         Family = "volumes" // volumes, their ConfigMaps/Secrets, and volume mounts
	Resources       Family = "resources"
	Probes          Family = "probes"
	SecurityContext Family = "securityContext"
	ServiceAccount  Family = "serviceAccount"
	Scheduling      Family = "scheduling" // node selector, affinity, tolerations
	Metadata        Family = "metadata"   // template labels and annotations
	Other           Family = "other"      // any other pod or container field
)

var familyRank = map[Family]int{
	Containers: 0, Image: 1, Command: 2, Env: 3, EnvFrom: 4, Volumes: 5, Resources: 6,
	Probes: 7, SecurityContext: 8, ServiceAccount: 9, Scheduling: 10, Metadata: 11, Other: 12,
}

// Change is one difference between two pod templates.
type Change struct {
	Family Family `json:"family"`
	// Container names the container (or init container) changed; empty
	// for a pod-level change.
	Container string `json:"container,omitempty"`
	// Text says what changed in a few words, without the container name:
	// "image api:1.8.2 -> api:1.9.0", "env LOG_LEVEL added",
	// "memory limit 256Mi -> 128Mi". Secret values never appear in it.
	Text string `json:"text"`
}

// String is Text prefixed with the container name, if any: "api: env LOG_LEVEL added".
func (c Change) String() string {
	if c.Container == "" {
		return c.Text
	}
	return c.Container + ": " + c.Text
}

// SummaryItems is how many changes Summarize names before "and N more".
const SummaryItems = 4

// summaryChars bounds the length of Summarize's line before "and N more".
const summaryChars = 160

// Summarize puts changes on one line, the first SummaryItems of them, then
// "and N more": "image api:1.8.2 -> api:1.9.0, env LOG_LEVEL added". Changes
// carry their container name only when they touch more than one container.
// It returns "" for no changes.
func Summarize(changes []Change) string {
	containers := map[string]bool{}
	for _, c := range changes {
		if c.Container != "" {
			containers[c.Container] = true
		}
	}
	var b strings.Builder
	shown := 0
	for _, c := range changes {
		text := c.Text
		if len(containers) > 1 {
			text = c.String()
		}
		if shown == SummaryItems || (shown > 0 && b.Len()+len(text) > summaryChars) {
			break
		}
		if shown > 0 {
			b.WriteString(", ")
		}
		b.WriteString(text)
		shown++
	}
	if rest := len(changes) - shown; rest > 0 {
		b.WriteString(" and " + strconv.Itoa(rest) + " more")
	}
	return b.String()
}

// sortChanges orders changes by family, keeping the order within a family.
func sortChanges(cs []Change) {
	sort.SliceStable(cs, func(i, j int) bool { return familyRank[cs[i].Family] < familyRank[cs[j].Family] })
}
