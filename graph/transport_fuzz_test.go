package graph

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent/fault"
	_ "reablement/ent/runtime" // the id generators graph's package init reads
)

// ownSource is transport.go, whose fixed messages a body may happen to match.
var ownSource string

// FuzzDecodeRequest: whatever a client sends as a body, the decoder either
// gives parameters that are safe to pass on (no NUL, valid UTF-8, strings
// within bounds) or an INVALID_INPUT error whose message does not quote
// the body; and the error path (Present, WriteErrors) answers with JSON
// whose every error carries a documented code. It never panics.
func FuzzDecodeRequest(f *testing.F) {
	src, err := os.ReadFile("transport.go")
	if err != nil {
		f.Fatal(err)
	}
	ownSource = string(src)
	for _, seed := range []string{
		`{"query": "{ me { roles } }"}`,
		`{"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": "PE01"}}`,
		`{"query": "{ me { roles } }", "operationName": null, "variables": null, "extensions": null}`,
		`{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}, "variables": {"first": 20}}`,
		``, ` `, `[]`, `[{"query": "{ me { roles } }"}]`, `{`, `}`, `null`, `12`, `"query"`,
		`{"query": 12345}`, `{"query": "{ me }", "variables": "{}"}`, `{"query": "\u0000"}`,
		`{"query": "{ me }", "variables": {"a": "\u0000"}}`, `{"query": "{ me }"} trailing`,
		"{\"query\": \"\xff\"}", `{"variables": {"a": [[[[[[]]]]]]}}`, `{"query": "{ me }", "variables": {"n": 1e400}}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := DecodeRequest(body)
		if err != nil {
			fe, ok := fault.As(err)
			if !ok || fe.Code != fault.InvalidInput || fe.Message == "" {
				t.Fatalf("decoder error %v is not a coded INVALID_INPUT", err)
			}
			// A message may contain the body only by chance: when the body
			// is itself a piece of our own fixed text (the example query).
			if len(body) >= 12 && strings.Contains(fe.Message, string(body)) && !strings.Contains(ownSource, string(body)) {
				t.Fatalf("the message quotes the body: %q", fe.Message)
			}
			rec := httptest.NewRecorder()
			WriteErrors(context.Background(), rec, http.StatusBadRequest, err)
			var out struct{ Errors []gqlerror.Error }
			if jerr := json.Unmarshal(rec.Body.Bytes(), &out); jerr != nil || len(out.Errors) != 1 {
				t.Fatalf("the answer is not one JSON error: %v %s", jerr, rec.Body.Bytes())
			}
			if code, _ := out.Errors[0].Extensions["code"].(string); code != string(fault.InvalidInput) {
				t.Fatalf("the answer's code is %q", code)
			}
			return
		}
		if err := checkParams(p); err != nil {
			t.Fatalf("decoded parameters fail their own check: %v", err)
		}
		if strings.ContainsRune(p.Query, 0) {
			t.Fatal("a NUL passed the decoder")
		}
	})
}

// FuzzPresent: any error, wrapped any way, comes out with a code from the
// documented set and a message, and never with an internal error's text.
func FuzzPresent(f *testing.F) {
	f.Add("pq: deadlock detected", "40P01", 0)
	f.Add("a secret internal detail", "", 1)
	f.Add("Expected Name, found <EOF>", "GRAPHQL_PARSE_FAILED", 2)
	f.Add("operation X not found", "GRAPHQL_VALIDATION_FAILED", 2)
	f.Add("`first` on a connection cannot be less than zero.", "INVALID_PAGINATION", 2)
	f.Add("rate", "RATE_LIMITED", 2)
	f.Add("anything", "SOMETHING_ELSE", 2)
	f.Fuzz(func(t *testing.T, msg, code string, kind int) {
		var err error
		switch kind % 3 {
		case 0:
			err = errors.New(msg)
		case 1:
			err = &gqlerror.Error{Message: msg, Err: errors.New(msg)}
		default:
			err = &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
		}
		out := Present(context.Background(), err)
		c, _ := out.Extensions["code"].(string)
		if !fault.Known(fault.Code(c)) || out.Message == "" {
			t.Fatalf("%v came out as %q %q", err, c, out.Message)
		}
		if c == string(fault.Internal) && len(msg) > 8 && strings.Contains(out.Message, msg) {
			t.Fatalf("an internal error's text reached the client: %q", out.Message)
		}
	})
}
