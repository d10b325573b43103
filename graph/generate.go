// Package graph is the GraphQL layer: thin resolvers over ent, the consent
// directive, and the server's GraphQL wiring. The generated executable schema
// lives in graph/generated; schema.graphql at the repository root is the contract.
package graph

//go:generate go run github.com/99designs/gqlgen generate --config ../gqlgen.yml
