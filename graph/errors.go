package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/privacy"
)

// presentError gives every error one of the documented codes. A *fault.Error
// keeps its code and message; ent's not-found, validation and constraint
// errors are translated; anything else is logged in full and shown as
// INTERNAL with a plain message, so no internal detail (or withheld value)
// reaches the client.
func presentError(ctx context.Context, err error) *gqlerror.Error {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		// Parser, validation and limit errors: already coded or protocol-level.
		if gqlErr.Extensions == nil || gqlErr.Extensions["code"] == nil {
			gqlErr.Extensions = withCode(gqlErr.Extensions, "GRAPHQL_VALIDATION_FAILED")
		}
		return gqlErr
	}
	out := graphql.DefaultErrorPresenter(ctx, err)
	f := classify(ctx, err)
	out.Message = f.Message
	out.Extensions = withCode(out.Extensions, string(f.Code))
	if f.Rule != "" {
		out.Extensions["rule"] = f.Rule
	}
	if f.Field != "" {
		out.Extensions["field"] = f.Field
	}
	if f.Section != "" {
		out.Extensions["section"] = f.Section
	}
	if len(f.Problems) > 0 {
		out.Extensions["problems"] = f.Problems
	}
	return out
}

func withCode(ext map[string]any, code string) map[string]any {
	if ext == nil {
		ext = map[string]any{}
	}
	ext["code"] = code
	return ext
}

func classify(ctx context.Context, err error) *fault.Error {
	if f, ok := fault.As(err); ok {
		return f
	}
	var verr *ent.ValidationError
	switch {
	case errors.As(err, &verr):
		return &fault.Error{Code: fault.InvalidInput, Field: "input." + camel(verr.Name), Message: fmt.Sprintf("%s is not valid: %s.", humanise(verr.Name), reason(verr))}
	case ent.IsNotFound(err):
		return fault.New(fault.NotFound, "Not found, or nothing you have a basis to see.")
	case ent.IsConstraintError(err):
		return fault.New(fault.Conflict, "This would duplicate or contradict a record that already exists.")
	case errors.Is(err, privacy.Deny):
		return fault.New(fault.NotFound, "Not found, or nothing you have a basis to see.")
	case errors.Is(err, context.DeadlineExceeded):
		return fault.New(fault.Internal, "The request took too long and was stopped. Try a smaller query.")
	}
	slog.ErrorContext(ctx, "internal error", "err", err)
	return fault.New(fault.Internal, "Something went wrong on our side. It has been logged; try again, and tell support if it keeps happening.")
}

func reason(v *ent.ValidationError) string {
	msg := v.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// camel turns an ent field name into its GraphQL name.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

func humanise(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// recoverPanic turns a panic in a resolver into an INTERNAL error, logged.
func recoverPanic(ctx context.Context, p any) error {
	slog.ErrorContext(ctx, "panic in resolver", "panic", p)
	return fault.New(fault.Internal, "Something went wrong on our side. It has been logged.")
}
