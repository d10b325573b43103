//go:build !consentoff

package apitest

import (
	"errors"

	"reablement/graph"
)

// handlerOptions: an ordinary build cannot turn consent off.
func handlerOptions(opts Options) ([]graph.Option, error) {
	if opts.Unenforced {
		return nil, errors.New("apitest: consent can be turned off only in a build with -tags consentoff (make bench)")
	}
	return nil, nil
}
