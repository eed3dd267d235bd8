package kube

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// crashBackOffPrefix starts the kubelet's crash back-off message. Image pull
// back-offs share the reason BackOff but say "Back-off pulling image".
const crashBackOffPrefix = "Back-off restarting failed container"

// BackOff is one kubelet back-off event of a pod.
type BackOff struct {
	Namespace string
	Pod       string
	// Container is the container named by the message; empty for old
	// kubelets whose message names none, and for image pulls.
	Container string
	// At is when the event was last seen.
	At time.Time
	// ImagePull: the kubelet backs off pulling an image ("Back-off pulling
	// image"), which shares the reason BackOff but is no crash loop.
	ImagePull bool
}

// Watcher lists and watches BackOff events, filtered by the API server.
type Watcher struct {
	client     kubernetes.Interface
	namespaces []string
	exclude    []string
	log        *slog.Logger
	synced     atomic.Bool
}

// NewWatcher returns a Watcher of the given namespaces (all when empty)
// except the excluded ones; it does no I/O.
func NewWatcher(client kubernetes.Interface, namespaces, exclude []string, log *slog.Logger) *Watcher {
	return &Watcher{client: client, namespaces: namespaces, exclude: exclude, log: log.With("component", "watch")}
}

// Synced reports whether every watched namespace has been listed once.
func (w *Watcher) Synced() bool { return w.synced.Load() }

// Run calls handle for every back-off event of a pod (those existing at
// start, then new and updated ones), crash back-offs and image pull
// back-offs alike (ImagePull tells them apart), until ctx ends. Once the
// events are listed, it also lists the pods crash-looping now, once (see
// catchUp), so that a crash loop that began while no bot was watching is
// handled at once. It survives expired resource versions (410 Gone) by
// listing again (every relist is logged with its reason), and API-server
// outages by retrying with back-off; handle must tolerate seeing a pod
// more than once, and from several goroutines.
func (w *Watcher) Run(ctx context.Context, handle func(BackOff)) error {
	scopes := w.namespaces
	if len(scopes) == 0 {
		scopes = []string{metav1.NamespaceAll}
	}
	var wg sync.WaitGroup
	var pending atomic.Int32
	pending.Store(int32(len(scopes)))
	for _, ns := range scopes {
		wg.Go(func() {
			w.watchScope(ctx, ns, handle, func(listed map[podRef]bool) {
				if pending.Add(-1) == 0 {
					w.synced.Store(true)
					w.log.Info("watch synced: listening for crash back-offs", "namespaces", describeScopes(w.namespaces, w.exclude))
				}
				// Once the events are listed and watched, the pods that
				// crash-loop now are listed once: none waits for its next
				// back-off. (Those the events named are handled already.)
				wg.Go(func() { w.runCatchUp(ctx, ns, listed, handle) })
			})
		})
	}
	wg.Wait()
	return ctx.Err()
}

func describeScopes(ns, exclude []string) string {
	s := "all"
	if len(ns) > 0 {
		s = strings.Join(ns, ",")
	}
	if len(exclude) > 0 {
		s += " except " + strings.Join(exclude, ",")
	}
	return s
}

// selector is the server-side filter: pod BackOff events, minus excluded namespaces.
func (w *Watcher) selector() string {
	sels := []fields.Selector{
		fields.OneTermEqualSelector("involvedObject.kind", "Pod"),
		fields.OneTermEqualSelector("reason", "BackOff"),
	}
	for _, ns := range w.exclude {
		sels = append(sels, fields.OneTermNotEqualSelector("metadata.namespace", ns))
	}
	return fields.AndSelectors(sels...).String()
}

// Reasons to list the events again, logged with every relist.
const (
	relistStart        = "start"
	relistExpiredEvent = "the watch reported its resource version expired (410 Gone)"
	relistExpiredCall  = "the watch call was answered 410 Gone (resource version expired)"
	relistListFailed   = "the last list failed"
)

func (w *Watcher) watchScope(ctx context.Context, ns string, handle func(BackOff), onSynced func(listed map[podRef]bool)) {
	events := w.client.CoreV1().Events(ns)
	sel := w.selector()
	synced := false
	retry := newBackoff(time.Second, 30*time.Second)
	reason := relistStart
	for ctx.Err() == nil {
		if reason != relistStart {
			w.log.Info("listing BackOff events again", "namespace", scopeName(ns), "reason", reason)
		}
		start := time.Now()
		// The pods of the first list's crash back-offs: the catch-up
		// need not hand them on again.
		var listed map[podRef]bool
		h := handle
		if !synced {
			listed = map[podRef]bool{}
			h = func(b BackOff) {
				if !b.ImagePull {
					listed[podRef{b.Namespace, b.Pod}] = true
				}
				handle(b)
			}
		}
		rv, n, err := w.list(ctx, ns, sel, h)
		if err != nil {
			w.log.Warn("list events failed; retrying", "namespace", scopeName(ns), "err", err, "retry_in", retry.peek())
			retry.wait(ctx)
			reason = relistListFailed
			continue
		}
		w.log.Debug("listed BackOff events", "namespace", scopeName(ns), "events", n, "took", time.Since(start), "resource_version", rv)
		if !synced {
			synced = true
			onSynced(listed)
		}
		retry.reset()
		// Watch from rv until the resource version expires (then list again).
		for ctx.Err() == nil {
			wi, err := events.Watch(ctx, metav1.ListOptions{FieldSelector: sel, ResourceVersion: rv, AllowWatchBookmarks: true})
			if err != nil {
				if apierrors.IsResourceExpired(err) || apierrors.IsGone(err) {
					reason = relistExpiredCall
					break
				}
				w.log.Warn("watch events failed; retrying", "namespace", scopeName(ns), "err", err, "retry_in", retry.peek())
				retry.wait(ctx)
				continue
			}
			next, expired := w.consume(ctx, wi, rv, handle)
			wi.Stop()
			rv = next
			if expired {
				reason = relistExpiredEvent
				break
			}
			retry.reset()
		}
	}
}

// scopeName names a watched namespace scope in logs.
func scopeName(ns string) string {
	if ns == metav1.NamespaceAll {
		return "(all)"
	}
	return ns
}

// list handles every existing BackOff event and returns the list's
// resource version and how many events it held.
func (w *Watcher) list(ctx context.Context, ns, sel string, handle func(BackOff)) (string, int, error) {
	opts := metav1.ListOptions{FieldSelector: sel, Limit: 500}
	n := 0
	for {
		list, err := w.client.CoreV1().Events(ns).List(ctx, opts)
		if err != nil {
			return "", n, err
		}
		n += len(list.Items)
		for i := range list.Items {
			w.dispatch(&list.Items[i], handle)
		}
		if list.Continue == "" {
			return list.ResourceVersion, n, nil
		}
		opts.Continue = list.Continue
	}
}

// consume reads a watch until it closes; it returns the last resource
// version seen and whether the watch expired.
func (w *Watcher) consume(ctx context.Context, wi watch.Interface, rv string, handle func(BackOff)) (string, bool) {
	for {
		select {
		case <-ctx.Done():
			return rv, false
		case ev, ok := <-wi.ResultChan():
			if !ok {
				return rv, false
			}
			switch ev.Type {
			case watch.Added, watch.Modified:
				if e, ok := ev.Object.(*corev1.Event); ok {
					rv = e.ResourceVersion
					w.dispatch(e, handle)
				}
			case watch.Bookmark:
				if m, err := metaOf(ev.Object); err == nil {
					rv = m.GetResourceVersion()
				}
			case watch.Error:
				err := apierrors.FromObject(ev.Object)
				if apierrors.IsResourceExpired(err) || apierrors.IsGone(err) {
					return rv, true
				}
				w.log.Warn("watch error", "err", err)
				return rv, false
			}
		}
	}
}

func metaOf(obj any) (metav1.Object, error) {
	if m, ok := obj.(metav1.Object); ok {
		return m, nil
	}
	return nil, errors.New("no metadata")
}

func (w *Watcher) dispatch(e *corev1.Event, handle func(BackOff)) {
	b, ok := parseBackOff(e)
	if !ok {
		return
	}
	for _, ns := range w.exclude {
		if ns == b.Namespace {
			return // belt and braces: the selector already excludes it
		}
	}
	handle(b)
}

// imagePullBackOffPrefix starts the kubelet's image pull back-off message.
const imagePullBackOffPrefix = "Back-off pulling image"

// parseBackOff reads the crash and image-pull back-offs of pods; other
// events are not back-offs.
func parseBackOff(e *corev1.Event) (BackOff, bool) {
	if e.InvolvedObject.Kind != "Pod" || e.Reason != "BackOff" {
		return BackOff{}, false
	}
	ns := e.InvolvedObject.Namespace
	if ns == "" {
		ns = e.Namespace
	}
	if strings.HasPrefix(e.Message, imagePullBackOffPrefix) {
		return BackOff{Namespace: ns, Pod: e.InvolvedObject.Name, At: diagnose.EventTime(e), ImagePull: true}, true
	}
	if !strings.HasPrefix(e.Message, crashBackOffPrefix) {
		return BackOff{}, false
	}
	// "Back-off restarting failed container api in pod api-7d9_shop(uid)"
	container := strings.TrimSpace(strings.TrimPrefix(e.Message, crashBackOffPrefix))
	container, _, _ = strings.Cut(container, " ")
	return BackOff{Namespace: ns, Pod: e.InvolvedObject.Name, Container: container, At: diagnose.EventTime(e)}, true
}

// backoff is an exponential retry delay.
type backoff struct {
	min, max, cur time.Duration
}

func newBackoff(min, max time.Duration) *backoff { return &backoff{min: min, max: max, cur: min} }

func (b *backoff) peek() time.Duration { return b.cur }
func (b *backoff) reset()              { b.cur = b.min }
func (b *backoff) wait(ctx context.Context) {
	t := time.NewTimer(b.cur)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
	b.cur = min(b.cur*2, b.max)
}
