package graph

import (
	"context"
	"log/slog"
	"math"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/replica"
	"reablement/ent/viewer"
)

// ReplicaExtension names the response extension that says an answer was
// read from the replica and how far behind the primary it was.
const ReplicaExtension = "replica"

// ReplicaReport is extensions.replica: how fresh an answer served by the
// replica is. It is measured before the answer's reads, so the data is at
// least this fresh.
type ReplicaReport struct {
	// LagSeconds is how far behind the primary the replica was (0: it had
	// replayed all it had received).
	LagSeconds float64 `json:"lagSeconds"`
	// ReplayedAt is when the newest change in the replica was committed on
	// the primary (absent before the replica has replayed any).
	ReplayedAt *time.Time `json:"replayedAt,omitempty"`
	// Streaming is false when the replica is not receiving from the primary:
	// nothing newer than ReplayedAt is in the answer.
	Streaming bool `json:"streaming"`
}

type replicaReportKey struct{}

// readsOnReplica reports whether this operation's reads go to the replica:
// an analyst's query, when a replica is configured. Mutations (their
// transaction is on the primary) and everyone else's reads stay on the
// primary: staff must see their own writes at once, and an auditor reads
// the very log the primary is writing.
func (r *Resolver) readsOnReplica(ctx context.Context, v *viewer.Viewer) bool {
	return r.Replica != nil && v != nil && v.Has(policy.Analyst) && !isMutation(graphql.GetOperationContext(ctx))
}

// routeToReplica marks ctx so its reads go to the replica, and measures the
// replica's lag for the answer. A replica that does not answer fails the
// request rather than sending the load to the primary: protecting the
// workers' day is the point of it.
func (r *Resolver) routeToReplica(ctx context.Context) (context.Context, error) {
	st, err := replica.Lag(ctx, r.Replica.Replica)
	if err != nil {
		slog.WarnContext(ctx, "the replica does not answer", "err", err)
		return ctx, &fault.Error{Code: fault.Conflict, Retryable: true,
			Message: "The copy of the database that answers analysts' queries is not answering, so nothing was read. Try again in a few minutes, and tell support if it keeps happening."}
	}
	if !st.Streaming {
		slog.WarnContext(ctx, "the replica is not receiving from the primary", "replayed_at", st.ReplayedAt, "standby", st.Standby)
	}
	rep := &ReplicaReport{LagSeconds: math.Round(st.Lag.Seconds()*1000) / 1000, Streaming: st.Streaming}
	if !st.ReplayedAt.IsZero() {
		at := st.ReplayedAt.UTC()
		rep.ReplayedAt = &at
	}
	ctx = context.WithValue(ctx, replicaReportKey{}, rep)
	return replica.Reads(ctx), nil
}

// withReplicaReport adds extensions.replica to an answer read from the replica.
func withReplicaReport(ctx context.Context, resp *graphql.Response) {
	rep, _ := ctx.Value(replicaReportKey{}).(*ReplicaReport)
	if rep == nil || resp == nil {
		return
	}
	if resp.Extensions == nil {
		resp.Extensions = map[string]any{}
	}
	resp.Extensions[ReplicaExtension] = rep
}
