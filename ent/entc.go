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
		entgql.WithSchemaHook(mergeHandWritten, describeTypes, nullableGatedFields, boundConnections, describeInputs, requireDescriptions, requireClassification),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./schema", &gen.Config{
		// records.tmpl: the one table of record keys and row sections.
		Templates: []*gen.Template{
			gen.MustParse(gen.NewTemplate("records").Funcs(gen.Funcs).ParseFiles("template/records.tmpl")),
			// schemainfo.tmpl: Client.Driver (raw reads join a transaction), and the
			// edge targets, string sizes and Exists the generic write rules use.
			gen.MustParse(gen.NewTemplate("schemainfo").Funcs(gen.Funcs).ParseFiles("template/schemainfo.tmpl")),
		},
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureEntQL,
			gen.FeatureIntercept,
			gen.FeatureVersionedMigration,
			gen.FeatureUpsert,
			gen.FeatureLock,
			gen.FeatureModifier,
		},
	}, entc.Extensions(ex),
		// enum.tmpl: enums written without strconv.Quote; after the extension,
		// so that its definition replaces entgql's.
		entc.TemplateFiles("template/enum.tmpl"))
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

// nullableGatedFields makes every field behind @section nullable: a withheld
// field resolves to null, and a non-null one would null its parent instead.
func nullableGatedFields(_ *gen.Graph, s *ast.Schema) error {
	for _, t := range s.Types {
		for _, f := range t.Fields {
			if f.Directives.ForName("section") != nil && f.Type != nil {
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

// openFields are the fields of object types that no section gates, each
// with the reason it may be open. Every other field must carry @section, or
// be one of the kinds classify recognises (paging, an edge or id to a
// record that has a row filter of its own); requireClassification refuses
// to generate a schema with a field that is none of these, as
// requireDescriptions refuses an undescribed one (issue 10).
var openFields = map[string]string{
	// Any record.
	"*.id":        "an opaque id: it says only that the record exists, which the row filter already decided",
	"*.createdAt": "when the row was made: disclosed with the row, which the row filter already decided by its section",
	"*.updatedAt": "when the row last changed: disclosed with the row, which the row filter already decided by its section",

	// Roots: every list and record is filtered by its own row filter.
	"Query.serviceDay":          "each visit through the visits' row filter, each list's members decided by VISITS and the training gaps by COMMUNICATION (graph/homes.go)",
	"Query.node":                "each kind of record answers through its own row filter",
	"Query.nodes":               "each kind of record answers through its own row filter",
	"Query.auditEvents":         "the audit log's own filter (rule.FilterAudit)",
	"Query.demoAccounts":        "the development sign-in's list of demo accounts, only while DEV_SIGNER is on",
	"Query.me":                  "the viewer's own account and grants",
	"Query.dueList":             "each item is decided by the section it discloses (graph/due.go)",
	"Query.planDiff":            "each change is decided by its field's own section (graph/diff.go)",
	"Query.previewShare":        "decided by policy.PreviewShare, for staff who may share the plan",
	"Query.shareBases":          "the sharing rules' table of bases by kind of recipient: no one's record",
	"Query.statisticsCounts":    "aggregates of coded fields under disclosure control (ent/disclosure), analysts only (graph/statistics.go)",
	"Query.statisticsDurations": "aggregates of coded fields under disclosure control (ent/disclosure), analysts only (graph/statistics.go)",
	"Query.statisticsRates":     "aggregates of coded fields under disclosure control (ent/disclosure), analysts only (graph/statistics.go)",
	"Query.ascof2A":             "a national measure: aggregates under disclosure control, analysts only (graph/ascof.go)",
	"Query.ascof2D":             "a national measure: aggregates under disclosure control, analysts only (graph/ascof.go)",
	"Query.clientLevelData":     "the statutory return: policy.Return decides (identifiable on STATUTORY_RETURN, pseudonymised for analysts), every person audited (graph/cld.go)",
	"Query.findPeople":          "each match is decided by policy.Found (graph/consent.Found) and audited as IDENTITY; practitioners and managers only",
	"Mutation.*":                "a mutation answers with records, each through its own row filter and directives",

	// Records' own facts.
	"Person.pseudonym":               "a keyed pseudonym, the statistics' key: derived with a secret, it identifies no one outside the system",
	"Person.viewerAccess":            "what the viewer may see and why: about the viewer, not the record",
	"Person.accessHistory":           "the audit log grouped by account and day, through the audit log's own filter (rule.FilterAudit), as auditEvents",
	"Person.teamID":                  "the allocated team's id: the basis of staff access itself; the team edge is gated",
	"Person.allocatedPractitionerID": "the allocated practitioner's id: the basis of staff access itself; the account edge is gated",
	"Plan.viewerAccess":              "what the viewer may see and why: about the viewer, not the record",
	"Plan.episode":                   "which episode a version belongs to: whoever may see any part of a version must know which it is",
	"Plan.version":                   "which version this is: whoever may see any part of a version must know which it is",
	"Plan.revision":                  "the concurrency token for saving a version",
	"Plan.status":                    "whether the version is in force: whoever may see any part of it must know",
	"Plan.agreedAt":                  "when the version was agreed: whether it is in force",
	"Plan.commencedAt":               "when reablement started: whether the version is in force",
	"Plan.endedAt":                   "when reablement ended: whether the version is in force",
	"Plan.inProgress":                "whether the version can still move on: derived from its status, which is open",
	"Plan.readiness":                 "each missing item is shown only if its own section is (graph/readiness.go)",
	"Plan.chronology":                "each entry is a record through its own row filter, kept only if its section is allowed (graph/chronology.go)",
	"Person.chronology":              "each entry is a record through its own row filter, kept only if its section is allowed (graph/chronology.go)",
	"Outcome.position":               "order within the plan; the row is an OUTCOMES row",
	"OutcomeStep.position":           "order within the outcome; the row is an OUTCOMES row",
	"Visit.startsAt":                 "when the visit is, coded; the row is a VISITS row",
	"Visit.status":                   "whether the visit happened, coded; the row is a VISITS row",
	"Visit.revision":                 "the concurrency token for recording a visit",

	// Accounts, teams and the authority are no one's care record.
	"Account.username":     "shown to staff and the account itself; others get it withheld (policy.AccountName)",
	"Account.displayName":  "a name to staff and the account itself; a role to outside viewers and analysts (policy.AccountName)",
	"Account.roles":        "what the account does, which is what outside viewers are shown instead of a name",
	"Account.trainings":    "a worker's trainings, matched against people's needs (R32): no one's care record",
	"Account.jobTitle":     "a staff member's job title: no one's care record",
	"Account.active":       "whether the account can sign in",
	"Account.teams":        "teams are organisational facts",
	"Account.managedTeams": "teams are organisational facts",
	"Account.services":     "teams are organisational facts",
	"Team.*":               "teams are organisational facts; members are accounts, shown by policy.AccountName",
	"Authority.*":          "the authority's name and local policy are public facts",

	// The viewer's own answers.
	"AuditEvent.*":            "the audit log's own filter (rule.FilterAudit): auditors, staff for their people, the person for their own",
	"Viewer.*":                "the viewer's own account and grants",
	"DemoAccount.*":           "the development sign-in's demo accounts",
	"SignInResult.*":          "the viewer's own token",
	"SectionAccess.*":         "what the viewer may see and why: about the viewer, not the record",
	"SharePreview.*":          "decided by policy.PreviewShare, for staff who may share the plan",
	"PlanReadiness.*":         "each missing item is shown only if its own section is (graph/readiness.go)",
	"MissingItem.*":           "each missing item is shown only if its own section is (graph/readiness.go)",
	"RecipientBases.*":        "the sharing rules' table of bases by kind of recipient: no one's record",
	"PlanChange.*":            "each change is decided by its field's own section (graph/diff.go)",
	"ChronologyEntry.*":       "an entry exists only for a record the row filter returns and whose section consent.Members allows; its content is that record's own gated fields (graph/chronology.go)",
	"AccessibleFormat.*":      "a value inside a gated field (Plan.accessibleFormats)",
	"AccessDay.*":             "the audit log grouped by account and day, through the audit log's own filter (rule.FilterAudit), as AuditEvent.*",
	"ServiceDay.date":         "the day asked for",
	"ServiceDay.trainingGaps": "each gap is listed only when the viewer may see the person's COMMUNICATION section (graph/homes.go); its visit through the visits' row filter",
	"TrainingGap.missing":     "trainings the person needs that the worker lacks (R32): each gap is listed only when the viewer may see the person's COMMUNICATION section (graph/homes.go)",
	"StatisticsCounts.*":      "aggregates under disclosure control (graph/statistics.go)",
	"StatisticsCount.*":       "aggregates under disclosure control (graph/statistics.go)",
	"StatisticsDurations.*":   "aggregates under disclosure control (graph/statistics.go)",
	"StatisticsDuration.*":    "aggregates under disclosure control (graph/statistics.go)",
	"StatisticsRates.*":       "aggregates under disclosure control (graph/statistics.go)",
	"StatisticsRate.*":        "aggregates under disclosure control (graph/statistics.go)",
	"StatisticsGroup.*":       "a coded group value of an aggregate (graph/statistics.go)",
	"DisclosureControl.*":     "the method applied, not data",
	"AscofMeasure.*":          "a national measure's aggregates under disclosure control (graph/ascof.go)",
	"ClientLevelDataExport.*": "the statutory return, decided by policy.Return and audited per person (graph/cld.go)",
	"WorkerMatch.*":           "only through Plan.workerMatches, gated as COMMUNICATION (what the person's needs call for); the worker and service are organisational facts",
	"PersonMatch.*":           "decided by policy.Found (graph/search.go): the identifying minimum (name, date of birth, postcode district) on the viewer's basis or SEARCH, audited as IDENTITY, and the ways to a basis; the record itself only through person, under its own row filter and directives",
}

// requireClassification refuses a schema with an object field that is
// neither gated by @section nor classified open: a new field, edge or list
// cannot reach a viewer without someone deciding who may see it. Open by
// kind: paging types; an edge or list whose items are records with a row
// filter of their own (rule.Record); an id naming such a record through an
// edge of the same name.
func requireClassification(g *gen.Graph, s *ast.Schema) error {
	records := map[string]bool{}
	for _, n := range g.Nodes {
		if _, ok := n.Annotations["Record"]; ok {
			records[n.Name] = true
		}
	}
	itemType := func(f *ast.FieldDefinition) string {
		name := f.Type.Name()
		return strings.TrimSuffix(name, "Connection")
	}
	used := map[string]bool{}
	open := func(t, f string) bool {
		for _, k := range []string{t + "." + f, "*." + f, t + ".*"} {
			if _, ok := openFields[k]; ok {
				used[k] = true
				return true
			}
		}
		return false
	}
	var missing []string
	for name, t := range s.Types {
		if t.Kind != ast.Object || strings.HasPrefix(name, "__") || t.BuiltIn {
			continue
		}
		if name == "PageInfo" || strings.HasSuffix(name, "Connection") || strings.HasSuffix(name, "Edge") {
			continue // paging: what the items are is decided on the items
		}
		for _, f := range t.Fields {
			switch {
			case strings.HasPrefix(f.Name, "__"):
			case f.Directives.ForName("section") != nil:
			case records[itemType(f)]:
			case strings.HasSuffix(f.Name, "ID") && t.Fields.ForName(strings.TrimSuffix(f.Name, "ID")) != nil &&
				records[itemType(t.Fields.ForName(strings.TrimSuffix(f.Name, "ID")))]:
			case open(name, f.Name):
			default:
				missing = append(missing, name+"."+f.Name)
			}
		}
	}
	var stale []string
	for k := range openFields {
		if !used[k] {
			stale = append(stale, k)
		}
	}
	if len(missing) > 0 || len(stale) > 0 {
		sort.Strings(missing)
		sort.Strings(stale)
		return fmt.Errorf("schema.graphql: every field must be gated by @section or classified open in entc.go's openFields with a reason (issue 10).\n  unclassified: %s\n  classified but not in the schema (or gated): %s",
			strings.Join(missing, ", "), strings.Join(stale, ", "))
	}
	return nil
}
