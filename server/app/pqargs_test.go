package app

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"
)

// With binary_parameters on, lib/pq would send []byte arguments in binary
// format, which jsonb refuses: ent's JSON fields arrive as []byte, so they
// must reach lib/pq as text; everything else passes unchanged (issue 14).
func TestBytesGoAsTextEverythingElseUnchanged(t *testing.T) {
	type raw []byte
	now := time.Now()
	in := []any{[]byte(`["WORKER"]`), json.RawMessage(`{"a":1}`), raw(`[1]`), "s", int64(3), true, now, nil, []byte(nil),
		pq.StringArray{"a", "b"}, pq.ByteaArray{[]byte("x")}}
	out := asText(in).([]any)
	for i, want := range []string{`["WORKER"]`, `{"a":1}`, `[1]`} {
		if out[i] != want {
			t.Errorf("arg %d (%T) = %#v, want the text %q", i, in[i], out[i], want)
		}
	}
	if out[3] != "s" || out[4] != int64(3) || out[5] != true || out[6] != now || out[7] != nil || out[8].([]byte) != nil {
		t.Errorf("other arguments changed: %#v", out[3:9])
	}
	if _, ok := out[9].(pq.StringArray); !ok {
		t.Errorf("a Valuer giving text changed: %#v", out[9])
	}
	if _, ok := out[10].(pq.ByteaArray); !ok {
		t.Errorf("a Valuer giving text changed: %#v", out[10])
	}
	if _, ok := in[0].([]byte); !ok {
		t.Error("the caller's arguments were changed in place")
	}
}

func TestWithBinaryParametersKeepsTheRest(t *testing.T) {
	got, err := WithBinaryParameters("postgres://u:p@h:5432/db?sslmode=disable&options=-c%20statement_timeout%3D5000")
	if err != nil {
		t.Fatal(err)
	}
	want := "postgres://u:p@h:5432/db?binary_parameters=yes&options=-c+statement_timeout%3D5000&sslmode=disable"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, _ := WithBinaryParameters("postgres://h/db?binary_parameters=no"); got != "postgres://h/db?binary_parameters=no" {
		t.Errorf("an explicit setting is kept: %s", got)
	}
}

// The pool's settings are added to the options DATABASE_URL already gives
// every connection, not put in their place (issue 14).
func TestThePoolsSettingsKeepTheURLsOwnOptions(t *testing.T) {
	u, err := WithStatementTimeout("postgres://h/db?options=-c%20search_path%3Dcare", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if u, err = WithoutJIT(u); err != nil {
		t.Fatal(err)
	}
	want := "postgres://h/db?options=-c+search_path%3Dcare+-c+statement_timeout%3D5000+-c+jit%3Doff"
	if u != want {
		t.Errorf("got  %s\nwant %s", u, want)
	}
	if _, err := WithoutJIT("postgres://h/db\x7f"); err == nil || !strings.Contains(err.Error(), "DATABASE_URL is not a URL") {
		t.Errorf("a URL that does not parse: %v", err)
	}
}
