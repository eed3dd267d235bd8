//go:build !linux

package localpg

import "time"

// CPUTime is not measured off Linux.
func (s *Server) CPUTime() time.Duration { return 0 }
