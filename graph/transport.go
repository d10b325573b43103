package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"reablement/ent/fault"
	"reablement/graph/limits"
)

// MaxStringBytes bounds any one string in a request's variables. No field
// of the product holds more than a few thousand characters; a megabyte of
// one name is an attack or a mistake, and is refused before any work.
const MaxStringBytes = limits.MaxStringBytes

// httpTransport is the one way GraphQL arrives over HTTP: a POST with a
// JSON body, or a GET (queries only) with the same parameters in the URL.
// It replaces gqlgen's GET and POST transports because those answer a
// malformed body with its text echoed back and no code, accept a batched
// array or a number for query as an internal failure, and choose statuses
// that hide a client's mistake. Every failure here is coded by Present.
type httpTransport struct{}

var _ graphql.Transport = httpTransport{}

// Supports takes every GET and POST that is not a websocket upgrade, so a
// wrong content type is answered here (415) rather than as "no transport".
func (httpTransport) Supports(r *http.Request) bool {
	return r.Header.Get("Upgrade") == "" && (r.Method == http.MethodGet || r.Method == http.MethodPost)
}

// Do decodes the request, prepares the operation and runs it.
func (httpTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	start := graphql.Now()
	var params *graphql.RawParams
	var err error
	if r.Method == http.MethodGet {
		params, err = DecodeQueryString(r.URL.RawQuery)
	} else {
		mediaType, _, perr := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if perr != nil || mediaType != "application/json" {
			WriteErrors(ctx, w, http.StatusUnsupportedMediaType, fault.New(fault.InvalidInput,
				"Send the request as JSON, with the header Content-Type: application/json."))
			return
		}
		var body []byte
		body, err = io.ReadAll(r.Body)
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			WriteErrors(ctx, w, http.StatusRequestEntityTooLarge, fault.New(fault.QueryTooComplex,
				"The request body is larger than %d bytes. Ask for less in one request.", tooLarge.Limit))
			return
		case err != nil:
			WriteErrors(ctx, w, http.StatusBadRequest, fault.New(fault.InvalidInput,
				"The request body could not be read in time. Check your connection and send it again."))
			return
		}
		params, err = DecodeRequest(body)
	}
	if err != nil {
		WriteErrors(ctx, w, http.StatusBadRequest, err)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	oc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, oc), errs)
		resp.Errors = CapErrors(resp.Errors)
		writeResponse(w, StatusFor(resp.Errors), resp)
		return
	}
	if r.Method == http.MethodGet && oc.Operation.Operation != ast.Query {
		w.Header().Set("Allow", "POST")
		WriteErrors(ctx, w, http.StatusMethodNotAllowed, fault.New(fault.InvalidInput,
			"Send mutations with POST: GET may only run queries."))
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, oc)
	resp := responses(ctx)
	if resp == nil {
		resp = &graphql.Response{}
	}
	resp.Errors = CapErrors(resp.Errors)
	writeResponse(w, http.StatusOK, resp)
}

// DecodeRequest reads a POST body: one JSON object with query (a string),
// operationName (a string), variables and extensions (objects), each of
// which may be absent or null. Its errors are INVALID_INPUT, say what was
// expected, and never quote the body.
func DecodeRequest(body []byte) (*graphql.RawParams, error) {
	trimmed := bytes.TrimSpace(body)
	switch {
	case len(trimmed) == 0:
		return nil, fault.New(fault.InvalidInput, `The request body is empty. Send a JSON object with the query, such as {"query": "{ me { roles } }"}.`)
	case trimmed[0] == '[':
		return nil, fault.New(fault.InvalidInput, "Send one operation per request: a list of operations (a batch) is not accepted.")
	case trimmed[0] != '{':
		return nil, fault.New(fault.InvalidInput, `The request body must be a JSON object, such as {"query": "{ me { roles } }"}.`)
	}
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	if err := dec.Decode(&raw); err != nil {
		return nil, badJSON(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fault.New(fault.InvalidInput, "The request body has more after its JSON object. Send exactly one JSON object.")
	}
	p := &graphql.RawParams{}
	if err := decodeString(raw, "query", &p.Query); err != nil {
		return nil, err
	}
	if err := decodeString(raw, "operationName", &p.OperationName); err != nil {
		return nil, err
	}
	if err := decodeObject(raw["variables"], "variables", &p.Variables); err != nil {
		return nil, err
	}
	if err := decodeObject(raw["extensions"], "extensions", &p.Extensions); err != nil {
		return nil, err
	}
	return p, checkParams(p)
}

// DecodeQueryString reads a GET request's parameters: query and
// operationName as they are, variables and extensions as JSON objects.
func DecodeQueryString(rawQuery string) (*graphql.RawParams, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return nil, fault.New(fault.InvalidInput, "The address's parameters could not be read. Encode query and variables as URL parameters, or send a POST with a JSON body.")
	}
	p := &graphql.RawParams{Query: q.Get("query"), OperationName: q.Get("operationName")}
	for name, dst := range map[string]*map[string]any{"variables": &p.Variables, "extensions": &p.Extensions} {
		if v := q.Get(name); v != "" {
			if err := decodeObject(json.RawMessage(v), name, dst); err != nil {
				return nil, err
			}
		}
	}
	return p, checkParams(p)
}

func badJSON(err error) error {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fault.New(fault.InvalidInput, "The request body is not valid JSON (the mistake is near byte %d). Send a JSON object with the query and its variables.", syntax.Offset)
	}
	return fault.New(fault.InvalidInput, "The request body is not valid JSON. Send a JSON object with the query and its variables.")
}

func isNull(v json.RawMessage) bool {
	return len(v) == 0 || string(bytes.TrimSpace(v)) == "null"
}

func decodeString(raw map[string]json.RawMessage, name string, dst *string) error {
	v := raw[name]
	if isNull(v) {
		return nil
	}
	if bytes.TrimSpace(v)[0] != '"' || json.Unmarshal(v, dst) != nil {
		return fault.Invalid(name, "%s must be a string holding GraphQL, not %s. Send the document as text.", name, kindOf(v))
	}
	return nil
}

func decodeObject(v json.RawMessage, name string, dst *map[string]any) error {
	if isNull(v) {
		return nil
	}
	v = bytes.TrimSpace(v)
	if v[0] != '{' {
		return fault.Invalid(name, "%s must be a JSON object of names and values, not %s.", name, kindOf(v))
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	if err := dec.Decode(dst); err != nil {
		return fault.Invalid(name, "%s is not a valid JSON object. Send names and values, such as {\"id\": \"PE01…\"}.", name)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fault.Invalid(name, "%s has more after its JSON object. Send exactly one object.", name)
	}
	return nil
}

// kindOf names a JSON value's type without quoting it.
func kindOf(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "a list"
	case 't', 'f':
		return "true or false"
	case 'n':
		return "null"
	}
	return "a number"
}

// checkParams refuses what no operation needs and PostgreSQL cannot store:
// NUL characters, invalid UTF-8, and strings longer than MaxStringBytes.
func checkParams(p *graphql.RawParams) error {
	if err := checkText(p.Query, "query"); err != nil {
		return err
	}
	if err := checkText(p.OperationName, "operationName"); err != nil {
		return err
	}
	return checkValue(p.Variables, "variables")
}

func checkText(s, field string) error {
	switch {
	case strings.IndexByte(s, 0) >= 0:
		return fault.Invalid(field, "%s holds a NUL character (\\u0000), which no text may contain. Remove it and send the request again.", field)
	case !utf8.ValidString(s):
		return fault.Invalid(field, "%s is not valid UTF-8 text. Send text as UTF-8.", field)
	case len(s) > MaxStringBytes && field != "query":
		return fault.Invalid(field, "%s is %d bytes long; the longest accepted is %d. Shorten it and send it again.", field, len(s), MaxStringBytes)
	}
	return nil
}

func checkValue(v any, path string) error {
	switch v := v.(type) {
	case string:
		return checkText(v, path)
	case map[string]any:
		for k, e := range v {
			if err := checkText(k, path); err != nil {
				return err
			}
			if err := checkValue(e, path+"."+k); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range v {
			if err := checkValue(e, path+"."+strconv.Itoa(i)); err != nil {
				return err
			}
		}
	case json.Number, bool, nil:
	default:
		return fault.Invalid(path, "%s holds a value of a kind JSON does not have (%s).", path, fmt.Sprintf("%T", v))
	}
	return nil
}
