package localpg

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTicks is the kernel's USER_HZ, the unit of /proc/PID/stat times
// (100 on every Linux the tests run on).
const clockTicks = 100

// CPUTime is the CPU time the server has used so far: the postmaster's,
// its live processes', and that of the processes it has reaped (closed
// connections), user and system. Differences between two calls measure
// the work of what ran in between.
func (s *Server) CPUTime() time.Duration {
	s.mu.Lock()
	p := s.proc
	s.mu.Unlock()
	if p == nil {
		return 0
	}
	pid := p.Process.Pid
	ticks := statTicks(pid, true)
	for _, c := range children(pid) {
		ticks += statTicks(c, false)
	}
	return time.Duration(ticks) * time.Second / clockTicks
}

// statTicks reads utime+stime of pid, and cutime+cstime (reaped
// children) when withChildren.
func statTicks(pid int, withChildren bool) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	// After the command: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
	if len(f) < 15 {
		return 0
	}
	var n int64
	fields := []int{11, 12}
	if withChildren {
		fields = append(fields, 13, 14)
	}
	for _, i := range fields {
		v, _ := strconv.ParseInt(f[i], 10, 64)
		n += v
	}
	return n
}
