package digest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/crashloop-bot/crashloop-bot/incident"
)

// DefaultSpec is the default schedule: every day at 09:00.
const DefaultSpec = "0 9 * * *"

// DefaultWeeklySpec is the default schedule of a weekly digest: Mondays at
// 09:00.
const DefaultWeeklySpec = "0 9 * * 1"

// Source gives the incidents a digest is built from.
type Source interface {
	// History returns every incident not resolved before since.
	History(ctx context.Context, since time.Time) ([]incident.Incident, error)
}

// Store is what the Scheduler reads and records.
type Store interface {
	Source
	// LastDigest returns when channel last received a digest; zero if never.
	LastDigest(ctx context.Context, channel string) (time.Time, error)
	// RecordDigest records that channel received a digest at at.
	RecordDigest(ctx context.Context, channel string, at time.Time) error
}

// RunClaimer lets the bots of a fleet, which share one store, elect the
// one that sends each scheduled digest (store.Postgres implements it). A
// Scheduler whose store implements it claims each run before sending it.
type RunClaimer interface {
	// ClaimDigestRun claims the run of channel scheduled at due until
	// lease has passed, and reports whether this bot holds it: it claimed
	// it first, holds it already (a renewal), or the holder's lease ran
	// out.
	ClaimDigestRun(ctx context.Context, channel string, due time.Time, lease time.Duration) (bool, error)
}

// Sender delivers a digest to a channel (Slack, or the console).
type Sender interface {
	SendDigest(ctx context.Context, channel string, d Digest) error
}

// Load reads the incidents of the window ending at now, of the one before
// it and of the trend's days, and builds the digest of those in scope.
func Load(ctx context.Context, src Source, scope Scope, window time.Duration, now time.Time) (Digest, error) {
	if window <= 0 {
		window = DefaultWindow
	}
	incs, err := src.History(ctx, HistoryStart(window, now))
	if err != nil {
		return Digest{}, fmt.Errorf("load incidents: %w", err)
	}
	return Build(incs, scope, window, now), nil
}

// Job sends digests to one channel on a schedule.
type Job struct {
	Channel string
	// Spec is a standard 5-field cron spec ("0 9 * * 1-5"), optionally
	// prefixed with CRON_TZ=<zone>; empty means DefaultSpec (or
	// DefaultWeeklySpec for a weekly Window).
	Spec string
	// Location is the time zone of Spec and of the digest's times, unless
	// Spec names one with CRON_TZ=; nil means Options.Location.
	Location *time.Location
	// Scope is what the channel may see; required (Everything for all).
	Scope Scope
	// Window is the period each digest covers; 0 means Options.Window.
	Window time.Duration
}

// Options configure a Scheduler.
type Options struct {
	// Window is the period each digest covers; 0 means DefaultWindow.
	Window time.Duration
	// Location is the default time zone of specs and of the digest's
	// times; nil means UTC.
	Location *time.Location
	// RetryMin and RetryMax bound the backoff between attempts of a
	// failed send (defaults 1m and 30m). Retries stop when the next run is due.
	RetryMin, RetryMax time.Duration
	// ClaimLease is how long a claimed run (see RunClaimer) is this bot's
	// before another bot of the fleet may take it over; renewed at each
	// attempt. Default 5m.
	ClaimLease time.Duration
	Logger     *slog.Logger
	// Now replaces time.Now; it must agree with the timers of the time
	// package (tests use testing/synctest).
	Now func() time.Time
}

// Scheduler sends each job's digest on its schedule. A run missed while
// the bot was down (the recorded last run is older than the latest
// scheduled time) is sent once when Run starts. A failed send is retried
// and recorded only when it succeeds.
type Scheduler struct {
	store  Store
	sender Sender
	opts   Options
	log    *slog.Logger
	jobs   []job
}

type job struct {
	Job
	sched cron.Schedule
}

// The reasons a digest is sent, for the logs.
const (
	reasonScheduled = "scheduled"
	reasonMissed    = "missed_run"
)

// NewScheduler checks the jobs' specs and returns a Scheduler; it does no I/O.
func NewScheduler(store Store, sender Sender, jobs []Job, opts Options) (*Scheduler, error) {
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	if opts.RetryMin <= 0 {
		opts.RetryMin = time.Minute
	}
	if opts.RetryMax < opts.RetryMin {
		opts.RetryMax = max(opts.RetryMin, 30*time.Minute)
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.ClaimLease <= 0 {
		opts.ClaimLease = 5 * time.Minute
	}
	s := &Scheduler{store: store, sender: sender, opts: opts, log: opts.Logger.With("component", "digest")}
	seen := map[string]bool{}
	var errs []error
	for i, j := range jobs {
		if j.Channel == "" || seen[j.Channel] {
			errs = append(errs, fmt.Errorf("digest job %d: channel %q is empty or repeated", i, j.Channel))
			continue
		}
		seen[j.Channel] = true
		if j.Window <= 0 {
			j.Window = opts.Window
		}
		if j.Spec == "" {
			j.Spec = DefaultSpec
			if j.Window >= Week {
				j.Spec = DefaultWeeklySpec
			}
		}
		if j.Scope == nil {
			// Fail closed: a job must say what its channel may see.
			errs = append(errs, fmt.Errorf("digest job %d (%s): no scope", i, j.Channel))
			continue
		}
		if j.Location == nil {
			j.Location = opts.Location
		}
		sched, err := cron.ParseStandard(j.Spec)
		if err != nil {
			errs = append(errs, fmt.Errorf("digest schedule %q of %s: %w", j.Spec, j.Channel, err))
			continue
		}
		if spec, ok := sched.(*cron.SpecSchedule); ok && spec.Location != time.Local {
			j.Location = spec.Location // CRON_TZ= names the zone
		}
		s.jobs = append(s.jobs, job{Job: j, sched: sched})
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

// Next returns when channel's next digest is due after t (zero for an
// unknown channel), for logs and `check-config`.
func (s *Scheduler) Next(channel string, t time.Time) time.Time {
	for _, j := range s.jobs {
		if j.Channel == channel {
			return j.next(t)
		}
	}
	return time.Time{}
}

// Run sends digests until ctx ends, then returns nil.
func (s *Scheduler) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, j := range s.jobs {
		wg.Go(func() { s.runJob(ctx, j) })
	}
	wg.Wait()
	return nil
}

// next is the first scheduled time after t, in the job's time zone (a
// CRON_TZ prefix in the spec takes precedence).
func (j job) next(t time.Time) time.Time { return j.sched.Next(t.In(j.Location)) }

func (s *Scheduler) runJob(ctx context.Context, j job) {
	log := s.log.With("channel", j.Channel, "schedule", j.Spec)
	var last time.Time
	if !s.retry(ctx, log, "read last digest run", time.Time{}, func() (err error) {
		last, err = s.store.LastDigest(ctx, j.Channel)
		return err
	}) {
		return
	}
	// With no record this bot never sent one, so it missed nothing.
	if now := s.opts.Now(); !last.IsZero() && !j.next(last).After(now) {
		s.deliver(ctx, log, j, reasonMissed, j.next(last), j.next(now))
	}
	for {
		due := j.next(s.opts.Now())
		log.Debug("next digest", "at", due)
		if !sleepUntil(ctx, s.opts.Now, due) {
			return
		}
		s.deliver(ctx, log, j, reasonScheduled, due, j.next(due))
	}
}

// deliver builds and sends the digest of the run scheduled at due,
// retrying until it is sent, ctx ends, or giveUp (the next scheduled run)
// comes. With a RunClaimer store, only the bot holding the run's claim
// sends it (see elect).
func (s *Scheduler) deliver(ctx context.Context, log *slog.Logger, j job, reason string, due, giveUp time.Time) {
	claimer, fleet := s.store.(RunClaimer)
	if fleet && !s.elect(ctx, log, claimer, j, due, giveUp) {
		return
	}
	var sentAt time.Time
	lostClaim := false
	ok := s.retry(ctx, log, "send digest", giveUp, func() error {
		if fleet {
			// Renewed at each attempt: a bot retrying through a Slack
			// outage keeps the run; one that stopped loses it.
			won, err := claimer.ClaimDigestRun(ctx, j.Channel, due, s.opts.ClaimLease)
			if err != nil {
				return err
			}
			if !won {
				lostClaim = true
				return nil
			}
		}
		now := s.opts.Now().In(j.Location)
		d, err := Load(ctx, s.store, j.Scope, j.Window, now)
		if err != nil {
			return err
		}
		if err := s.sender.SendDigest(ctx, j.Channel, d); err != nil {
			return err
		}
		sentAt = now
		log.Info("digest sent", "reason", reason, "incidents", d.Opened+d.StillOpen, "quiet", d.Quiet, "clusters", max(1, len(d.Clusters)))
		return nil
	})
	if !ok {
		return
	}
	if lostClaim {
		log.Warn("another bot of the fleet took this digest run over; not sending it", "run", due)
		return
	}
	// The send succeeded: recording it must not fail for a passing error,
	// or a restart would send it again.
	s.retry(ctx, log, "record digest run", giveUp, func() error {
		return s.store.RecordDigest(ctx, j.Channel, sentAt)
	})
}

// elect waits until this bot holds the claim on the run scheduled at due
// (true), or another bot of the fleet has sent it, ctx ends or giveUp
// comes (false). The holder that stops before sending loses the claim
// when its lease runs out, and a waiting bot takes the run over.
func (s *Scheduler) elect(ctx context.Context, log *slog.Logger, c RunClaimer, j job, due, giveUp time.Time) bool {
	// The holder usually sends within a second: look again soon, then
	// less often.
	longest := min(s.opts.RetryMin, s.opts.ClaimLease/2)
	wait := min(2*time.Second, longest)
	waiting := false
	for {
		last, err := s.store.LastDigest(ctx, j.Channel)
		if err == nil && !last.Before(due) {
			log.Info("another bot of the fleet sent this digest run", "run", due, "waited", waiting)
			return false
		}
		won, cerr := c.ClaimDigestRun(ctx, j.Channel, due, s.opts.ClaimLease)
		if cerr == nil && won {
			return true
		}
		if err = cmp.Or(err, cerr); err != nil {
			log.Warn("cannot claim the digest run; retrying", "run", due, "err", err)
		} else if !waiting {
			log.Debug("another bot of the fleet claimed this digest run; waiting for it", "run", due)
		}
		waiting = true
		at := s.opts.Now().Add(wait)
		if !giveUp.IsZero() && !at.Before(giveUp) {
			return false
		}
		if !sleepUntil(ctx, s.opts.Now, at) {
			return false
		}
		wait = min(2*wait, longest)
	}
}

// retry calls f until it succeeds (true), ctx ends, or the next backoff
// would pass giveUp (false); a zero giveUp never gives up.
func (s *Scheduler) retry(ctx context.Context, log *slog.Logger, what string, giveUp time.Time, f func() error) bool {
	wait := s.opts.RetryMin
	for attempt := 1; ; attempt++ {
		err := f()
		if err == nil {
			return true
		}
		if ctx.Err() != nil {
			return false
		}
		at := s.opts.Now().Add(wait)
		if !giveUp.IsZero() && !at.Before(giveUp) {
			log.Error(what+" failed; giving up as the next run is due", "attempt", attempt, "err", err)
			return false
		}
		log.Warn(what+" failed; retrying", "attempt", attempt, "in", wait, "err", err)
		if !sleepUntil(ctx, s.opts.Now, at) {
			return false
		}
		wait = min(2*wait, s.opts.RetryMax)
	}
}

// sleepUntil waits until t; false when ctx ended first.
func sleepUntil(ctx context.Context, now func() time.Time, t time.Time) bool {
	timer := time.NewTimer(t.Sub(now()))
	defer timer.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-timer.C:
		return true
	}
}
