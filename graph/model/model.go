// Package model holds the GraphQL types that are not ent entities.
package model
