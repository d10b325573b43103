package app

import (
	"net/http"

	"github.com/klauspost/compress/gzhttp"
)

// compressed gzips answers for clients that accept it: the web app's
// JavaScript and the API's answers are text that shrinks five- to tenfold,
// which is most of a cold start on a phone with a weak signal (issue 14).
// klauspost/compress's gzhttp skips small answers, sets Vary, and leaves
// alone answers already encoded or of types that do not compress. The API
// authenticates by bearer token, not cookies, so a cross-site page cannot
// make a signed-in browser send requests whose compressed size it could
// measure (the BREACH attack needs that).
func compressed(next http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.MinSize(1024), gzhttp.CompressionLevel(5))
	if err != nil {
		panic(err) // fixed, valid options
	}
	return wrap(next)
}
