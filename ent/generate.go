// Package ent is the reablement graph: the schema in ent/schema, the code ent
// and entgql generate from it, and beside them the model-layer rules every
// entry point obeys (viewer, policy, rule, careact).
package ent

//go:generate go run -mod=mod ./entc.go
