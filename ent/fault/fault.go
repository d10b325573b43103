// Package fault is the one error type of the product. Every layer (ent hooks,
// privacy rules, the Care Act rules, resolvers) returns a *fault.Error when a
// user did something the product refuses, and the GraphQL layer turns it into
// an error whose extensions.code is one of the codes below. Anything else is an
// internal error: logged in full for operators, shown to users as a plain
// "something went wrong".
package fault

import (
	"errors"
	"fmt"
	"time"
)

// Code is the machine-readable kind of a failure, sent as extensions.code.
type Code string

// The documented set of codes. Keep it small: clients switch on these.
const (
	// Unauthenticated: no valid token, or the token's subject is not an account.
	Unauthenticated Code = "UNAUTHENTICATED"
	// Forbidden: the viewer is signed in but their role may not do this at all.
	Forbidden Code = "FORBIDDEN"
	// NotFound: no such record, or none the viewer has a basis to know of.
	NotFound Code = "NOT_FOUND"
	// SectionWithheld: the field exists but its section is not disclosed to the viewer.
	SectionWithheld Code = "SECTION_WITHHELD"
	// InvalidInput: the input is malformed or a value is out of range.
	InvalidInput Code = "INVALID_INPUT"
	// Conflict: the write was based on a stale revision, or duplicates another.
	Conflict Code = "CONFLICT"
	// RuleViolation: a rule of the domain (R1…R37) forbids this now.
	RuleViolation Code = "RULE_VIOLATION"
	// QueryTooComplex: the query exceeds a cost, depth, alias or size limit.
	QueryTooComplex Code = "QUERY_TOO_COMPLEX"
	// OperationNotAllowed: a persisted-operation-only client sent an unknown document.
	OperationNotAllowed Code = "OPERATION_NOT_ALLOWED"
	// RateLimited: too many requests (or too much work) from one address or
	// account in a short time; the HTTP answer is 429 with Retry-After.
	RateLimited Code = "RATE_LIMITED"
	// Internal: anything unexpected; details go to the log, not the client.
	Internal Code = "INTERNAL"
)

// Codes is the whole documented set, in the README's order. Nothing else
// is ever sent as extensions.code.
var Codes = []Code{Unauthenticated, Forbidden, NotFound, SectionWithheld, InvalidInput, Conflict,
	RuleViolation, QueryTooComplex, OperationNotAllowed, RateLimited, Internal}

// Known reports whether c is in the documented set.
func Known(c Code) bool {
	for _, k := range Codes {
		if k == c {
			return true
		}
	}
	return false
}

// Error is a failure a user can act on.
type Error struct {
	Code Code
	// Message is written for a practitioner: what is wrong and what to do.
	Message string
	// Rule names the domain rule that applies, such as "R30", if any.
	Rule string
	// Field is the input path the error is about, such as "input.targetDate", if any.
	Field string
	// Attr is the model's name of the field the error is about, such as
	// "date_of_birth", set by rules in the model layer, which know nothing
	// of the request that reached them; the GraphQL layer turns it into the
	// argument path (Field) of whatever mutation sent the value.
	Attr string
	// Section is the consent section withheld, for SectionWithheld.
	Section string
	// Problems lists further per-field problems, for example every missing R1 item.
	Problems []Problem
	// Retryable says the same request may succeed if sent again later
	// unchanged (a lock wait, a timeout, a serialization failure): clients
	// resend only these, so a refusal is never resent for ever.
	Retryable bool
	// RetryAfter is how long to wait before sending again, for RateLimited.
	RetryAfter time.Duration
}

// Problem is one field-level problem within an Error.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	Rule    string `json:"rule,omitempty"`
	// Section is the part of the record the problem quotes or reveals
	// (policy.Section's name): a readiness item is shown only to a viewer
	// who may see it.
	Section string `json:"-"`
}

func (e *Error) Error() string {
	if e.Rule != "" {
		return fmt.Sprintf("%s (%s): %s", e.Code, e.Rule, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// New returns an Error with a code and a formatted message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Rule returns a RULE_VIOLATION naming the rule, with per-field problems.
func Rule(rule, message string, problems ...Problem) *Error {
	return &Error{Code: RuleViolation, Rule: rule, Message: message, Problems: problems}
}

// Invalid returns an INVALID_INPUT about one input field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: InvalidInput, Field: field, Message: fmt.Sprintf(format, args...)}
}

// InvalidAttr returns an INVALID_INPUT about one field of the model, named
// as the schema names it ("legal_name"); see Error.Attr.
func InvalidAttr(attr, format string, args ...any) *Error {
	return &Error{Code: InvalidInput, Attr: attr, Message: fmt.Sprintf(format, args...)}
}

// Retry returns a CONFLICT that the client may resend unchanged later.
func Retry(format string, args ...any) *Error {
	return &Error{Code: Conflict, Message: fmt.Sprintf(format, args...), Retryable: true}
}

// Limited returns a RATE_LIMITED error: the client may send again after wait.
func Limited(wait time.Duration, message string) *Error {
	return &Error{Code: RateLimited, Message: message, Retryable: true, RetryAfter: wait}
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var f *Error
	if errors.As(err, &f) {
		return f, true
	}
	return nil, false
}

// CodeOf returns err's code, or Internal when err is not a *Error.
func CodeOf(err error) Code {
	if f, ok := As(err); ok {
		return f.Code
	}
	return Internal
}
