package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
	"github.com/crashloop-bot/crashloop-bot/incident"
	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
)

func TestConfigMapsAreLabelled(t *testing.T) {
	env := lctest.Get(t)
	ns := env.Namespace(t)
	st := NewConfigMaps(env.Admin, ns, Options{})
	ctx := t.Context()
	i := inc("a", incident.Open, t0, time.Time{})
	save(t, st, i)
	st.PutSilence(ctx, Silence{Key: i.Key, Until: time.Now().Add(time.Hour)})
	st.RecordDigest(ctx, "#ops", t0)
	l, err := env.Admin.CoreV1().ConfigMaps(ns).List(ctx, metav1.ListOptions{LabelSelector: LabelManagedBy + "=" + ManagedBy})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, cm := range l.Items {
		got = append(got, cm.Labels[LabelObject]+":"+cm.Name)
		if cm.Labels[LabelObject] == "incident" && (cm.Annotations[AnnotationID] != i.ID || cm.Labels[LabelState] != "open") {
			t.Errorf("incident configmap %+v", cm.ObjectMeta)
		}
	}
	if len(got) != 3 {
		t.Fatalf("configmaps %v, want an incident, the silences and the digest runs", got)
	}
}

func TestFitIncident(t *testing.T) {
	big := strings.Repeat("x", 300<<10)
	i := inc("a", incident.Open, t0, time.Time{})
	i.Report.LogExcerpt = []string{big, big}
	i.Report.Containers = []diagnose.Finding{{LogExcerpt: []string{big, big}}}
	data, err := fitIncident(i)
	if err != nil || len(data) > maxConfigMapBytes {
		t.Fatalf("len %d, err %v", len(data), err)
	}
	if len(i.Report.Containers[0].LogExcerpt) != 2 {
		t.Fatal("fitIncident changed its argument")
	}
	i.Pods = []string{strings.Repeat("p", 2<<20)}
	if _, err := fitIncident(i); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}
