package limits

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// BodyLimit caps the request body at maxBytes. gqlgen reads a body without
// a cap; an over-limit body answers 413 with a GraphQL error that never
// echoes what was sent.
func BodyLimit(maxBytes int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Method == http.MethodGet {
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBytes))
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			fmt.Fprintf(w, `{"errors":[{"message":"The request body is larger than %d bytes.","extensions":{"code":%q}}]}`, maxBytes, Code)
			return
		}
		if err != nil {
			http.Error(w, "could not read the request body", http.StatusBadRequest)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}
