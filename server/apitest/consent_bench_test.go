//go:build consentoff

package apitest_test

import (
	"testing"

	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// pageOf100Plans asks for every section of 100 plans with their outcomes,
// steps, risks and contingencies: a practitioner's heaviest screen.
const pageOf100Plans = `{ plans(first: 100) { edges { node { id status version
  workerTasks visitFrequency visitDurationMinutes otherSupport reviewFrequency fluctuatingNeeds writtenRecordFormat
  person { legalName preferredName communicationNeeds }
  outcomes(first: 10) { edges { node { statement kind domain achievement steps { description status } } } }
  risks { kind description strategy contingencies { measures trigger } } } } } }`

// unlimited is a query-cost budget a benchmark's account never spends: at
// the server's default, a loop of requests from one account is refused
// (429) within seconds, and would price the refusal instead.
const unlimited = 1 << 40

// answered fails the benchmark on a request that was refused or failed.
func answered(b *testing.B, r apitest.Response) apitest.Response {
	if len(r.Errors) > 0 || !r.HasData() {
		b.Fatalf("the request failed: %v", r.Codes())
	}
	return r
}

// BenchmarkConsentOnAPageOf100Plans prices field-level consent checks and
// the audit write: the same query with enforcement on and off, over HTTP
// against PostgreSQL. Run with `make bench`; the closing note of issue 4
// quotes its figures.
func BenchmarkConsentOnAPageOf100Plans(b *testing.B) {
	db := pgtest.NewDB(b)
	on := apitest.Start(b, db, apitest.Options{People: 600, RateQueryCost: unlimited})
	off := apitest.Start(b, db, apitest.Options{Unenforced: true, RateQueryCost: unlimited})
	for _, c := range []struct {
		name string
		s    *apitest.Server
	}{{"enforced", on}, {"unenforced", off}} {
		b.Run(c.name, func(b *testing.B) {
			token := c.s.Token(b, "morgan.manager")
			r := c.s.Do(b, token, pageOf100Plans, nil)
			if !r.HasData() {
				b.Fatalf("no data: %+v", r.Errors)
			}
			var statements int64
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				statements += answered(b, c.s.Do(b, token, pageOf100Plans, nil)).Statements
			}
			b.ReportMetric(float64(statements)/float64(b.N), "statements/op")
		})
	}
}

// BenchmarkAnalystPage is the analyst workload of issue 14's comparison
// (statements_test.go's analystPage): consent (coded fields only, sealed
// ids), marshalling and the audit write of one row per person, as the
// analyst. `go test -tags consentoff -bench AnalystPage -cpuprofile` shows
// where a request's CPU goes.
func BenchmarkAnalystPage(b *testing.B) {
	s := apitest.Start(b, pgtest.NewDB(b), apitest.Options{People: 300, RateQueryCost: unlimited})
	token := s.Token(b, "ana.analyst")
	if r := s.Do(b, token, analystPage, nil); !r.HasData() || len(r.Errors) > 0 {
		b.Fatalf("analyst page: %+v", r.Errors)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		answered(b, s.Do(b, token, analystPage, nil))
	}
}

// BenchmarkWorkersDay is the today workload of issue 14's comparison: the
// web app's MyVisits, persisted, as a reablement worker with a day of
// visits (sign-in, consent on the worker's duty, the handover notes and the
// audit write included). `-benchmem` gives its allocations per request,
// `-cpuprofile` where its CPU goes.
func BenchmarkWorkersDay(b *testing.B) {
	s := apitest.Start(b, pgtest.NewDB(b), apitest.Options{People: 300, RateQueryCost: unlimited})
	token := s.Token(b, "wes.worker")
	hash := appOperation(b, "query MyVisits ")
	if r := s.DoPersisted(b, token, hash, nil); !r.HasData() || len(r.Errors) > 0 {
		b.Fatalf("MyVisits: %+v", r.Errors)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		answered(b, s.DoPersisted(b, token, hash, nil))
	}
}
