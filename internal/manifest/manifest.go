// Package manifest reads what people give the offline diagnosis: the YAML
// or JSON that `kubectl get ... -o yaml|json` prints (single objects,
// lists, multi-document streams, fragments of a pod), `kubectl describe
// pod` text, events tables, `kubectl get pods` output and plain logs, and
// builds one diagnose.Input from them.
package manifest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

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

	textEvents []eventRow // events read from text, with relative ages
	rows       []tableRow // `kubectl get pods` rows
}

// ErrUnsupportedKind is returned for Kubernetes objects that are neither
// Pods nor Events (a Deployment, say).
var ErrUnsupportedKind = errors.New("unsupported kind")

var decoder runtime.Decoder

func init() {
	s := runtime.NewScheme()
	_ = corev1.AddToScheme(s)
	decoder = serializer.NewCodecFactory(s).UniversalDeserializer()
}

// Parse reads every document in r and appends its Pods and Events to o.
// name labels errors (a file name, or "stdin").
func (o *Objects) Parse(name string, r io.Reader) error {
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
		if err := o.add(data); err != nil {
			return fmt.Errorf("%s: document %d: %w", name, doc, err)
		}
	}
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
			return fmt.Errorf("%w %s %s: give a Pod, an Event, or a List of them (for a workload, run `kubectl get pods -l ... -o yaml`)", ErrUnsupportedKind, tm.APIVersion, tm.Kind)
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
