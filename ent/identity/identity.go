// Package identity checks and normalises what identifies a person: the NHS
// number (NHS Digital's Modulus 11 check digit) and the UK postcode. It is
// pure, so the model layer's hooks (ent/rule), the search (graph) and the
// tests all agree; the web app mirrors it for instant feedback
// (frontend/src/lib/identity.ts).
package identity

import (
	"regexp"
	"strings"
	"unicode"
)

// NHSNumber returns the NHS number s as ten digits, with the spaces and
// hyphens people type between its groups removed, and whether it is a valid
// NHS number: ten digits whose last is the Modulus 11 check digit of the
// first nine.
func NHSNumber(s string) (string, bool) {
	digits := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	if len(digits) != 10 {
		return digits, false
	}
	sum := 0
	for i := 0; i < 10; i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return digits, false
		}
		if i < 9 {
			sum += int(c-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	// A remainder giving 10 has no check digit: no number is issued with it.
	return digits, check != 10 && int(digits[9]-'0') == check
}

// LooksLikeNHSNumber reports whether a search text is meant as an NHS number:
// ten digits once spaces are removed, valid or not.
func LooksLikeNHSNumber(s string) bool {
	d, _ := NHSNumber(s)
	if len(d) != 10 {
		return false
	}
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// postcodeRE is the shape of a UK postcode without its space: an outward
// code (area letters, district digit or digits, perhaps a letter) and an
// inward code (a digit and two letters). GIR 0AA is Girobank's.
var (
	postcodeRE = regexp.MustCompile(`^(?:[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}|GIR0AA)$`)
	outwardRE  = regexp.MustCompile(`^[A-Z]{1,2}[0-9][0-9A-Z]?$`)
)

// Postcode returns the postcode s in the Royal Mail's form (upper case, one
// space before the inward code, "la94qt" is "LA9 4QT") and whether it is a
// UK postcode.
func Postcode(s string) (string, bool) {
	compact := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if !postcodeRE.MatchString(compact) {
		return strings.ToUpper(strings.TrimSpace(s)), false
	}
	return compact[:len(compact)-3] + " " + compact[len(compact)-3:], true
}

// Outward returns a postcode's district (its outward code, "LA9" of
// "LA9 4QT"): coarse enough to identify no one, enough to tell two people
// of the same name apart. Empty when p is not a postcode.
func Outward(p string) string {
	n, ok := Postcode(p)
	if !ok {
		return ""
	}
	return n[:strings.IndexByte(n, ' ')]
}

// LooksLikeOutward reports whether a search text is a postcode district
// alone ("LA9"), returning it in upper case.
func LooksLikeOutward(s string) (string, bool) {
	u := strings.ToUpper(strings.TrimSpace(s))
	return u, outwardRE.MatchString(u)
}
