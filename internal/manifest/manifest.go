// Package manifest reads what people give the offline diagnosis: the YAML
// or JSON that `kubectl get ... -o yaml|json` prints (single objects,
// lists, multi-document streams, fragments of a pod), `kubectl describe
// pod` text, events tables, `kubectl get pods` output and plain logs, and
// builds one diagnose.Input from them.
package manifest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// MaxDocumentBytes bounds one YAML/JSON document, so a huge or endless input
// fails instead of exhausting memory.
const MaxDocumentBytes = 32 << 20

// Objects are the Pods, Events and logs found in the inputs.
type Objects struct {
	Pods   []corev1.Pod
	Events []corev1.Event
	// Logs are container logs: inputs that were nothing else, and the
	// logs the caller adds by name.
	Logs []Log

	textEvents []eventRow    // events read from text, with relative ages
	rows       []tableRow    // `kubectl get pods` rows
	skipped    []error       // objects of kinds that say nothing about a pod
	warnings   []error       // objects that did not parse and were read as text
	notes      []string      // what building the input decided (which of several pods)
	others     []*corev1.Pod // the pods given besides the one diagnosed
	prompt     promptNames   // what a pasted `kubectl logs POD -n NS` names
	intro      string        // the paste's opening words (introOf)
	asked      string        // the name form those words ask about (askedForm)
	aside      []string      // the names those words set aside
	explicit   bool          // those words ask about a workload ("Question is about ...")
}

// ErrUnsupportedKind is returned for Kubernetes objects that are neither
// Pods nor Events (a Deployment, say).
var ErrUnsupportedKind = errors.New("unsupported kind")

var decoder runtime.Decoder

func init() {
	s := runtime.NewScheme()
	_ = corev1.AddToScheme(s)
	_ = appsv1.AddToScheme(s)
	_ = batchv1.AddToScheme(s)
	decoder = serializer.NewCodecFactory(s).UniversalDeserializer()
}

// Parse reads every document in r and appends its Pods and Events to o.
// name labels errors (a file name, or "stdin").
func (o *Objects) Parse(name string, r io.Reader) error { return o.parse(name, r, false) }

// parse reads every document of r into o; with skip, objects it cannot
// diagnose are remembered in o.skipped instead of ending the read.
func (o *Objects) parse(name string, r io.Reader, skip bool) error {
	reader := utilyaml.NewYAMLReader(bufio.NewReaderSize(io.LimitReader(r, 1<<30), 64<<10))
	for doc := 1; ; doc++ {
		data, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: document %d: %w", name, doc, err)
		}
		if len(data) > MaxDocumentBytes {
			return fmt.Errorf("%s: document %d is larger than %d MiB", name, doc, MaxDocumentBytes>>20)
		}
		if len(bytes.TrimSpace(stripComments(data))) == 0 {
			continue
		}
		if err := o.add(dropElisions(data)); err != nil {
			err = fmt.Errorf("%s: document %d: %w", name, doc, err)
			if skip && errors.Is(err, ErrUnsupportedKind) {
				o.skipped = append(o.skipped, err)
				continue
			}
			return err
		}
	}
}

// diagnosable are the kinds add reads; any other is skipped in a paste.
var diagnosable = map[string]bool{
	"Pod": true, "PodList": true, "Event": true, "EventList": true, "List": true, "Deployment": true,
	"StatefulSet": true, "DaemonSet": true, "ReplicaSet": true, "ReplicationController": true, "Job": true, "CronJob": true,
}

func (o *Objects) add(data []byte) error {
	json, err := utilyaml.ToJSON(data)
	if err != nil {
		return fmt.Errorf("not YAML or JSON: %w", err)
	}
	var tm metav1.TypeMeta
	if err := utilyaml.Unmarshal(json, &tm); err != nil || tm.Kind == "" {
		return errors.New("not a Kubernetes object (no kind); give the output of `kubectl get pod NAME -o yaml`")
	}
	obj, gvk, err := decoder.Decode(json, nil, nil)
	if err != nil {
		if runtime.IsNotRegisteredError(err) {
			// A custom resource that embeds the pod it runs (an
			// operator's template): its containers are the spec.
			if pod, ok := embeddedPod(json, tm.Kind); ok {
				o.Pods = append(o.Pods, pod)
				return nil
			}
			return fmt.Errorf("%w %s %s: give a Pod, an Event, or a List of them (for a workload, run `kubectl get pods -l ... -o yaml`)", ErrUnsupportedKind, tm.APIVersion, tm.Kind)
		}
		if !diagnosable[tm.Kind] && tm.APIVersion != "" {
			// A Secret with placeholder data, a ConfigMap pasted with the
			// pod: not read anyway, so its decoding error ends nothing.
			return fmt.Errorf("%w %s (it does not decode: %v)", ErrUnsupportedKind, tm.Kind, err)
		}
		return fmt.Errorf("decode %s: %w", tm.Kind, err)
	}
	switch v := obj.(type) {
	case *corev1.Pod:
		o.Pods = append(o.Pods, *v)
	case *corev1.PodList:
		o.Pods = append(o.Pods, v.Items...)
	case *corev1.Event:
		o.Events = append(o.Events, *v)
	case *corev1.EventList:
		o.Events = append(o.Events, v.Items...)
	case *appsv1.Deployment:
		return o.addTemplate("Deployment", v.ObjectMeta, &v.Spec.Template)
	case *appsv1.StatefulSet:
		return o.addTemplate("StatefulSet", v.ObjectMeta, &v.Spec.Template)
	case *appsv1.DaemonSet:
		return o.addTemplate("DaemonSet", v.ObjectMeta, &v.Spec.Template)
	case *appsv1.ReplicaSet:
		return o.addTemplate("ReplicaSet", v.ObjectMeta, &v.Spec.Template)
	case *corev1.ReplicationController:
		return o.addTemplate("ReplicationController", v.ObjectMeta, v.Spec.Template)
	case *batchv1.Job:
		return o.addTemplate("Job", v.ObjectMeta, &v.Spec.Template)
	case *batchv1.CronJob:
		return o.addTemplate("CronJob", v.ObjectMeta, &v.Spec.JobTemplate.Spec.Template)
	case *corev1.List: // kind: List, as kubectl prints several objects
		for i, item := range v.Items {
			if err := o.add(item.Raw); err != nil {
				return fmt.Errorf("item %d: %w", i, err)
			}
		}
	default:
		return fmt.Errorf("%w %s: give a Pod, an Event, or a List of them", ErrUnsupportedKind, gvk.Kind)
	}
	return nil
}

// stripComments drops YAML comment lines, so a document of only comments is empty.
func stripComments(data []byte) []byte {
	var out []byte
	for line := range bytes.Lines(data) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			out = append(out, line...)
		}
	}
	return out
}

// templatePod is the pod a workload would run: its template's spec, owned
// by the workload, with no name and no status (the pods' own names and
// statuses come from the other inputs, and merge with it).
// addTemplate adds the pod a workload runs, when its template has
// containers; a workload without them says nothing about a crash.
func (o *Objects) addTemplate(kind string, meta metav1.ObjectMeta, tpl *corev1.PodTemplateSpec) error {
	if tpl == nil || len(tpl.Spec.Containers) == 0 {
		return fmt.Errorf("%w: %s %s has no containers in its pod template; give its pods (`kubectl get pods -l ... -o yaml`)", ErrUnsupportedKind, kind, meta.Name)
	}
	o.Pods = append(o.Pods, templatePod(kind, meta, *tpl))
	return nil
}

func templatePod(kind string, meta metav1.ObjectMeta, tpl corev1.PodTemplateSpec) corev1.Pod {
	yes := true
	p := corev1.Pod{Spec: tpl.Spec}
	p.Namespace = meta.Namespace
	p.Labels = tpl.Labels
	p.OwnerReferences = []metav1.OwnerReference{{Kind: kind, Name: meta.Name, Controller: &yes}}
	return p
}

// embeddedPod finds the pod spec a custom resource embeds: the first map
// (depth first) with a "containers" list whose entries have an image.
func embeddedPod(data []byte, kind string) (corev1.Pod, bool) {
	var obj map[string]any
	if err := utilyaml.Unmarshal(data, &obj); err != nil {
		return corev1.Pod{}, false
	}
	spec := findPodSpec(obj, 0)
	if spec == nil {
		return corev1.Pod{}, false
	}
	raw, err := jsonMarshal(spec)
	if err != nil {
		return corev1.Pod{}, false
	}
	var ps corev1.PodSpec
	if err := utilyaml.Unmarshal(raw, &ps); err != nil || len(ps.Containers) == 0 {
		return corev1.Pod{}, false
	}
	var meta struct {
		Metadata metav1.ObjectMeta `json:"metadata"`
	}
	_ = utilyaml.Unmarshal(data, &meta)
	return templatePod(kind, meta.Metadata, corev1.PodTemplateSpec{Spec: ps}), true
}

// findPodSpec searches v for a map holding a list of containers with
// images, at most a few levels deep.
func findPodSpec(v any, depth int) map[string]any {
	if depth > 8 {
		return nil
	}
	switch v := v.(type) {
	case map[string]any:
		if list, ok := v["containers"].([]any); ok && len(list) > 0 {
			if c, ok := list[0].(map[string]any); ok {
				if _, ok := c["image"].(string); ok {
					return v
				}
			}
		}
		for _, k := range sortedKeys(v) {
			if found := findPodSpec(v[k], depth+1); found != nil {
				return found
			}
		}
	case []any:
		for _, item := range v {
			if found := findPodSpec(item, depth+1); found != nil {
				return found
			}
		}
	}
	return nil
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
