package apitest_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// With the allow-list enforced, the app's roles run only the web app's own
// operations, sent by hash; analysts keep free-form queries (issue 6).
func TestOnlyTheAppsOperationsForTheAppsRoles(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 20, EnforceOperations: true})
	raw, err := os.ReadFile("../../frontend/src/gql/persisted-documents.json")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]string{}
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatal(err)
	}
	var viewerHash, signInHash string
	for hash, doc := range docs {
		sum := sha256.Sum256([]byte(doc))
		if hex.EncodeToString(sum[:]) != hash {
			t.Fatalf("the app's hash %s does not match its document", hash)
		}
		switch {
		case strings.HasPrefix(doc, "query Viewer "):
			viewerHash = hash
		case strings.HasPrefix(doc, "mutation SignInAsDemo"):
			signInHash = hash
		}
	}
	if viewerHash == "" || signInHash == "" {
		t.Fatal("the app has no Viewer query or sign-in mutation")
	}
	token := func(username string) string {
		var out struct{ SignInAsDemo struct{ Token string } }
		r := s.DoPersisted(t, "", signInHash, map[string]any{"username": username})
		if err := json.Unmarshal(r.Data, &out); err != nil || out.SignInAsDemo.Token == "" {
			t.Fatalf("signing in as the app does: %+v", r.Errors)
		}
		return out.SignInAsDemo.Token
	}
	if r := s.Do(t, "", `mutation { signInAsDemo(username: "wes.worker") { token } }`, nil); !slices.Equal(r.Codes(), []string{"OPERATION_NOT_ALLOWED"}) {
		t.Errorf("a free-form sign-in: %v", r.Codes())
	}
	worker := token("wes.worker")
	if r := s.DoPersisted(t, worker, viewerHash, nil); len(r.Errors) > 0 || !r.HasData() {
		t.Errorf("the app's own operation by hash: %+v", r.Errors)
	}
	if r := s.Do(t, worker, `{ plans(first: 100) { edges { node { workerTasks } } } }`, nil); !slices.Equal(r.Codes(), []string{"OPERATION_NOT_ALLOWED"}) || r.HasData() {
		t.Errorf("a worker's free-form query: %v", r.Codes())
	}
	if r := s.DoPersisted(t, worker, "0000000000000000000000000000000000000000000000000000000000000000", nil); !slices.Equal(r.Codes(), []string{"OPERATION_NOT_ALLOWED"}) {
		t.Errorf("an unknown hash: %v", r.Codes())
	}
	analyst := token("ana.analyst")
	if r := s.Do(t, analyst, `{ plans(first: 5) { totalCount } }`, nil); len(r.Errors) > 0 {
		t.Errorf("an analyst's free-form query: %+v", r.Errors)
	}
}
