package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/viewer"
)

// Operations is the allow-list of the web app's GraphQL documents, by the
// plain sha256 hex the frontend's code generator writes
// (frontend/src/gql/persisted-documents.json). The app sends only the hash,
// which saves bytes on a phone; with Enforce on, the app's roles may run
// nothing else, while analysts and auditors keep free-form queries under
// the cost limits. It is an allow-list, not a cache: unlike automatic
// persisted queries it never learns a document a client sends.
type Operations struct {
	byHash map[string]string
	// Enforce refuses documents outside the list for every role but
	// analysts and auditors.
	Enforce bool
}

// LoadOperations reads the allow-list file.
func LoadOperations(path string, enforce bool) (*Operations, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("persisted operations: %w", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("persisted operations %s: %w", path, err)
	}
	for hash, doc := range m {
		if got := sha256Hex(doc); got != hash {
			return nil, fmt.Errorf("persisted operations %s: hash %s does not match its document (sha256 is %s)", path, hash, got)
		}
	}
	return &Operations{byHash: m, Enforce: enforce}, nil
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

var (
	_ graphql.HandlerExtension          = (*Operations)(nil)
	_ graphql.OperationParameterMutator = (*Operations)(nil)
)

// ExtensionName names the extension.
func (*Operations) ExtensionName() string { return "PersistedOperations" }

// Validate has nothing to check against the schema.
func (*Operations) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters swaps a known hash for its document and, when
// enforcing, refuses any other document for the app's roles.
func (o *Operations) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if hash := persistedHash(p); hash != "" {
		doc, ok := o.byHash[hash]
		if !ok {
			return notAllowed("This version of the app is out of date: reload the page to get the current one.")
		}
		if p.Query == "" {
			p.Query = doc
		} else if p.Query != doc {
			return notAllowed("The operation does not match its hash.")
		}
		return nil
	}
	if !o.Enforce {
		return nil
	}
	v := viewer.FromContext(ctx)
	if v != nil && (v.Has(policy.Analyst) || v.Has(policy.Auditor)) {
		return nil
	}
	if _, ok := o.byHash[sha256Hex(p.Query)]; ok {
		return nil
	}
	return notAllowed("Only the app's own operations may be run with this account; analysts and auditors may write their own queries.")
}

func persistedHash(p *graphql.RawParams) string {
	pq, ok := p.Extensions["persistedQuery"].(map[string]any)
	if !ok {
		return ""
	}
	h, _ := pq["sha256Hash"].(string)
	return h
}

func notAllowed(msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(fault.OperationNotAllowed)}}
}
