package diagnose

import (
	"bytes"
	"regexp"
	"strings"
)

// dockerfileTrack follows a Dockerfile pasted with a report: the image its
// last stage is built FROM, and whether that stage sets a command of its
// own. An image built FROM ubuntu with only RUN lines inherits ubuntu's
// default command, a shell that exits at once without a terminal.
type dockerfileTrack struct {
	from     string   // the last stage's base image ("" when it is an earlier stage's)
	stages   []string // the stage names ("FROM golang:1.22 AS build")
	command  bool     // the last stage has a CMD or ENTRYPOINT
	instrs   int      // other instructions seen after a FROM (RUN, COPY, ...)
	fromSeen bool
}

// reDockerFrom is a Dockerfile's FROM line: the image and the stage name.
var reDockerFrom = regexp.MustCompile(`^FROM\s+(?:--platform=\S+\s+)?([\w.\-/:@${}]+)(?:\s+[Aa][Ss]\s+([\w.-]+))?\s*$`)

// dockerInstrs are the instructions that say a FROM line opened a
// Dockerfile, not a sentence.
var dockerInstrs = [][]byte{[]byte("RUN "), []byte("COPY "), []byte("ADD "), []byte("WORKDIR "), []byte("ENV "),
	[]byte("ARG "), []byte("USER "), []byte("EXPOSE "), []byte("LABEL "), []byte("VOLUME ")}

// line reads one trimmed line of the paste.
func (d *dockerfileTrack) line(t []byte) {
	if m := reDockerFrom.FindSubmatch(t); m != nil {
		d.fromSeen, d.command, d.instrs = true, false, 0
		d.from = string(m[1])
		for _, s := range d.stages {
			if strings.EqualFold(s, d.from) {
				d.from = "" // an earlier stage: its command is not known here
			}
		}
		if len(m[2]) > 0 && len(d.stages) < 8 {
			d.stages = append(d.stages, string(m[2]))
		}
		return
	}
	if !d.fromSeen {
		return
	}
	if bytes.HasPrefix(t, []byte("CMD")) || bytes.HasPrefix(t, []byte("ENTRYPOINT")) {
		d.command = true
		return
	}
	for _, p := range dockerInstrs {
		if bytes.HasPrefix(t, p) {
			d.instrs++
			return
		}
	}
}

// baseWithoutCommand returns the image the Dockerfile's last stage is
// built FROM when that stage sets no CMD or ENTRYPOINT, else "".
func (d *dockerfileTrack) baseWithoutCommand() string {
	if !d.fromSeen || d.command || d.instrs == 0 || strings.ContainsAny(d.from, "${}") {
		return ""
	}
	return d.from
}
