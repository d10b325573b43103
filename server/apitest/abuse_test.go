package apitest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"

	"reablement/ent/fault"
	"reablement/server/apitest"
)

// documented reports whether every error of r carries a code from the
// README's set and a message, the test every abuse case shares.
func documented(t *testing.T, name string, r apitest.Response) {
	t.Helper()
	if len(r.Errors) == 0 {
		t.Errorf("%s: no errors (status %d, data %.200s)", name, r.Status, r.Data)
	}
	for _, e := range r.Errors {
		if !fault.Known(fault.Code(e.Code())) || e.Message == "" {
			t.Errorf("%s: error %q has code %q, not one of the documented set", name, e.Message, e.Code())
		}
	}
}

// Issue 11: a malformed, empty or batched body, a query that is a number,
// variables that are a string, NUL bytes: each is the client's mistake,
// answered 400 (415 for a body that is not JSON at all) with INVALID_INPUT,
// and nothing sent is echoed back.
func TestHostileBodiesAreCodedClientErrors(t *testing.T) {
	s := server(t)
	token := s.Token(t, "priya.practitioner")
	auth := map[string]string{"Authorization": "Bearer " + token}
	secret := "s3cr3t-marker"
	cases := []struct {
		name        string
		contentType string
		body        string
		status      int
		field       string
	}{
		{"malformed JSON", "application/json", `{"query": "{ me { roles } }", "` + secret, 400, ""},
		{"empty body", "application/json", ``, 400, ""},
		{"whitespace body", "application/json", "  \n ", 400, ""},
		{"batched array", "application/json", `[{"query": "{ me { roles } }"}, {"query": "{ me { roles } }"}]`, 400, ""},
		{"a bare string", "application/json", `"` + secret + `"`, 400, ""},
		{"query as a number", "application/json", `{"query": 12345}`, 400, "query"},
		{"query as an object", "application/json", `{"query": {"` + secret + `": 1}}`, 400, "query"},
		{"variables as a string", "application/json", `{"query": "{ me { roles } }", "variables": "{\"` + secret + `\": 1}"}`, 400, "variables"},
		{"extensions as a list", "application/json", `{"query": "{ me { roles } }", "extensions": [1]}`, 400, "extensions"},
		{"trailing garbage", "application/json", `{"query": "{ me { roles } }"} {"` + secret + `": 1}`, 400, ""},
		{"NUL in the query", "application/json", `{"query": "{ me { roles } }\u0000` + secret + `"}`, 400, "query"},
		{"NUL in a variable", "application/json", `{"query": "query($q: String) { people(where: {legalNameContains: $q}) { totalCount } }", "variables": {"q": "a\u0000b"}}`, 400, "variables.q"},
		{"a raw NUL byte", "application/json", "{\"query\": \"{ me \x00 }\"}", 400, ""},
		{"invalid UTF-8", "application/json", "{\"query\": \"{ me { roles } }\", \"variables\": {\"q\": \"\xff\xfe\"}}", 200, ""},
		{"form encoded", "application/x-www-form-urlencoded", `query=` + secret, 415, ""},
		{"no content type", "", `{"query": "{ me { roles } }"}`, 415, ""},
		{"a text body", "text/plain", `{"query": "{ me { roles } }"}`, 415, ""},
		{"deeply nested variables", "application/json", `{"query": "{ me { roles } }", "variables": {"a": ` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}}`, 400, ""},
		{"no query at all", "application/json", `{"variables": {}}`, 400, ""},
		{"a query that does not parse", "application/json", `{"query": "{ me { roles "}`, 400, ""},
		{"an unknown field", "application/json", `{"query": "{ me { ` + secret + ` } }"}`, 400, ""},
		{"an unknown operation name", "application/json", `{"query": "query A { me { roles } }", "operationName": "B"}`, 400, ""},
		{"a variable of the wrong type", "application/json", `{"query": "query($n: Int) { people(first: $n) { totalCount } }", "variables": {"n": "many"}}`, 400, "n"},
		{"a huge string variable", "application/json", `{"query": "query($q: String) { people(where: {legalNameContains: $q}) { totalCount } }", "variables": {"q": "` + strings.Repeat("x", 200_000) + `"}}`, 400, "variables.q"},
		{"both first and last", "application/json", `{"query": "{ people(first: 2, last: 2) { totalCount } }"}`, 200, ""},
		{"a negative page", "application/json", `{"query": "{ people(first: -1) { totalCount } }"}`, 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := s.PostRaw(t, c.contentType, []byte(c.body), auth)
			if c.name == "invalid UTF-8" {
				// Go's JSON reader replaces invalid bytes with U+FFFD: a
				// harmless answer, but it must still be a coded one.
				if len(r.Errors) > 0 {
					documented(t, c.name, r.Response)
				}
				return
			}
			documented(t, c.name, r.Response)
			if r.Status != c.status {
				t.Errorf("status %d, want %d (%v: %s)", r.Status, c.status, r.Codes(), firstMessage(r.Response))
			}
			if !slices.Contains([]string{"INVALID_INPUT"}, r.Errors[0].Code()) {
				t.Errorf("code %v, want INVALID_INPUT: %s", r.Codes(), firstMessage(r.Response))
			}
			if c.field != "" && r.Errors[0].Extensions["field"] != c.field {
				t.Errorf("field %v, want %s", r.Errors[0].Extensions["field"], c.field)
			}
			raw, _ := json.Marshal(r.Errors)
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("the answer echoes what was sent: %s", raw)
			}
			t.Logf("%d %s: %s", r.Status, r.Codes(), firstMessage(r.Response))
		})
	}
}

func firstMessage(r apitest.Response) string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].Message
}

// Issue 11: an impossible date, an id given as a number, an unknown enum
// value: INVALID_INPUT naming the argument, never INTERNAL.
func TestBadScalarsAreInvalidInput(t *testing.T) {
	s := server(t)
	token := s.Token(t, "wes.worker")
	cases := []struct {
		name, query string
		vars        map[string]any
		field       string
	}{
		{"an impossible date", `{ myVisits(date: "2026-02-30") { id } }`, nil, "date"},
		{"a date in words", `{ myVisits(date: "next tuesday") { id } }`, nil, "date"},
		{"a date as a number", `{ myVisits(date: 20260229) { id } }`, nil, ""},
		{"an impossible date in a variable", `query($d: Date!) { myVisits(date: $d) { id } }`, map[string]any{"d": "2026-13-01"}, "date"},
		{"an id as a number", `{ node(id: 5) { id } }`, nil, "id"},
		{"an id as a number in a variable", `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": 5}, "id"},
		{"ids as numbers", `{ nodes(ids: [5, 6]) { id } }`, nil, "ids.0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := s.Do(t, token, c.query, c.vars)
			documented(t, c.name, r)
			if len(r.Errors) == 0 {
				return
			}
			if r.Errors[0].Code() != "INVALID_INPUT" {
				t.Errorf("codes %v, want INVALID_INPUT: %s", r.Codes(), firstMessage(r))
			}
			if c.field != "" && r.Errors[0].Extensions["field"] != c.field {
				t.Errorf("field %v, want %s (%s)", r.Errors[0].Extensions["field"], c.field, firstMessage(r))
			}
			t.Logf("%d %v %v: %s", r.Status, r.Codes(), r.Errors[0].Extensions["field"], firstMessage(r))
		})
	}
}

// Issue 11: a directive repeated 2,000 times made 335 KB of errors. The
// error list is capped, so the answer stays small.
func TestTheErrorListIsCapped(t *testing.T) {
	s := server(t)
	token := s.Token(t, "ian.auditor")
	q := "{ me { roles " + strings.Repeat("@skip(if: false) ", 2000) + "} }"
	body, _ := json.Marshal(map[string]any{"query": q})
	r := s.PostRaw(t, "application/json", body, map[string]string{"Authorization": "Bearer " + token})
	documented(t, "repeated @skip", r.Response)
	if len(r.Errors) > 50 || r.Size > 20_000 {
		t.Errorf("%d errors in %d bytes; want at most 50 in a few kilobytes", len(r.Errors), r.Size)
	}
	t.Logf("%d errors, %d bytes, status %d: %s", len(r.Errors), r.Size, r.Status, fmt.Sprint(r.Codes()[:1]))
}

// stillAnswers checks that after abuse the server answers an ordinary
// query, and that its heap (this process holds it) is under the server's
// 100 MiB memory limit.
func stillAnswers(t *testing.T, s *apitest.Server) {
	t.Helper()
	var me struct{ Me struct{ Roles []string } }
	s.MustDo(t, s.Token(t, "priya.practitioner"), `{ me { roles } }`, nil, &me)
	if len(me.Me.Roles) == 0 {
		t.Error("after the abuse, an ordinary query came back empty")
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > 100<<20 {
		t.Errorf("heap is %d MiB after the abuse", m.HeapAlloc>>20)
	}
	t.Logf("after the abuse: an ordinary query answers; heap %d MiB", m.HeapAlloc>>20)
}

func TestTheServerStillAnswersAfterTheAbuse(t *testing.T) {
	s := server(t)
	TestHostileBodiesAreCodedClientErrors(t)
	TestBadScalarsAreInvalidInput(t)
	TestTheErrorListIsCapped(t)
	TestNodesIsBoundedAndBatched(t)
	TestWhereFiltersAreBounded(t)
	stillAnswers(t, s)
}
