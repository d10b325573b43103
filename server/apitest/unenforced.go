//go:build consentoff

package apitest

import "reablement/graph"

// handlerOptions turns consent off when asked: this build has
// graph.Unenforced (-tags consentoff).
func handlerOptions(opts Options) ([]graph.Option, error) {
	if opts.Unenforced {
		return []graph.Option{graph.Unenforced()}, nil
	}
	return nil, nil
}
