package graph

import (
	"context"
	"errors"

	"log/slog"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/replica"
	"reablement/ent/rule"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/generated"
	"reablement/graph/limits"
)

// Limits bound what one ad hoc query may ask for.
type Limits struct {
	// MaxDepth is the deepest selection allowed.
	MaxDepth int
	// MaxAliases is the most aliased fields in one operation.
	MaxAliases int
	// MaxCost is the highest query cost; a connection costs its page size times its children.
	MaxCost int
	// DefaultPageSize is the page size of a connection queried without first or last.
	DefaultPageSize int
	// MaxPageSize is the largest first or last allowed.
	MaxPageSize int
	// MaxTokens bounds the parser's work on one document.
	MaxTokens int
	// Rates are the per-address and per-account limits; nil ones are off.
	Rates limits.Rates
}

// DefaultLimits suit the web app, phones and analysts' ad hoc queries.
var DefaultLimits = Limits{MaxDepth: 12, MaxAliases: 30, MaxCost: 60000, DefaultPageSize: 20, MaxPageSize: 100, MaxTokens: 15000}

// publicFields may be asked for without signing in: the development sign-in
// and introspection. Everything else needs a viewer.
var publicFields = map[string]bool{"demoAccounts": true, "signInAsDemo": true, "__schema": true, "__type": true, "__typename": true}

// Option changes how NewHandler assembles the server. The server passes
// none; the one there is (Unenforced) exists only in test builds.
type Option func(*options)

type options struct {
	// unenforced: no consent checks and no disclosure audit (Unenforced).
	unenforced bool
}

// NewHandler assembles the GraphQL server: transports, caches, the limits,
// one transaction per mutation, the consent directive and the audit flush.
func NewHandler(r *Resolver, limits Limits, ops *Operations, opts ...Option) *handler.Server {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	cfg := generated.Config{Resolvers: r}
	cfg.Directives.Section = consent.Section
	if o.unenforced {
		cfg.Directives.Section = func(ctx context.Context, _ any, next graphql.Resolver, _ policy.Section, _ *bool) (any, error) {
			return next(ctx)
		}
	}
	analystIDs := AnalystIDs(r.PseudonymKey)
	exec := generated.NewExecutableSchema(cfg)
	consent.UseSchema(exec.Schema())
	schemaOf.Store(exec.Schema())
	srv := handler.New(exec)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(httpTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	if ops != nil {
		srv.Use(ops)
	}
	srv.Use(transactioner{client: r.Client})
	srv.SetErrorPresenter(presentError)
	srv.SetRecoverFunc(recoverPanic)
	applyLimits(srv, limits)

	// Edge filters in where-inputs match only rows the viewer could read, and
	// the rows of every list and connection are on the record of who saw what.
	srv.AroundFields(func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil {
			return next(ctx)
		}
		for name, arg := range fc.Args {
			rule.ScopeWhere(ctx, arg)
			if name == "after" || name == "before" {
				openCursor(ctx, arg)
			}
		}
		res, err := next(uncounted(ctx, fc))
		if err == nil && fc.Field.Field != nil && fc.Field.Definition != nil {
			if isList(fc.Field.Definition.Type) {
				err = consent.NoteRows(ctx, res)
			}
			if fc.Field.Definition.Type.Name() == "Cursor" {
				res = sealCursor(ctx, res)
			}
		}
		return res, err
	})
	srv.AroundOperations(func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		v := viewer.FromContext(ctx)
		if v == nil {
			if f := firstPrivateField(ctx); f != "" {
				return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{Present(ctx,
					fault.New(fault.Unauthenticated, "Sign in to see %s: send a valid bearer token in the Authorization header.", f))}})
			}
			return next(ctx)
		}
		if r.readsOnReplica(ctx, v) {
			var err error
			if ctx, err = r.routeToReplica(ctx); err != nil {
				return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{Present(ctx, err)}})
			}
		}
		// A mutation runs only for a confirmed viewer: what it changes is
		// decided by grants the database has just vouched for.
		if oc := graphql.GetOperationContext(ctx); isMutation(oc) {
			if err := viewer.Confirm(ctx, r.Client, v); errors.Is(err, viewer.ErrStale) {
				return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{Present(ctx, staleViewer())}})
			} else if err != nil {
				return graphql.OneShot(&graphql.Response{Errors: gqlerror.List{Present(ctx, err)}})
			}
		}
		if !o.unenforced {
			ctx, _ = consent.NewRequest(ctx, r.Driver, v)
		}
		ctx = withVisitDay(ctx)
		if v.Has(policy.Analyst) {
			// Analysts get ids of their own: stable for them, never joinable
			// with staff's ids or the audit log (consent.md).
			ctx = pulid.WithSealer(ctx, analystIDs)
		}
		return next(ctx)
	})
	srv.AroundResponses(func(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
		resp := next(ctx)
		withReplicaReport(ctx, resp)
		cr, v := consent.FromContext(ctx), viewer.FromContext(ctx)
		if resp == nil || (cr == nil && !v.Unconfirmed()) {
			return resp
		}
		op := ""
		if oc := graphql.GetOperationContext(ctx); oc != nil {
			op = oc.OperationName
		}
		// No disclosure without its record: if the audit events cannot be
		// written, the data does not leave. A mutation's events are written
		// by its own transaction (this runs inside transactioner), so they
		// commit with its change and need no second connection; a failed
		// write fails the answer, which rolls the change back too.
		// An analyst's answer is read from the replica; its record, like
		// every write, goes to the primary, and is written before the
		// answer leaves all the same.
		//
		// A viewer built from the cache is confirmed by the audit write
		// itself, or by a statement of its own when nothing was disclosed;
		// one whose account changed meanwhile gets nothing, and the request
		// is answered afresh (server/app).
		flushCtx, cancel := context.WithTimeout(replica.Primary(context.WithoutCancel(ctx)), 5*time.Second)
		defer cancel()
		var err error
		if cr != nil {
			err = cr.Flush(flushCtx, r.ent(ctx), viewer.RequestID(ctx), op)
		}
		if err == nil {
			err = viewer.Confirm(flushCtx, r.ent(ctx), v)
		}
		if errors.Is(err, viewer.ErrStale) {
			return &graphql.Response{Errors: gqlerror.List{Present(ctx, staleViewer())}}
		}
		if err != nil {
			slog.ErrorContext(ctx, "audit write failed; response withheld", "err", err)
			f := classify(ctx, err)
			if !f.Retryable {
				f = fault.New(fault.Internal, "The record of who saw what could not be saved, so nothing was sent. Try again, and tell support if it keeps happening.")
			}
			return &graphql.Response{Errors: gqlerror.List{Present(ctx, f)}}
		}
		return resp
	})
	return srv
}

// staleViewer answers a request whose viewer's account changed while it
// was being answered from the cache. The server answers such a request
// afresh (server/app), so a client sees this only if it changed again.
func staleViewer() *fault.Error {
	return fault.Retry("Your access changed while this was being answered, so nothing was sent. Send the request again.")
}

// AnalystIDs is the sealer of analysts' ids, derived from the pseudonym key.
func AnalystIDs(pseudonymKey []byte) *pulid.Sealer {
	s, err := pulid.NewSealer(append([]byte("analyst ids:"), pseudonymKey...))
	if err != nil {
		panic(err) // a fixed-size key derived from any bytes: cannot fail
	}
	return s
}

// firstPrivateField returns the first root field of the operation that
// needs a viewer, or "".
func firstPrivateField(ctx context.Context) string {
	oc := graphql.GetOperationContext(ctx)
	if oc == nil || oc.Operation == nil {
		return ""
	}
	for _, f := range graphql.CollectFields(oc, oc.Operation.SelectionSet, nil) {
		if !publicFields[f.Name] {
			return f.Name
		}
	}
	return ""
}

// isList reports whether a field answers a list or a connection: the
// results whose rows NoteRows records.
func isList(t *ast.Type) bool {
	return t.Elem != nil || strings.HasSuffix(t.NamedType, "Connection")
}

// A cursor carries the id of the record it points after: for analysts it
// carries their own id for it, or paging would hand them the ids they must
// not have. sealCursor seals the id in a cursor the API returns, openCursor
// opens it in one the client sends back.
func sealCursor(ctx context.Context, res any) any {
	s := pulid.SealerFrom(ctx)
	if s == nil {
		return res
	}
	switch c := res.(type) {
	case ent.Cursor:
		c.ID = s.Seal(c.ID)
		return c
	case *ent.Cursor:
		if c != nil {
			sealed := *c
			sealed.ID = s.Seal(c.ID)
			return &sealed
		}
	}
	return res
}

func openCursor(ctx context.Context, arg any) {
	s := pulid.SealerFrom(ctx)
	c, ok := arg.(*ent.Cursor)
	if s == nil || !ok || c == nil {
		return
	}
	if id, ok := s.Open(string(c.ID)); ok {
		c.ID = id
	} else {
		c.ID = "??" // not one of theirs: it points nowhere
	}
}
