package apitest_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// Answers are compressed for clients that accept it, and only for them
// (issue 14): a page of the caseload is text that shrinks several-fold.
func TestAnswersAreCompressedWhenTheClientAcceptsIt(t *testing.T) {
	s := server(t)
	token := s.Token(t, "priya.practitioner")
	body, _ := json.Marshal(map[string]any{"query": `{ people(first: 25) { edges { node { id legalName preferredName dateOfBirth address plans(first: 3) { edges { node { status version } } } } } } }`})
	post := func(encoding string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Accept-Encoding", encoding)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		raw, _ := io.ReadAll(res.Body)
		return res, raw
	}
	plain, plainBody := post("identity")
	if plain.Header.Get("Content-Encoding") != "" || !json.Valid(plainBody) {
		t.Fatalf("without gzip accepted: encoding %q", plain.Header.Get("Content-Encoding"))
	}
	zipped, zippedBody := post("gzip")
	if zipped.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(zipped.Header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("with gzip accepted: encoding %q, vary %q", zipped.Header.Get("Content-Encoding"), zipped.Header.Get("Vary"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(zippedBody))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !json.Valid(unzipped) || !strings.Contains(string(unzipped), `"people"`) {
		t.Fatalf("the compressed answer does not decompress to the answer: %v", err)
	}
	if len(zippedBody)*3 > len(plainBody) {
		t.Errorf("compressed %d bytes to %d: expected at least threefold", len(plainBody), len(zippedBody))
	}
	t.Logf("a page of 25 people: %d bytes, %d gzipped", len(plainBody), len(zippedBody))
}
