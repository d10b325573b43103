//go:build ignore

// entc.go generates the ent code, the entgql GraphQL glue and the one contract
// file, ../schema.graphql: the generated types merged with the hand-written
// parts in ../graph/schema/*.graphql.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
	entschema "entgo.io/ent/schema"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("../schema.graphql"),
		entgql.WithConfigPath("../gqlgen.yml"),
		entgql.WithWhereInputs(true),
		entgql.WithSchemaHook(mergeHandWritten, describeTypes, nullableGatedFields, boundConnections, describeInputs, requireDescriptions),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./schema", &gen.Config{
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
			gen.FeatureIntercept,
			gen.FeatureVersionedMigration,
			gen.FeatureUpsert,
			gen.FeatureLock,
			gen.FeatureModifier,
		},
	}, entc.Extensions(ex))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
}

// mergeHandWritten adds the hand-written schema (queries, mutations, enums,
// directives and types that are not ent entities) to the generated one, so
// analysts and the frontend read a single file.
func mergeHandWritten(_ *gen.Graph, s *ast.Schema) error {
	files, err := filepath.Glob("../graph/schema/*.graphql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		doc, err := parser.ParseSchema(&ast.Source{Name: f, Input: string(src)})
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		for _, d := range doc.Directives {
			s.Directives[d.Name] = d
		}
		for _, def := range doc.Definitions {
			if t, ok := s.Types[def.Name]; ok && t.Kind == ast.Scalar && def.Kind == ast.Scalar {
				t.Description = def.Description
				continue
			} else if ok && t.Kind == ast.Enum && def.Kind == ast.Enum {
				s.Types[def.Name] = def // an ent field typed with our enum: the described one wins
				continue
			} else if ok {
				return fmt.Errorf("%s: type %s is generated from ent; use 'extend type'", f, def.Name)
			}
			s.AddTypes(def)
		}
		for _, ext := range doc.Extensions {
			t, ok := s.Types[ext.Name]
			if !ok {
				return fmt.Errorf("%s: extends unknown type %s", f, ext.Name)
			}
			t.Fields = append(t.Fields, ext.Fields...)
			t.Interfaces = append(t.Interfaces, ext.Interfaces...)
			t.EnumValues = append(t.EnumValues, ext.EnumValues...)
			t.Directives = append(t.Directives, ext.Directives...)
		}
	}
	return nil
}

// describeTypes copies each entity's schema.Comment to its GraphQL type, and
// each edge's Comment to its field where entgql left it out (connections).
func describeTypes(g *gen.Graph, s *ast.Schema) error {
	key := (&entschema.CommentAnnotation{}).Name()
	if q := s.Types["Query"]; q != nil && q.Description == "" {
		q.Description = "What a viewer can read. Every list is filtered to records the viewer has a basis for."
	}
	for _, n := range g.Nodes {
		t, ok := s.Types[n.Name]
		if !ok {
			continue
		}
		for _, e := range n.Edges {
			if f := t.Fields.ForName(camel(e.Name)); f != nil && f.Description == "" {
				f.Description = e.Comment()
			}
		}
		if t.Description != "" {
			continue
		}
		if a, ok := n.Annotations[key].(map[string]any); ok {
			if text, ok := a["Text"].(string); ok {
				t.Description = text
			}
		}
	}
	return nil
}

// staffEdges are required edges to a staff account. Viewers outside the
// council (a carer, an advocate, the person) see no staff accounts, so for
// them these answer null rather than null the record that holds them.
var staffEdges = map[string]bool{"Visit.worker": true}

// nullableGatedFields makes every field behind @section nullable: a withheld
// field resolves to null, and a non-null one would null its parent instead.
func nullableGatedFields(_ *gen.Graph, s *ast.Schema) error {
	for _, t := range s.Types {
		for _, f := range t.Fields {
			if (f.Directives.ForName("section") != nil || staffEdges[t.Name+"."+f.Name]) && f.Type != nil {
				f.Type = &ast.Type{NamedType: f.Type.NamedType, Elem: f.Type.Elem, NonNull: false, Position: f.Type.Position}
			}
		}
	}
	return nil
}

// predicateSuffixes describe the where-input predicates entgql generates.
var predicateSuffixes = []struct{ suffix, text string }{
	{"NEQ", "is not equal to the value"}, {"NotIn", "is none of the values"}, {"In", "is one of the values"},
	{"GTE", "is greater than or equal to the value"}, {"GT", "is greater than the value"},
	{"LTE", "is less than or equal to the value"}, {"LT", "is less than the value"},
	{"ContainsFold", "contains the value, ignoring case"}, {"Contains", "contains the value"},
	{"HasPrefix", "starts with the value"}, {"HasSuffix", "ends with the value"},
	{"EqualFold", "equals the value, ignoring case"}, {"IsNil", "is not set"}, {"NotNil", "is set"},
}

// requireDescriptions fills the descriptions of generated where-input
// predicates and refuses to generate a schema with any undescribed type or
// field: schema.graphql is the contract analysts read.
func requireDescriptions(_ *gen.Graph, s *ast.Schema) error {
	var missing []string
	for name, t := range s.Types {
		if strings.HasPrefix(name, "__") || t.BuiltIn {
			continue
		}
		if t.Description == "" {
			missing = append(missing, name)
		}
		for _, f := range t.Fields {
			if f.Description != "" {
				continue
			}
			if strings.HasSuffix(name, "WhereInput") {
				f.Description = describePredicate(f.Name)
				continue
			}
			missing = append(missing, name+"."+f.Name)
		}
		for _, v := range t.EnumValues {
			if v.Description == "" && strings.HasSuffix(name, "OrderField") {
				v.Description = "Order by " + strings.ToLower(strings.ReplaceAll(v.Name, "_", " ")) + "."
			}
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("schema.graphql: these types and fields need a description (a Comment in ent/schema or a docstring in graph/schema):\n  %s", strings.Join(missing, "\n  "))
	}
	return nil
}

func describePredicate(name string) string {
	switch name {
	case "not":
		return "Matches when the inner filter does not."
	case "and":
		return "Matches when every inner filter matches."
	case "or":
		return "Matches when any inner filter matches."
	}
	for _, p := range predicateSuffixes {
		if strings.HasSuffix(name, p.suffix) {
			return fmt.Sprintf("Matches when %s %s.", strings.TrimSuffix(name, p.suffix), p.text)
		}
	}
	if strings.HasPrefix(name, "has") && strings.HasSuffix(name, "With") {
		return fmt.Sprintf("Matches when a related %s matches the filter.", strings.TrimSuffix(strings.TrimPrefix(name, "has"), "With"))
	}
	if strings.HasPrefix(name, "has") {
		return fmt.Sprintf("Matches when it has any %s.", strings.TrimPrefix(name, "has"))
	}
	return fmt.Sprintf("Matches when %s equals the value.", name)
}

// camel turns snake_case into lowerCamelCase, as entgql names fields.
func camel(s string) string {
	parts := strings.Split(s, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	return strings.Join(parts, "")
}

// describeInputs gives the fields of generated create and update inputs the
// descriptions of the fields and edges they set.
func describeInputs(_ *gen.Graph, s *ast.Schema) error {
	for name, in := range s.Types {
		var target string
		switch {
		case strings.HasPrefix(name, "Create") && strings.HasSuffix(name, "Input"):
			target = strings.TrimSuffix(strings.TrimPrefix(name, "Create"), "Input")
		case strings.HasPrefix(name, "Update") && strings.HasSuffix(name, "Input"):
			target = strings.TrimSuffix(strings.TrimPrefix(name, "Update"), "Input")
		default:
			continue
		}
		t := s.Types[target]
		if t == nil {
			continue
		}
		if in.Description == "" {
			in.Description = fmt.Sprintf("The fields of a %s that a client sets.", target)
		}
		for _, f := range in.Fields {
			if f.Description != "" {
				continue
			}
			f.Description = inputDescription(t, f.Name)
		}
	}
	return nil
}

func inputDescription(t *ast.Definition, name string) string {
	lookup := func(n string) string {
		for _, cand := range []string{n, strings.TrimSuffix(n, "ID"), strings.TrimSuffix(n, "IDs"), strings.TrimSuffix(n, "IDs") + "s"} {
			if f := t.Fields.ForName(cand); f != nil && f.Description != "" {
				return f.Description
			}
		}
		return ""
	}
	lowerFirst := func(s string) string { return strings.ToLower(s[:1]) + s[1:] }
	switch {
	case strings.HasPrefix(name, "clear"):
		return "Clears: " + lookup(lowerFirst(strings.TrimPrefix(name, "clear")))
	case strings.HasPrefix(name, "add") && strings.HasSuffix(name, "IDs"):
		return "Adds to: " + lookup(lowerFirst(strings.TrimPrefix(name, "add")))
	case strings.HasPrefix(name, "remove") && strings.HasSuffix(name, "IDs"):
		return "Removes from: " + lookup(lowerFirst(strings.TrimPrefix(name, "remove")))
	}
	return lookup(name)
}

// defaultPageSize is what a connection returns when a query gives neither
// first nor last: no connection is ever read without a bound. The query
// cost limit caps first and last themselves (graph/limits).
const defaultPageSize = "20"

// boundConnections gives every connection's first argument a default.
func boundConnections(_ *gen.Graph, s *ast.Schema) error {
	for _, t := range s.Types {
		for _, f := range t.Fields {
			if f.Type == nil || !strings.HasSuffix(f.Type.Name(), "Connection") {
				continue
			}
			if a := f.Arguments.ForName("first"); a != nil {
				a.DefaultValue = &ast.Value{Kind: ast.IntValue, Raw: defaultPageSize}
				a.Description = "Returns the first n elements (default " + defaultPageSize + "; at most 100)."
			}
		}
	}
	return nil
}
