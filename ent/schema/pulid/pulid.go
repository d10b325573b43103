// Package pulid is the identifier type of every record: a two-letter type
// prefix and a ULID ("PE01J9…"). The prefix lets node(id:) find the table
// without a lookup table, and the random part cannot be guessed or counted,
// so ids reveal nothing about how many people a council supports.
package pulid

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"database/sql/driver"
	"fmt"
	"io"
	"strconv"
	"sync"
	"time"

	"github.com/oklog/ulid/v2"
)

// ID is a prefixed ULID.
type ID string

var (
	entropyMu sync.Mutex
	entropy   = ulid.Monotonic(rand.Reader, 0)
)

// New returns a new ID with the given two-letter prefix.
func New(prefix string) ID {
	entropyMu.Lock()
	defer entropyMu.Unlock()
	return ID(prefix + ulid.MustNew(ulid.Timestamp(time.Now()), entropy).String())
}

// NewFunc returns a generator of IDs with the prefix, for ent's DefaultFunc.
func NewFunc(prefix string) func() ID {
	return func() ID { return New(prefix) }
}

// Prefix returns the two-letter type prefix of the ID, or "" if it is malformed.
func (id ID) Prefix() string {
	if len(id) != 28 {
		return ""
	}
	return string(id[:2])
}

// Scan implements sql.Scanner.
func (id *ID) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		return nil
	case string:
		*id = ID(v)
	case []byte:
		*id = ID(string(v))
	case ID:
		*id = v
	default:
		return fmt.Errorf("pulid: cannot scan %T", src)
	}
	return nil
}

// Value implements driver.Valuer.
func (id ID) Value() (driver.Value, error) { return string(id), nil }

// UnmarshalGQL implements graphql.Unmarshaler.
func (id *ID) UnmarshalGQL(v any) error {
	switch s := v.(type) {
	case string:
		*id = ID(s)
	case ID:
		*id = s
	default:
		return fmt.Errorf("an ID must be a string, not %T", v)
	}
	return nil
}

// MarshalGQL implements graphql.Marshaler.
func (id ID) MarshalGQL(w io.Writer) { _ = writeQuoted(w, id) }

// Sealer gives ids of their own to one kind of viewer: analysts (consent.md)
// get ids that are stable for them, so they can page and join within their
// own queries, but that cannot be joined with the ids staff, the audit log
// or server logs use. Seal is a keyed permutation of the ULID part (AES),
// so it is one to one and needs no table; the type prefix stays, since the
// type is no secret and node(id:) needs it.
type Sealer struct{ block cipher.Block }

// NewSealer returns a sealer keyed by key (derive one key per kind of viewer).
func NewSealer(key []byte) (*Sealer, error) {
	sum := sha256.Sum256(key)
	b, err := aes.NewCipher(sum[:16])
	if err != nil {
		return nil, err
	}
	return &Sealer{block: b}, nil
}

// sealedMark follows the prefix of a sealed id, so a staff id given by a
// viewer who must use sealed ones is told apart (and refused).
const sealedMark = "x"

// Seal returns the viewer's id for id; a malformed id is returned as it is.
func (s *Sealer) Seal(id ID) ID {
	u, err := ulid.ParseStrict(string(id[min(2, len(id)):]))
	if err != nil || len(id) != 28 {
		return id
	}
	var out ulid.ULID
	s.block.Encrypt(out[:], u[:])
	// Written into one buffer and made a string once: an analyst's page
	// seals some 1,500 ids (issue 14).
	var b [29]byte
	copy(b[:], id[:2])
	b[2] = sealedMark[0]
	_ = out.MarshalTextTo(b[3:])
	return ID(b[:])
}

// Open returns the id a sealed id stands for, and false for anything that
// is not a sealed id (a staff id included).
func (s *Sealer) Open(sealed string) (ID, bool) {
	if len(sealed) != 29 || sealed[2:3] != sealedMark {
		return "", false
	}
	c, err := ulid.Parse(sealed[3:])
	if err != nil {
		return "", false
	}
	var u ulid.ULID
	s.block.Decrypt(u[:], c[:])
	return ID(sealed[:2] + u.String()), true
}

type sealerKey struct{}

// WithSealer returns ctx in which ids are sealed on the way out and opened
// on the way in (MarshalGQLContext, UnmarshalGQLContext).
func WithSealer(ctx context.Context, s *Sealer) context.Context {
	return context.WithValue(ctx, sealerKey{}, s)
}

// SealerFrom returns the sealer of ctx's viewer, or nil when ids are their own.
func SealerFrom(ctx context.Context) *Sealer {
	s, _ := ctx.Value(sealerKey{}).(*Sealer)
	return s
}

// MarshalGQLContext writes the id as the request's viewer knows it.
func (id ID) MarshalGQLContext(ctx context.Context, w io.Writer) error {
	if s := SealerFrom(ctx); s != nil && id != "" {
		id = s.Seal(id)
	}
	return writeQuoted(w, id)
}

// writeQuoted writes id as a JSON string. An id is a type prefix and a
// ULID, letters and digits that need no escaping, so it is written as it
// is rather than through strconv.Quote, which made a new string for every
// id of every answer (issue 14); anything else is quoted.
func writeQuoted(w io.Writer, id ID) error {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < '0' || c > 'z' || (c > '9' && c < 'A') || (c > 'Z' && c < 'a') {
			_, err := io.WriteString(w, strconv.Quote(string(id)))
			return err
		}
	}
	if _, err := io.WriteString(w, `"`); err != nil {
		return err
	}
	if _, err := io.WriteString(w, string(id)); err != nil {
		return err
	}
	_, err := io.WriteString(w, `"`)
	return err
}

// UnmarshalGQLContext reads an id as the request's viewer knows it. A
// viewer with sealed ids who sends any other id names nothing: the id is
// kept unusable, so it finds no record (NOT_FOUND), as a made-up id would.
func (id *ID) UnmarshalGQLContext(ctx context.Context, v any) error {
	if err := id.UnmarshalGQL(v); err != nil {
		return err
	}
	if s := SealerFrom(ctx); s != nil {
		real, ok := s.Open(string(*id))
		if !ok {
			*id = ID("??" + string(*id))
			return nil
		}
		*id = real
	}
	return nil
}
