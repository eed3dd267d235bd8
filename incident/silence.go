package incident

import (
	"context"
	"time"
)

// Silence mutes the notifications of one key Until; By says who set it.
type Silence struct {
	Until time.Time
	By    string
}

// SilenceSource reads the silences in force. The store is the one source of
// truth for silences: commands write them there (from any replica), the
// Manager only reads them.
type SilenceSource interface {
	// ActiveSilences returns the silences not yet expired, by key.
	ActiveSilences(ctx context.Context) (map[Key]Silence, error)
}

// SilencesChanged tells the manager that silences changed in the store, so
// it reads them again now rather than at its next periodic read. It never
// blocks.
func (m *Manager) SilencesChanged() {
	select {
	case m.silencesChanged <- struct{}{}:
	default: // a read is already due
	}
}

// refreshSilences reads the silences from the store and applies them to
// the active incidents: a silence set, lifted or changed is noted on the
// incident, and needsNotify shows it at once.
func (m *Manager) refreshSilences(ctx context.Context) {
	if m.opts.Silences == nil {
		return
	}
	got, err := m.opts.Silences.ActiveSilences(ctx)
	if err != nil {
		// Keep the silences last read: a store hiccup must not unmute.
		m.log.Warn("read silences", "err", err)
		return
	}
	m.silences = got
	now := m.opts.Now()
	for key, t := range m.active {
		s := got[key]
		until := activeSilence(s.Until, now)
		if until.Equal(t.SilencedUntil) {
			continue
		}
		if t.State == Open {
			switch {
			case !until.IsZero():
				t.notes = append(t.notes, Note{Kind: SilenceSet, Until: until, By: s.By})
			case t.SilencedUntil.After(now):
				t.notes = append(t.notes, Note{Kind: SilenceLifted})
			default:
				t.notes = append(t.notes, Note{Kind: SilenceEnded})
			}
		}
		m.log.Info("silence applied", "incident", t.ID, "key", key.String(), "until", until, "by", s.By)
		t.SilencedUntil = until
	}
}
