package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	corev1 "k8s.io/api/core/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// MaxPasteBytes bounds one input read by ParseAny; a longer log keeps its
// tail, where the crash is.
const MaxPasteBytes = 8 << 20

// Log is a container log given to the diagnosis. Container is empty when
// it is not known which container wrote it.
type Log struct {
	Container string
	Text      string
}

// ParseAny reads one input in whatever shape it was pasted in: YAML or
// JSON objects (whole or fragments of a pod), `kubectl describe pod`
// text, an events table, `kubectl get pods` output, or else a log. It
// returns the format it recognised. name labels errors.
func (o *Objects) ParseAny(name string, r io.Reader) (Format, error) {
	data, err := readTail(r, MaxPasteBytes)
	if err != nil {
		return FormatLog, fmt.Errorf("%s: %w", name, err)
	}
	f := Detect(data)
	switch f {
	case FormatObjects:
		var tmp Objects
		err := tmp.Parse(name, bytes.NewReader(data))
		if err == nil {
			o.Pods = append(o.Pods, tmp.Pods...)
			o.Events = append(o.Events, tmp.Events...)
			return f, nil
		}
		if errors.Is(err, ErrUnsupportedKind) || hasKind(data) {
			return f, err
		}
		// No kind: a fragment of a pod (its status, one container's
		// status) as people paste it.
		if pod, ok := parseFragment(data); ok {
			o.Pods = append(o.Pods, pod)
			return f, nil
		}
		o.Logs = append(o.Logs, Log{Text: string(data)})
		return FormatLog, nil
	case FormatDescribe:
		pod, events, rest := parseDescribe(string(data))
		o.Pods = append(o.Pods, pod)
		o.textEvents = append(o.textEvents, events...)
		if strings.TrimSpace(rest) != "" {
			o.Logs = append(o.Logs, Log{Text: rest}) // a log pasted after the events
		}
	case FormatEvents:
		o.textEvents = append(o.textEvents, parseEvents(string(data))...)
	case FormatTable:
		o.rows = append(o.rows, parseTable(string(data))...)
	default:
		if len(bytes.TrimSpace(data)) > 0 {
			o.Logs = append(o.Logs, Log{Text: string(data)})
		}
	}
	return f, nil
}

// readTail reads r, keeping at most the last limit bytes.
func readTail(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		data = data[len(data)-limit:]
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:]
		}
	}
	return data, nil
}

func hasKind(data []byte) bool {
	for line := range bytes.Lines(data) {
		t := bytes.TrimSpace(line)
		if bytes.HasPrefix(t, []byte("kind:")) || bytes.HasPrefix(t, []byte(`"kind"`)) {
			return true
		}
	}
	return false
}

// parseFragment reads YAML or JSON without a kind: a pod (metadata, spec,
// status), a pod status (containerStatuses, phase), one container status
// (state, lastState) or a list of container statuses.
func parseFragment(data []byte) (corev1.Pod, bool) {
	var pod corev1.Pod
	js, err := utilyaml.ToJSON(dedent(data))
	if err != nil {
		return pod, false
	}
	var probe any
	if err := json.Unmarshal(js, &probe); err != nil {
		return pod, false
	}
	switch v := probe.(type) {
	case []any:
		var list []corev1.ContainerStatus
		if json.Unmarshal(js, &list) != nil || len(list) == 0 {
			return pod, false
		}
		pod.Status.ContainerStatuses = list
		return pod, true
	case map[string]any:
		has := func(keys ...string) bool {
			for _, k := range keys {
				if _, ok := v[k]; ok {
					return true
				}
			}
			return false
		}
		switch {
		case has("metadata", "spec", "status"):
			return pod, json.Unmarshal(js, &pod) == nil
		case has("containerStatuses", "initContainerStatuses", "phase", "conditions"):
			return pod, json.Unmarshal(js, &pod.Status) == nil
		case has("state", "lastState", "restartCount"):
			var st corev1.ContainerStatus
			if json.Unmarshal(js, &st) != nil {
				return pod, false
			}
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{st}
			return pod, true
		case has("containers"):
			return pod, json.Unmarshal(js, &pod.Spec) == nil
		}
	}
	return pod, false
}

// dedent removes the indentation every line shares, so a block copied from
// the middle of a YAML document parses.
func dedent(data []byte) []byte {
	lines := strings.Split(string(data), "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return data
	}
	for i, l := range lines {
		if len(l) >= common {
			lines[i] = l[common:]
		}
	}
	return []byte(strings.Join(lines, "\n"))
}
