//go:build consentoff

package graph

// Unenforced serves gated fields unchecked and writes no disclosure audit,
// so the consent benchmark (server/apitest) can price enforcement. It is
// compiled only with -tags consentoff (`make bench`): the server binary, and
// every ordinary build and test, has no way to turn consent off.
func Unenforced() Option {
	return func(o *options) { o.unenforced = true }
}
