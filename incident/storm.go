package incident

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// A storm is many workloads crash-looping at once for one shared cause:
// at least StormOptions.MinWorkloads workloads that start crashing within
// the group-wait with the same category and a shared factor (a dependency
// host, a ConfigMap or Secret, an image, a node, a namespace). People get
// one storm message naming the cause and the workloads instead of one
// message per workload; each workload's details are told as part of it.

// StormOptions configure storm grouping.
type StormOptions struct {
	// Enabled turns grouping on; off, every workload gets its own message.
	Enabled bool
	// MinWorkloads is how many workloads make a storm; default 5.
	MinWorkloads int
	// Factors are the factor kinds considered, most specific first;
	// default FactorKinds().
	Factors []FactorKind
}

// StormRef is what a member incident keeps of its storm, so a restarted
// bot continues the storm.
type StormRef struct {
	ID       string            `json:"id"`
	Factor   Factor            `json:"factor"`
	Category diagnose.Category `json:"category"`
	OpenedAt time.Time         `json:"opened_at"`
}

// Storm is one shared cause and the workloads crash-looping because of it.
type Storm struct {
	ID       string
	Factor   Factor
	Category diagnose.Category
	// Channel is where the storm is announced, as routed (every member is
	// routed there).
	Channel    string
	Cluster    string
	State      State
	OpenedAt   time.Time
	UpdatedAt  time.Time
	ResolvedAt time.Time
	// Members are the workloads, in the order they joined. In a member
	// incident's notification the storm comes without them.
	Members []Member
}

// Member is one workload of a storm, as the storm message counts it.
type Member struct {
	Key        Key
	IncidentID string
	Pods       int
	Restarts   int32
	// Summary is the member's own diagnosis in one line.
	Summary  string
	JoinedAt time.Time
	Resolved bool
}

// Crashing counts the members not yet recovered.
func (s Storm) Crashing() int {
	n := 0
	for _, m := range s.Members {
		if !m.Resolved {
			n++
		}
	}
	return n
}

// Pods counts the affected pods of every member.
func (s Storm) Pods() int {
	n := 0
	for _, m := range s.Members {
		n += m.Pods
	}
	return n
}

// ref is what members keep of s.
func (s *Storm) ref() *StormRef {
	return &StormRef{ID: s.ID, Factor: s.Factor, Category: s.Category, OpenedAt: s.OpenedAt}
}

// stormGroup is a storm about to be formed.
type stormGroup struct {
	factor   Factor
	category diagnose.Category
	channel  string
	members  []*tracked
}

// nearlyAsMany: a more specific factor is preferred when it explains at
// least this share of the workloads the broadest grouping would.
const nearlyAsMany = 0.8

// chooseStorms picks storms among candidates (pending, diagnosed, not
// silenced, in no storm): groups of at least min workloads of one channel
// and category sharing a factor value, with at least one member whose
// group-wait is over. Of the groupings possible, the most specific factor
// that explains nearly as many workloads as any other wins ("all can't
// reach postgres.shop" over "all in namespace shop"); the rest are grouped
// again. It is pure.
func chooseStorms(cands []*tracked, due func(*tracked) bool, min int, kinds []FactorKind) []stormGroup {
	type bucketKey struct {
		channel  string
		category diagnose.Category
		value    string
	}
	var out []stormGroup
	remaining := slices.Clone(cands)
	for len(remaining) >= min {
		type choice struct {
			kind    FactorKind
			key     bucketKey
			members []*tracked
		}
		var best []choice // the largest qualifying bucket of each kind, in kinds order
		largest := 0
		for _, kind := range kinds {
			buckets := map[bucketKey][]*tracked{}
			for _, t := range remaining {
				for _, v := range factorValues(&t.Incident, kind) {
					k := bucketKey{t.Channel, t.Report.Category, v}
					if !slices.Contains(buckets[k], t) {
						buckets[k] = append(buckets[k], t)
					}
				}
			}
			var pick *choice
			for k, ms := range buckets {
				if len(ms) < min || !slices.ContainsFunc(ms, due) {
					continue
				}
				c := choice{kind, k, ms}
				if pick == nil || len(ms) > len(pick.members) || (len(ms) == len(pick.members) && cmp.Compare(k.value, pick.key.value) < 0) {
					pick = &c
				}
			}
			if pick != nil {
				best = append(best, *pick)
				largest = max(largest, len(pick.members))
			}
		}
		if len(best) == 0 {
			break
		}
		want := int(math.Ceil(nearlyAsMany * float64(largest)))
		var chosen choice
		for _, c := range best {
			if len(c.members) >= want {
				chosen = c
				break
			}
		}
		members := slices.Clone(chosen.members)
		slices.SortFunc(members, func(a, b *tracked) int { return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID)) })
		out = append(out, stormGroup{
			factor: Factor{Kind: chosen.kind, Value: chosen.key.value}, category: chosen.key.category,
			channel: chosen.key.channel, members: members,
		})
		remaining = slices.DeleteFunc(remaining, func(t *tracked) bool { return slices.Contains(members, t) })
	}
	return out
}

// joins reports whether incident t belongs in storm s: same channel and
// category, and it shares the storm's factor.
func joins(t *tracked, s *Storm) bool {
	return s.State == Open && t.Channel == s.Channel && t.Report.Category == s.Category &&
		slices.Contains(factorValues(&t.Incident, s.Factor.Kind), s.Factor.Value)
}
