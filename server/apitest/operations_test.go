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

// The server answers in one response, so a fragment under @defer arrives
// in it with the rest, with its consent decided as any other field's
// (issue 14: the generated code no longer sets @defer's machinery up for
// every object; before, a deferred field came back null and was lost).
func TestADeferredFragmentArrivesInTheOneResponse(t *testing.T) {
	s := server(t)
	token := s.Token(t, "priya.practitioner")
	r := s.Do(t, token, `query { me { today ... @defer(label: "who") { account { id username } } }
  people(first: 1) { edges { node { id ... @defer { plans(first: 1) { edges { node { id status } } } } } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %v", r.Codes())
	}
	var out struct {
		Me struct {
			Today   string
			Account *struct{ ID, Username string }
		}
		People struct {
			Edges []struct {
				Node struct {
					ID    string
					Plans *struct {
						Edges []struct{ Node struct{ ID, Status string } }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	if out.Me.Account == nil || out.Me.Account.Username != "priya.practitioner" || out.Me.Today == "" {
		t.Errorf("me: %+v", out.Me)
	}
	if len(out.People.Edges) != 1 || out.People.Edges[0].Node.Plans == nil || len(out.People.Edges[0].Node.Plans.Edges) != 1 ||
		out.People.Edges[0].Node.Plans.Edges[0].Node.Status == "" {
		t.Errorf("the deferred plans did not arrive: %s", r.Data)
	}
}
