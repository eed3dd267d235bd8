package incident

import (
	"sync"
	"time"
)

// Rediagnosis decides when a workload's crash is worth a full diagnosis
// (pod, events, previous logs, rollout history) and when counting it is
// enough: a workload is diagnosed on its first crash and then at most every
// Every, so a crash storm costs one log fetch per workload, not one per
// crash. The first caller for a key claims the diagnosis, so replicas of
// one workload crashing at once are diagnosed once. Safe for concurrent use.
type Rediagnosis struct {
	every time.Duration

	mu   sync.Mutex
	last map[Key]time.Time
}

// maxRediagnosisKeys bounds the memory of Rediagnosis; past it, keys whose
// claim is older than every are forgotten.
const maxRediagnosisKeys = 10000

// NewRediagnosis returns a Rediagnosis that diagnoses a workload again
// after every (default 1 minute).
func NewRediagnosis(every time.Duration) *Rediagnosis {
	if every <= 0 {
		every = time.Minute
	}
	return &Rediagnosis{every: every, last: map[Key]time.Time{}}
}

// Claim reports whether a crash of k at now needs a full diagnosis, and if
// so records that one is under way.
func (r *Rediagnosis) Claim(k Key, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.last[k]; ok && now.Sub(t) < r.every {
		return false
	}
	if len(r.last) >= maxRediagnosisKeys {
		for key, t := range r.last {
			if now.Sub(t) >= r.every {
				delete(r.last, key)
			}
		}
	}
	r.last[k] = now
	return true
}

// Release gives a claim back: the diagnosis failed, so the next crash of k
// is diagnosed again.
func (r *Rediagnosis) Release(k Key) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.last, k)
}
