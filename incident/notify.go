package incident

import "time"

// policy is what decides when an incident is worth telling people about.
type policy struct {
	// groupWait delays the first notification so a burst becomes one.
	groupWait time.Duration
	// updateEvery is the least time between two updates of one incident.
	updateEvery time.Duration
}

// needsNotify decides whether t should be notified at now, and why (or why
// not). It is pure: the Manager acts on its answer and logs the reason.
//
//   - A pending incident is announced once its group-wait is over, unless
//     its key is silenced (then it waits for the silence to end).
//   - A resolution is always told, silenced or not: it closes the message.
//   - A silence set, lifted or ended is shown at once, so people see that
//     it took effect.
//   - Other changes are held back while silenced and sent at most every
//     updateEvery; an incident loaded from the store (never notified by
//     this manager) is refreshed at once.
func (p policy) needsNotify(t *tracked, now time.Time) (Reason, bool) {
	silenced := t.SilencedUntil.After(now)
	switch t.State {
	case Pending:
		if now.Sub(t.OpenedAt) < p.groupWait {
			return Waiting, false
		}
		if silenced {
			return Silenced, false
		}
		return FirstNotification, true
	case Resolved:
		return ResolvedReason, true
	}
	if !activeSilence(t.SilencedUntil, now).Equal(t.shownSilence) {
		return Updated, true
	}
	if !t.dirty {
		return NoChange, false
	}
	if silenced {
		return Silenced, false
	}
	if !t.notifiedAt.IsZero() && now.Sub(t.notifiedAt) < p.updateEvery {
		return Throttled, false
	}
	return Updated, true
}

// activeSilence is until while it lies ahead of now, else zero: a silence
// that ran out counts as none.
func activeSilence(until, now time.Time) time.Time {
	if until.After(now) {
		return until
	}
	return time.Time{}
}
