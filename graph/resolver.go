package graph

import (
	"context"
	"time"

	"entgo.io/ent/dialect"

	"reablement/ent"
	"reablement/ent/disclosure"
	"reablement/ent/replica"
)

// DemoSigner mints development tokens for demo accounts (server/auth's
// DevSigner). Nil in production: demoAccounts and signInAsDemo then refuse.
type DemoSigner interface {
	Mint(subject string, ttl time.Duration) (string, time.Time, error)
}

// Resolver is the root of the resolvers: what they share.
type Resolver struct {
	// Client is the ent client; mutations use the transaction's client instead.
	Client *ent.Client
	// Driver is the ent client's driver, for the consent layer's batched reads.
	Driver dialect.Driver
	// Signer is the development signer, or nil.
	Signer DemoSigner
	// PseudonymKey keys the analysts' pseudonyms; it comes from configuration.
	PseudonymKey []byte
	// Disclosure is the statistics' disclosure control; zero means
	// disclosure.Default (NHS England's).
	Disclosure disclosure.Control
	// Replica, when set, serves analysts' queries (DATABASE_REPLICA_URL):
	// Driver routes the reads of requests marked replica.Reads to it.
	Replica *replica.Driver
}

// ent returns the client for this request: the transaction's during a
// mutation (entgql.Transactioner), the plain client otherwise.
func (r *Resolver) ent(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return r.Client
}
