// Package schematype holds the Go types of ent JSON fields. It is apart from
// ent/schema so that generated code can import it without importing the
// schema (and, through it, the rules), which would be an import cycle.
package schematype

// AccessibleFormat records that the plan exists in another format (R4).
type AccessibleFormat struct {
	// Format is PICTURE, VIDEO, AUDIO, EASY_READ, BRAILLE, LARGE_PRINT, OTHER_LANGUAGE or OTHER.
	Format string `json:"format"`
	// Location says where it is kept.
	Location string `json:"location"`
	// OriginalAttached is true when the final plan cannot reflect all of it and the original is attached.
	OriginalAttached bool `json:"originalAttached"`
}
