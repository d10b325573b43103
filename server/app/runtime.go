package app

import (
	"os"
	"runtime/debug"
)

// GCPercent and MemoryLimit are the server's garbage-collector settings:
// collect a third as often as Go's default while the heap stays well under
// the 150 MB the server is budgeted (issue 6), and as often as needed near
// the limit. A GraphQL request allocates a lot briefly, so fewer collections
// save about a fifth of the CPU per request (make load).
const (
	GCPercent   = 300
	MemoryLimit = 100 << 20
)

// TuneGC applies GCPercent and MemoryLimit unless GOGC or GOMEMLIMIT is set
// in the environment, which always wins.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(GCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
