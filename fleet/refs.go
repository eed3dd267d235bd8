package fleet

import (
	"context"
	"errors"

	"github.com/crashloop-bot/crashloop-bot/store"
)

// MessageRefs is where a sink keeps its message references (store.Postgres).
type MessageRefs interface {
	MessageRef(ctx context.Context, subject string) (ref store.MessageRef, ok bool, err error)
	SaveMessageRef(ctx context.Context, ref store.MessageRef) error
}

// Refs are the sink's message references in a fleet. While the database
// cannot be reached, a message this process announces (a fleet incident
// it founded, a storm of its cluster) and has not saved a reference for
// cannot have been posted by anyone: Refs says "not posted" instead of
// "unknown", so the sink posts it rather than waiting for the database.
type Refs struct {
	MessageRefs
	C *Coordinator
}

// MessageRef returns where the message about subject is.
func (r Refs) MessageRef(ctx context.Context, subject string) (store.MessageRef, bool, error) {
	ref, ok, err := r.MessageRefs.MessageRef(ctx, subject)
	if err != nil && errors.Is(err, store.ErrUnavailable) && r.C != nil && r.C.Announced(subject) {
		return store.MessageRef{}, false, nil
	}
	return ref, ok, err
}
