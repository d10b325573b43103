package app

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"net/url"
	"reflect"
	"time"

	"entgo.io/ent/dialect"

	"reablement/ent/schema/pulid"
)

// One round trip per statement (issue 14). By default lib/pq sends every
// statement with arguments in two round trips: Parse and Describe, wait for
// the parameter types, then Bind and Execute. With binary_parameters=yes it
// sends Parse, Bind, Describe and Execute at once and lets PostgreSQL infer
// the types, as it does anyway for an unnamed statement. The price is that
// lib/pq then sends []byte arguments in binary format, which is right for
// bytea and wrong for everything else: ent passes JSON fields (jsonb) as
// []byte, and jsonb's binary input wants a version byte first. The schema
// has no bytea column, so textArgs hands PostgreSQL every []byte argument
// as text, exactly what it received before. Timestamps, booleans, numbers,
// strings and pq.Array values were sent as text before and still are.

// WithBinaryParameters sets lib/pq's binary_parameters on a database URL.
func WithBinaryParameters(dbURL string) (string, error) {
	u, err := url.Parse(dbURL)
	if err != nil {
		return "", fmt.Errorf("DATABASE_URL is not a URL: %w", err)
	}
	q := u.Query()
	if q.Get("binary_parameters") == "" {
		q.Set("binary_parameters", "yes")
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// textArgs is the ent driver with []byte arguments sent as text.
type textArgs struct{ dialect.Driver }

func (d textArgs) Exec(ctx context.Context, q string, args, v any) error {
	return d.Driver.Exec(ctx, q, asText(args), v)
}

func (d textArgs) Query(ctx context.Context, q string, args, v any) error {
	return d.Driver.Query(ctx, q, asText(args), v)
}

func (d textArgs) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return textArgsTx{tx}, nil
}

// BeginTx is Tx with options (ent's client uses it when the driver has it).
func (d textArgs) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	b, ok := d.Driver.(interface {
		BeginTx(context.Context, *sql.TxOptions) (dialect.Tx, error)
	})
	if !ok {
		return d.Tx(ctx)
	}
	tx, err := b.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return textArgsTx{tx}, nil
}

type textArgsTx struct{ dialect.Tx }

func (t textArgsTx) Exec(ctx context.Context, q string, args, v any) error {
	return t.Tx.Exec(ctx, q, asText(args), v)
}

func (t textArgsTx) Query(ctx context.Context, q string, args, v any) error {
	return t.Tx.Query(ctx, q, asText(args), v)
}

var bytesType = reflect.TypeFor[[]byte]()

// asText returns args with each []byte-like value (json.RawMessage, or what
// a driver.Valuer gives) as a string; args itself is left alone.
func asText(args any) any {
	a, ok := args.([]any)
	if !ok {
		return args
	}
	var out []any
	for i, v := range a {
		s, ok := textOf(v)
		if !ok {
			continue
		}
		if out == nil {
			out = make([]any, len(a))
			copy(out, a)
		}
		out[i] = s
	}
	if out == nil {
		return args
	}
	return out
}

func textOf(v any) (string, bool) {
	switch b := v.(type) {
	case nil, string, pulid.ID, int, int64, bool, time.Time:
		// The common arguments, none of them bytes: answered without
		// asking a Valuer (pulid.ID's Value boxes a string every call).
		return "", false
	case []byte:
		if b == nil {
			return "", false
		}
		return string(b), true
	case json.RawMessage:
		if b == nil {
			return "", false
		}
		return string(b), true
	case driver.Valuer:
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return "", false
		}
		if val, err := b.Value(); err == nil {
			if bs, ok := val.([]byte); ok && bs != nil {
				return string(bs), true
			}
		}
		return "", false
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Type().ConvertibleTo(bytesType) && !rv.IsNil() {
		return string(rv.Convert(bytesType).Bytes()), true
	}
	return "", false
}
