package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/lib/pq"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"reablement/ent"
	"reablement/ent/fault"
	"reablement/ent/privacy"
)

// MaxErrors caps the errors in one answer. A hostile document (a directive
// repeated thousands of times, a list of unknown ids) would otherwise make
// an answer of hundreds of kilobytes that only says the same thing again.
const MaxErrors = 50

// internalMessage is what a client sees of anything unexpected; the detail
// goes to the log.
const internalMessage = "Something went wrong on our side. It has been logged; try again, and tell support if it keeps happening."

// Present is the one function that turns an error, from anywhere (the
// transport, the parser and validator, the limits, resolvers, ent, the
// database), into what a client sees. Every answer carries an
// extensions.code from fault.Codes and a message that says what to do next;
// internal detail (and withheld values) never reaches the client.
func Present(ctx context.Context, err error) *gqlerror.Error {
	if err == nil {
		return nil
	}
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err == nil {
		return presentProtocol(ctx, gqlErr)
	}
	out := &gqlerror.Error{Err: err}
	if gqlErr != nil {
		out.Path, out.Locations = gqlErr.Path, gqlErr.Locations
	} else {
		out.Path = graphql.GetPath(ctx)
	}
	f := classify(ctx, err)
	if f.Field == "" && f.Attr != "" {
		// The model names its field; the client needs the argument it sent.
		withField := *f
		withField.Field = attrPath(ctx, f.Attr)
		f = &withField
	}
	// An argument that could not be decoded (a scalar such as Date, an id
	// given as a number) fails on a path below the field it belongs to.
	// That is the client's mistake, not ours; the path names the argument.
	if field, ok := argumentPath(ctx, out.Path); ok {
		switch {
		case f.Code == fault.Internal:
			if _, isFault := fault.As(err); !isFault {
				f = &fault.Error{Code: fault.InvalidInput, Field: field,
					Message: fmt.Sprintf("The value given for %s could not be read: %s. Correct it and send the request again.", field, plainReason(err))}
			}
		case f.Field == "":
			withField := *f
			withField.Field = field
			withField.Message = fmt.Sprintf("The value given for %s could not be read: %s. Correct it and send the request again.", field, strings.TrimSuffix(f.Message, "."))
			f = &withField
		}
		out.Path = out.Path[:len(out.Path)-len(strings.Split(field, "."))]
	}
	if f.Code == fault.Internal {
		slog.ErrorContext(ctx, "internal error", "err", err)
	}
	return fill(ctx, out, f)
}

// presentError is gqlgen's error presenter: Present.
func presentError(ctx context.Context, err error) *gqlerror.Error { return Present(ctx, err) }

// fill writes f into out: message, code and the extensions that go with it.
func fill(ctx context.Context, out *gqlerror.Error, f *fault.Error) *gqlerror.Error {
	out.Message = f.Message
	out.Extensions = map[string]any{"code": string(f.Code)}
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
	if f.Retryable {
		out.Extensions["retryable"] = true
	}
	if f.RetryAfter > 0 {
		out.Extensions["retryAfter"] = RetryAfterSeconds(f.RetryAfter)
	}
	if len(out.Locations) == 0 && graphql.HasOperationContext(ctx) {
		if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Field != nil && fc.Field.Position != nil {
			out.Locations = []gqlerror.Location{{Line: fc.Field.Position.Line, Column: fc.Field.Position.Column}}
		}
	}
	return out
}

// presentProtocol codes the errors made before or around resolvers: the
// parser's, the validator's, the limits', the operation allow-list's and
// entgql's pagination and node errors.
func presentProtocol(ctx context.Context, e *gqlerror.Error) *gqlerror.Error {
	out := &gqlerror.Error{Path: e.Path, Locations: e.Locations, Rule: e.Rule}
	code, _ := e.Extensions["code"].(string)
	msg := sentence(e.Message)
	f := &fault.Error{}
	if field, ok := e.Extensions["field"].(string); ok {
		f.Field = field
	}
	if r, ok := e.Extensions["retryable"].(bool); ok {
		f.Retryable = r
	}
	if s, ok := e.Extensions["retryAfter"].(int); ok {
		f.RetryAfter = time.Duration(s) * time.Second
	}
	switch {
	case code == errcode.ParseFailed:
		f.Code, f.Message = fault.InvalidInput, "The query could not be read: "+msg+" Check its syntax and send it again."
	case code == errcode.ValidationFailed && len(e.Path) > 0 && e.Path[0] == ast.PathName("variable"):
		f.Code, f.Field = fault.InvalidInput, pathString(e.Path[1:])
		f.Message = "The variables do not fit the operation: " + msg + " Correct " + f.Field + " and send it again."
		out.Path = nil
	case code == errcode.ValidationFailed:
		f.Code, f.Message = fault.InvalidInput, "The query does not fit the API: "+msg+" Check it against the schema (schema.graphql) and send it again."
	case code == "INVALID_PAGINATION" || code == "" && strings.HasPrefix(e.Message, "Passing both `first` and `last`"):
		f.Code, f.Message = fault.InvalidInput, strings.ReplaceAll(msg, "`", "")+" Ask for one page with first (or last) between 0 and 100."
	case code == string(fault.NotFound):
		f.Code, f.Message = fault.NotFound, "Nothing with this id, or nothing you have a basis to see."
	case fault.Known(fault.Code(code)):
		f.Code, f.Message = fault.Code(code), e.Message
		if s, ok := e.Extensions["section"].(string); ok {
			f.Section = s
		}
		if r, ok := e.Extensions["rule"].(string); ok {
			f.Rule = r
		}
	default:
		slog.ErrorContext(ctx, "uncoded GraphQL error", "code", code, "message", e.Message)
		f.Code, f.Message = fault.Internal, internalMessage
	}
	return fill(ctx, out, f)
}

// sentence ends a library's message with a full stop, so ours can follow it.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s != "" && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// argumentPath reports whether an error's path runs below the current
// field's own path: then it names an argument (gqlgen decodes arguments
// under the field's path, before the resolver runs), returned as
// "input.dateOfBirth".
func argumentPath(ctx context.Context, p ast.Path) (string, bool) {
	if !graphql.HasOperationContext(ctx) {
		return "", false
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil {
		return "", false
	}
	own := fc.Path()
	if len(p) <= len(own) {
		return "", false
	}
	for i := range own {
		if own[i] != p[i] {
			return "", false
		}
	}
	// Below a list field an index comes first: that is an element of the
	// answer (nodes(ids:) reports each missing id so), not an argument.
	if _, ok := p[len(own)].(ast.PathName); !ok {
		return "", false
	}
	return pathString(p[len(own):]), true
}

// pathString writes a path as the dotted form extensions.field uses:
// "input.steps.0.description".
func pathString(p ast.Path) string {
	parts := make([]string, len(p))
	for i, el := range p {
		switch v := el.(type) {
		case ast.PathIndex:
			parts[i] = strconv.Itoa(int(v))
		case ast.PathName:
			parts[i] = string(v)
		default:
			parts[i] = fmt.Sprint(v)
		}
	}
	return strings.Join(parts, ".")
}

// plainReason is an argument decoder's own words, trimmed: our scalars
// write them for people; gqlgen's say what type was expected.
func plainReason(err error) string {
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) && gqlErr.Err != nil {
		err = gqlErr.Err
	}
	return goTypeWords.Replace(strings.TrimSuffix(strings.TrimSpace(err.Error()), "."))
}

// goTypeWords puts the Go type names some decoders mention into words.
var goTypeWords = strings.NewReplacer("int64", "a number", "json.Number", "a number", "float64", "a number",
	"map[string]interface {}", "an object", "map[string]any", "an object", "[]interface {}", "a list", "bool", "true or false")

// PostgreSQL error codes that mean "not now" rather than "never": the
// same request may succeed when sent again.
var retryableSQLStates = map[pq.ErrorCode]bool{
	"55P03": true, // lock_not_available: a lock wait timed out
	"57014": true, // query_canceled: the statement timeout
	"40001": true, // serialization_failure
	"40P01": true, // deadlock_detected
}

// SQL states that mean a value sent could not be stored: too long, out of
// range, or a character PostgreSQL refuses (NUL).
var badValueSQLStates = map[pq.ErrorCode]bool{
	"22001": true, "22003": true, "22007": true, "22008": true, "22021": true, "22P05": true, "54000": true,
}

func classify(ctx context.Context, err error) *fault.Error {
	if f, ok := fault.As(err); ok {
		return f
	}
	var verr *ent.ValidationError
	var pqErr *pq.Error
	switch {
	case errors.As(err, &verr):
		return &fault.Error{Code: fault.InvalidInput, Attr: verr.Name, Message: fmt.Sprintf("%s is not valid: %s.", humanise(verr.Name), reason(verr))}
	case ent.IsNotFound(err):
		return fault.New(fault.NotFound, "Not found, or nothing you have a basis to see.")
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fault.Retry("This took longer than the server allows, so it was stopped and nothing was changed. Try again; if it keeps happening, ask for less (smaller pages or a simpler filter).")
	case errors.As(err, &pqErr) && retryableSQLStates[pqErr.Code]:
		return fault.Retry("Someone else is changing the same records right now, so this was not done. Try again in a moment.")
	case errors.As(err, &pqErr) && badValueSQLStates[pqErr.Code]:
		return fault.New(fault.InvalidInput, "One of the values sent is too long, out of range, or holds a character that cannot be stored. Correct it and send it again.")
	case ent.IsConstraintError(err):
		return fault.New(fault.Conflict, "This would duplicate or contradict a record that already exists. Reload to see that record, and change it instead.")
	case errors.Is(err, privacy.Deny):
		return fault.New(fault.NotFound, "Not found, or nothing you have a basis to see.")
	case errors.Is(err, context.Canceled):
		return fault.Retry("The request was cancelled before it finished, so nothing was changed. Send it again.")
	}
	return fault.New(fault.Internal, internalMessage)
}

func reason(v *ent.ValidationError) string {
	msg := v.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		return msg[i+2:]
	}
	return msg
}

// schemaOf is the schema the server runs (set by NewHandler), for the
// names of input fields.
var schemaOf atomic.Pointer[ast.Schema]

// attrPath maps a model field (fault.Error.Attr, "allocated_practitioner_id")
// to the argument of the current mutation that carried it:
// "input.allocatedPractitionerID" when the field is in its input object,
// the argument itself when it is one ("expectedRevision"), and the edge's
// id list for a list edge ("needs": "input.addNeedIDs").
func attrPath(ctx context.Context, attr string) string {
	name := gqlName(attr)
	if !graphql.HasOperationContext(ctx) {
		return "input." + name
	}
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || fc.Field.Definition == nil {
		return "input." + name
	}
	singular := strings.TrimSuffix(name, "s")
	candidates := []string{name, singular + "IDs", "add" + upperFirst(singular) + "IDs", "add" + upperFirst(name)}
	for _, arg := range fc.Field.Definition.Arguments {
		if arg.Name == name {
			return name
		}
	}
	for _, arg := range fc.Field.Definition.Arguments {
		if arg.Name != "input" {
			continue
		}
		if s := schemaOf.Load(); s != nil {
			if def := s.Types[arg.Type.Name()]; def != nil {
				for _, c := range candidates {
					if def.Fields.ForName(c) != nil {
						return "input." + c
					}
				}
			}
		}
		return "input." + name
	}
	return name
}

// gqlName is an ent field's GraphQL name, as entgql writes it:
// "team_id" is "teamID", "date_of_birth" is "dateOfBirth".
func gqlName(field string) string {
	s := camel(field)
	if strings.HasSuffix(s, "Id") {
		s = strings.TrimSuffix(s, "Id") + "ID"
	}
	return s
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
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
	return fault.New(fault.Internal, internalMessage)
}

// CapErrors keeps the first MaxErrors-1 errors and says how many more
// there were, so an answer's size does not grow with a hostile request.
func CapErrors(list gqlerror.List) gqlerror.List {
	if len(list) <= MaxErrors {
		return list
	}
	rest := len(list) - (MaxErrors - 1)
	code, _ := list[MaxErrors-1].Extensions["code"].(string)
	if !fault.Known(fault.Code(code)) {
		code = string(fault.InvalidInput)
	}
	out := append(gqlerror.List{}, list[:MaxErrors-1]...)
	return append(out, &gqlerror.Error{
		Message:    fmt.Sprintf("There were %d more errors, not listed. Correct the ones above and send the request again.", rest),
		Extensions: map[string]any{"code": code},
	})
}

// RetryAfterSeconds is a wait in whole seconds, at least one, as
// Retry-After and extensions.retryAfter give it.
func RetryAfterSeconds(d time.Duration) int {
	return max(1, int(math.Ceil(d.Seconds())))
}

// Seconds is a wait in words: "1 second", "20 seconds".
func Seconds(d time.Duration) string {
	if n := RetryAfterSeconds(d); n != 1 {
		return strconv.Itoa(n) + " seconds"
	}
	return "1 second"
}

// retryAfterOf is the longest retryAfter among errors, for the
// Retry-After header; 0 if none.
func retryAfterOf(list gqlerror.List) int {
	longest := 0
	for _, e := range list {
		if s, ok := e.Extensions["retryAfter"].(int); ok {
			longest = max(longest, s)
		}
	}
	return longest
}

// StatusFor is the HTTP status of an answer that failed before any
// resolver ran (or at the door): the client's mistakes are 4xx, so
// proxies and logs see them for what they are.
func StatusFor(list gqlerror.List) int {
	status := http.StatusOK
	for _, e := range list {
		s := http.StatusOK
		switch code, _ := e.Extensions["code"].(string); fault.Code(code) {
		case fault.InvalidInput:
			s = http.StatusBadRequest
		case fault.QueryTooComplex:
			s = http.StatusUnprocessableEntity
		case fault.Unauthenticated:
			s = http.StatusUnauthorized
		case fault.RateLimited:
			s = http.StatusTooManyRequests
		}
		status = max(status, s)
	}
	return status
}

// WriteErrors answers a request that failed at the door (the transport, the
// body limit, sign-in, a rate limit) with its errors, each through Present,
// and the given HTTP status. Such answers never echo what was sent.
func WriteErrors(ctx context.Context, w http.ResponseWriter, status int, errs ...error) {
	list := make(gqlerror.List, 0, len(errs))
	for _, err := range errs {
		list = append(list, Present(ctx, err))
	}
	writeResponse(w, status, &graphql.Response{Errors: CapErrors(list)})
}

func writeResponse(w http.ResponseWriter, status int, resp *graphql.Response) {
	if wait := retryAfterOf(resp.Errors); wait > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(wait))
		status = http.StatusTooManyRequests
	}
	b, err := encodeResponse(resp)
	if err != nil {
		slog.Error("writing a GraphQL answer", "err", err)
		status = http.StatusInternalServerError
		b = []byte(`{"errors":[{"message":"` + internalMessage + `","extensions":{"code":"INTERNAL"}}]}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// encodeResponse writes the answer's envelope around its data as it stands.
// gqlgen has already written the data as JSON; json.Marshal would scan and
// copy it again to compact a json.RawMessage (7% of the server's CPU under
// make load, issue 14). Only the small parts, errors and extensions, go
// through encoding/json. Incremental delivery's fields are never set here
// (the server offers no @defer); an answer with them takes json.Marshal.
func encodeResponse(resp *graphql.Response) ([]byte, error) {
	if resp.Label != "" || resp.Path != nil || resp.HasNext != nil {
		return json.Marshal(resp)
	}
	b := make([]byte, 0, len(resp.Data)+64)
	b = append(b, '{')
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			return nil, err
		}
		b = append(b, `"errors":`...)
		b = append(b, errs...)
		b = append(b, ',')
	}
	b = append(b, `"data":`...)
	if len(resp.Data) == 0 {
		b = append(b, "null"...)
	} else {
		b = append(b, resp.Data...)
	}
	if len(resp.Extensions) > 0 {
		ext, err := json.Marshal(resp.Extensions)
		if err != nil {
			return nil, err
		}
		b = append(b, `,"extensions":`...)
		b = append(b, ext...)
	}
	return append(b, '}'), nil
}
