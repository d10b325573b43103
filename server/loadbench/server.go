package main

// The server side of the benchmark: the real API (server/app, consent checks
// and audit on, the operations allow-list enforced) in a process of its own,
// so that its peak memory is the server's alone, not the load generator's.
// The parent starts it by running this program again with LOADBENCH_SERVER
// set; it prints its address on stdout and serves until stdin closes.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	_ "net/http/pprof" // /debug/pprof on the control mux, for profiling a run
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"entgo.io/ent/dialect"

	"reablement/server/app"
	"reablement/server/sqlcount"
)

// serverEnv carries the server's settings from the parent, as JSON.
const serverEnv = "LOADBENCH_SERVER"

type serverSettings struct {
	DatabaseURL        string
	DataDir            string
	JWKSFile           string
	PersistedDocuments string
	Issuer, Audience   string
	// ReplicaURL is DATABASE_REPLICA_URL (the analysts mode).
	ReplicaURL string
}

// stats is what the control endpoint reports.
type stats struct {
	Statements int64
	// PeakRSSKB is VmHWM from /proc/self/status: the process's peak resident
	// memory since start (or since the last peak reset).
	PeakRSSKB int64
	RSSKB     int64
	// PeakGoBytes is the largest Go runtime total (heap, stacks, runtime
	// structures; /memory/classes/total minus released) seen by a 10 ms sampler.
	PeakGoBytes uint64
	// CPUSeconds is the process's user and system CPU time so far.
	CPUSeconds float64
}

func runServer(raw string) error {
	var s serverSettings
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return fmt.Errorf("loadbench server: %w", err)
	}
	ctx := context.Background()
	app.TuneGC() // as server/main.go does for serve
	pseudonymKey := make([]byte, 32)
	for i := range pseudonymKey {
		pseudonymKey[i] = 7
	}
	cfg := app.Config{
		DataDir: s.DataDir, StaticDir: s.DataDir, Issuer: s.Issuer, Audience: s.Audience,
		JWKSFile: s.JWKSFile, Algorithms: []string{"EdDSA"}, Leeway: 30 * time.Second,
		RequestTimeout: 15 * time.Second, StatementTimout: 5 * time.Second, MaxBodyBytes: 1 << 20,
		PseudonymKey: pseudonymKey, PersistedDocuments: s.PersistedDocuments, EnforceOperations: true,
		ReplicaURL: s.ReplicaURL,
	}
	// The server's own database side (pool, statement timeout, consent
	// interceptor), every statement counted and, on request, captured.
	capt := &capture{}
	var cnt *sqlcount.Driver
	b, err := app.Open(s.DatabaseURL, cfg, func(d dialect.Driver) dialect.Driver {
		cnt = &sqlcount.Driver{Driver: d, Observe: capt.observe}
		return cnt
	})
	if err != nil {
		return err
	}
	client := b.Client
	a, err := app.New(ctx, cfg, b)
	if err != nil {
		return err
	}
	a.SetReady()

	var peakGo atomic.Uint64
	go sampleGoMemory(&peakGo)

	mux := http.NewServeMux()
	mux.Handle("/graphql", a.Handler())
	mux.HandleFunc("GET /loadbench/stats", func(w http.ResponseWriter, r *http.Request) {
		hwm, rss := procMemory()
		_ = json.NewEncoder(w).Encode(stats{Statements: cnt.Count(), PeakRSSKB: hwm, RSSKB: rss, PeakGoBytes: peakGo.Load(), CPUSeconds: cpuSeconds()})
	})
	// Resets the peaks, so the run's figures leave out start-up.
	mux.HandleFunc("POST /loadbench/reset-peak", func(w http.ResponseWriter, r *http.Request) {
		runtime.GC()
		peakGo.Store(0)
		if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	// Capture records the SQL of the requests that follow, until stopped.
	mux.HandleFunc("POST /loadbench/capture", func(w http.ResponseWriter, r *http.Request) {
		capt.start()
	})
	mux.HandleFunc("GET /loadbench/capture", func(w http.ResponseWriter, r *http.Request) {
		_ = json.NewEncoder(w).Encode(capt.stop())
	})
	mux.Handle("/debug/pprof/", http.DefaultServeMux)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Println(ln.Addr().String())
	go func() {
		// The parent closes our stdin when it is done (or dies).
		_, _ = bufio.NewReader(os.Stdin).ReadString(0)
		_ = srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && err != http.ErrServerClosed {
		return err
	}
	return client.Close()
}

// cpuSeconds is this process's CPU time, user and system.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// machineCPU reads /proc/stat: busy and total jiffies of all cores, every
// process on the machine included.
func machineCPU() (busy, total int64) {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0, 0
	}
	line, _, _ := strings.Cut(string(b), "\n")
	f := strings.Fields(line)
	for i, v := range f[1:] {
		n, _ := strconv.ParseInt(v, 10, 64)
		total += n
		if i != 3 && i != 4 { // idle, iowait
			busy += n
		}
	}
	return busy, total
}

// procMemory reads VmHWM and VmRSS (kB) from /proc/self/status.
func procMemory() (hwm, rss int64) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmHWM:":
			hwm = n
		case "VmRSS:":
			rss = n
		}
	}
	return hwm, rss
}

func sampleGoMemory(peak *atomic.Uint64) {
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	for range time.Tick(10 * time.Millisecond) {
		metrics.Read(samples)
		v := samples[0].Value.Uint64() - samples[1].Value.Uint64()
		for {
			old := peak.Load()
			if v <= old || peak.CompareAndSwap(old, v) {
				break
			}
		}
	}
}

// statement is one SQL statement the API sent, its arguments written in.
type statement struct {
	SQL   string
	Error string `json:",omitempty"` // why it could not be written out
}

// capture records the statements the API sends, their arguments written
// in, while it is on: the pgbench script is made of them. Transaction
// control is recorded too, since the script needs it.
type capture struct {
	on       atomic.Bool
	mu       sync.Mutex
	captured []statement
}

func (c *capture) start() {
	c.mu.Lock()
	c.captured = nil
	c.mu.Unlock()
	c.on.Store(true)
}

func (c *capture) stop() []statement {
	c.on.Store(false)
	c.mu.Lock()
	defer c.mu.Unlock()
	out := c.captured
	c.captured = nil
	return out
}

// observe is the counting driver's Observe.
func (c *capture) observe(q string, args any) {
	if !c.on.Load() {
		return
	}
	a, _ := args.([]any)
	sqlText, err := render(q, a)
	s := statement{SQL: sqlText}
	if err != nil {
		s.Error = err.Error()
	}
	c.mu.Lock()
	c.captured = append(c.captured, s)
	c.mu.Unlock()
}
