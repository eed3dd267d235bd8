package incident

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"
)

// trackedStorm is an active storm plus bookkeeping that is not persisted
// (the storm itself lives on in its members' StormRef).
type trackedStorm struct {
	Storm
	index map[Key]int // member index by key
	// dirty: members joined, recovered or changed since the last
	// notification.
	dirty      bool
	notifiedAt time.Time
	skipped    Reason
}

// stormUpdateEvery bounds how often a storm's message is updated: more
// often than one incident's (it is the one message people watch), never
// more often than updateEvery.
func (p policy) stormUpdateEvery() time.Duration { return min(p.updateEvery, 5*time.Second) }

// needsNotifyStorm decides whether storm s should be notified at now, and
// why (or why not). It is pure. A storm is announced when it forms (see
// groupStorms), updated as members join, change or recover, at most every
// stormUpdateEvery, and resolved when every member has recovered.
func (p policy) needsNotifyStorm(s *trackedStorm, now time.Time) (Reason, bool) {
	switch {
	case s.State == Resolved:
		return ResolvedReason, true
	case !s.dirty:
		return NoChange, false
	case !s.notifiedAt.IsZero() && now.Sub(s.notifiedAt) < p.stormUpdateEvery():
		return Throttled, false
	}
	return Updated, true
}

// groupStorms lets diagnosed pending incidents join the open storm they
// belong to, and forms new storms among the others once one of them is due
// (its group-wait is over). Storm messages go out before their members'
// own notifications.
func (m *Manager) groupStorms(ctx context.Context, now time.Time) {
	var cands []*tracked
	undiagnosed := map[string]int{} // pending incidents not diagnosed yet, by channel
	for _, t := range m.sorted() {
		t.gathering = false
		if t.State == Pending && t.Storm == nil && t.Report.Pod == "" {
			undiagnosed[t.Channel]++
		}
		if t.State != Pending || t.Storm != nil || t.Report.Pod == "" || t.SilencedUntil.After(now) {
			continue
		}
		if s := m.stormFor(t); s != nil {
			m.addMember(ctx, s, t, now)
			m.notify(ctx, t, FirstNotification, now)
			continue
		}
		cands = append(cands, t)
	}
	due := func(t *tracked) bool { return now.Sub(t.OpenedAt) >= m.opts.GroupWait }
	if !slices.ContainsFunc(cands, due) {
		return
	}
	groups := chooseStorms(cands, due, m.opts.Storms.MinWorkloads, m.opts.Storms.Factors)
	defer func() {
		// Due incidents a storm may still gather around wait a little
		// longer (see gathering), unless a storm took them.
		for _, t := range cands {
			if t.Storm == nil && due(t) && now.Sub(t.OpenedAt) < 2*m.opts.GroupWait {
				t.gathering = gathering(t, cands, undiagnosed[t.Channel], m.opts.Storms.Factors)
			}
		}
	}()
	for _, g := range groups {
		s := &trackedStorm{Storm: Storm{
			ID:     "storm/" + g.factor.String() + "/" + string(g.category) + "@" + strconv.FormatInt(now.UnixMilli(), 10),
			Factor: g.factor, Category: g.category, Channel: g.channel, Cluster: g.members[0].Key.Cluster,
			State: Open, OpenedAt: now, UpdatedAt: now,
		}, index: map[Key]int{}}
		m.storms[s.ID] = s
		for _, t := range g.members {
			m.addMember(ctx, s, t, now)
		}
		m.log.Info("storm formed", "storm", s.ID, "factor", s.Factor.String(), "category", s.Category, "workloads", len(g.members))
		m.notifyStorm(ctx, s, FirstNotification, now)
		for _, t := range g.members {
			m.notify(ctx, t, FirstNotification, now)
		}
	}
}

// gathering reports whether a storm may still form around t: another
// pending incident shares its channel, category and a factor, or pending
// incidents of its channel are still being diagnosed. In a storm the
// diagnoses of a hundred workloads take a while to arrive; holding t's own
// message for at most one more group-wait lets it join instead of being
// posted on its own. A lone crash loop is never held.
func gathering(t *tracked, cands []*tracked, undiagnosed int, kinds []FactorKind) bool {
	if undiagnosed > 0 {
		return true
	}
	for _, o := range cands {
		if o == t || o.Storm != nil || o.Channel != t.Channel || o.Report.Category != t.Report.Category {
			continue
		}
		for _, k := range kinds {
			vs := factorValues(&o.Incident, k)
			for _, v := range factorValues(&t.Incident, k) {
				if slices.Contains(vs, v) {
					return true
				}
			}
		}
	}
	return false
}

// stormFor returns the open storm t belongs in, the most specific first.
func (m *Manager) stormFor(t *tracked) *trackedStorm {
	var found *trackedStorm
	rank := func(k FactorKind) int { return slices.Index(FactorKinds(), k) }
	for _, s := range m.storms {
		if joins(t, &s.Storm) && (found == nil || rank(s.Factor.Kind) < rank(found.Factor.Kind) ||
			(s.Factor.Kind == found.Factor.Kind && s.OpenedAt.Before(found.OpenedAt))) {
			found = s
		}
	}
	return found
}

// addMember makes t a member of s: announced through the storm.
func (m *Manager) addMember(ctx context.Context, s *trackedStorm, t *tracked, now time.Time) {
	t.Storm = s.ref()
	t.State = Open
	t.Related = "" // the storm message says it for all of them
	s.index[t.Key] = len(s.Members)
	s.Members = append(s.Members, memberOf(t, now))
	s.dirty = true
	m.save(ctx, &t.Incident)
}

func memberOf(t *tracked, joined time.Time) Member {
	return Member{Key: t.Key, IncidentID: t.ID, Pods: t.PodCount, Restarts: t.Restarts, Summary: t.Report.Summary,
		JoinedAt: joined, Resolved: t.State == Resolved}
}

// memberChanged refreshes t's line in its storm.
func (m *Manager) memberChanged(t *tracked) {
	if t.Storm == nil {
		return
	}
	s := m.storms[t.Storm.ID]
	if s == nil {
		return
	}
	i, ok := s.index[t.Key]
	if !ok {
		return
	}
	mem := memberOf(t, s.Members[i].JoinedAt)
	if mem != s.Members[i] {
		s.Members[i] = mem
		s.dirty = true
	}
	if s.Crashing() == 0 && s.State == Open {
		s.State, s.ResolvedAt = Resolved, m.opts.Now()
	}
}

// flushStorms sends what needsNotifyStorm says is due and forgets resolved
// storms.
func (m *Manager) flushStorms(ctx context.Context, now time.Time) {
	storms := make([]*trackedStorm, 0, len(m.storms))
	for _, s := range m.storms {
		storms = append(storms, s)
	}
	slices.SortFunc(storms, func(a, b *trackedStorm) int { return cmp.Or(a.OpenedAt.Compare(b.OpenedAt), cmp.Compare(a.ID, b.ID)) })
	for _, s := range storms {
		reason, ok := m.policy.needsNotifyStorm(s, now)
		if !ok {
			if reason != s.skipped && reason != NoChange {
				m.log.Debug("not notifying", "reason", reason, "storm", s.ID)
			}
			s.skipped = reason
			continue
		}
		s.skipped = ""
		m.notifyStorm(ctx, s, reason, now)
		if s.State == Resolved {
			delete(m.storms, s.ID)
		}
	}
}

// notifyStorm sends a notification about the storm itself.
func (m *Manager) notifyStorm(ctx context.Context, s *trackedStorm, reason Reason, now time.Time) {
	s.UpdatedAt = now
	snap := s.Storm
	snap.Members = slices.Clone(s.Members)
	s.dirty, s.notifiedAt = false, now
	m.log.Info("notify", "reason", reason, "storm", s.ID, "factor", s.Factor.String(), "category", s.Category,
		"channel", s.Channel, "workloads", len(s.Members), "crashing", s.Crashing())
	m.notifier.Notify(Notification{Reason: reason, Storm: &snap})
}

// stormHeader is t's storm without its member list, for t's notifications.
func (m *Manager) stormHeader(t *tracked) *Storm {
	if t.Storm == nil {
		return nil
	}
	if s := m.storms[t.Storm.ID]; s != nil {
		h := s.Storm
		h.Members = nil
		return &h
	}
	return &Storm{ID: t.Storm.ID, Factor: t.Storm.Factor, Category: t.Storm.Category, Channel: t.Channel,
		Cluster: t.Key.Cluster, State: Open, OpenedAt: t.Storm.OpenedAt}
}

// History is the store's record of resolved incidents too (store.Store
// implements it); with it a restarted bot still counts the members of a
// storm that recovered before the restart.
type History interface {
	History(ctx context.Context, since time.Time) ([]Incident, error)
}

// loadStorms rebuilds the open storms from their members in the store.
func (m *Manager) loadStorms(ctx context.Context) {
	var oldest time.Time
	for _, t := range m.sorted() {
		r := t.Storm
		if r == nil {
			continue
		}
		s := m.storms[r.ID]
		if s == nil {
			s = &trackedStorm{Storm: Storm{ID: r.ID, Factor: r.Factor, Category: r.Category, Channel: t.Channel,
				Cluster: t.Key.Cluster, State: Open, OpenedAt: r.OpenedAt, UpdatedAt: r.OpenedAt}, index: map[Key]int{}, dirty: true}
			m.storms[r.ID] = s
			if oldest.IsZero() || r.OpenedAt.Before(oldest) {
				oldest = r.OpenedAt
			}
		}
		s.index[t.Key] = len(s.Members)
		s.Members = append(s.Members, memberOf(t, t.OpenedAt))
	}
	h, ok := m.store.(History)
	if len(m.storms) == 0 || !ok {
		return
	}
	past, err := h.History(ctx, oldest)
	if err != nil {
		m.log.Warn("read the recovered members of storms", "err", err)
		return
	}
	for _, inc := range past {
		if inc.State != Resolved || inc.Storm == nil {
			continue
		}
		if s := m.storms[inc.Storm.ID]; s != nil {
			if _, dup := s.index[inc.Key]; !dup {
				s.index[inc.Key] = len(s.Members)
				s.Members = append(s.Members, memberOf(&tracked{Incident: inc}, inc.OpenedAt))
			}
		}
	}
	for _, s := range m.storms {
		slices.SortStableFunc(s.Members, func(a, b Member) int { return a.JoinedAt.Compare(b.JoinedAt) })
		for i, mem := range s.Members {
			s.index[mem.Key] = i
		}
	}
}
