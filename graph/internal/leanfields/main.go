// Command leanfields rewrites gqlgen's generated code to take out work this
// server never needs (issue 14). `make generate-gql` runs it after gqlgen;
// graph/generated/lean.go and sequential.go say why for each rewrite.
//
// First, textual replacements (replacements): lists marshalled in turn,
// scalar field contexts without a closure, @section's constant
// `coded: true` shared, and an object's fields with resolvers resolved
// where they stand.
//
// Fields whose arguments are all scalars, orders or cursors parse them once
// a request (shareArgs; lean.go's shared.args, kept in a field this adds to
// the execution context), not once for each object they are asked of: a
// plan's outcomes(first: 20, orderBy: …) on an analyst's page of 100 plans.
//
// Then fields that only read a column of their object are written
// straight from the object, without gqlgen's per-field machinery.
//
// A field qualifies when all of these hold, read from the generated code:
//   - its resolver is `return obj.Column, nil` (no method, no resolver);
//   - its value is a scalar or an enum (its field context is
//     scalarFieldContext), neither a list nor a Cursor (the field middleware
//     in graph/handler.go notes the rows of lists and seals cursors);
//   - it carries no directive, or only @section.
//
// Every object's marshaller makes its values with newObject, in one
// allocation, and returns that object, which writes itself; the @defer
// machinery gqlgen sets up for every object is taken out, since this
// server answers in one response (graph/generated/lean.go says why).
//
// An object field (an edge's node) that only reads its object's column and
// takes no arguments keeps its field context, for the paths of its
// children's errors, but skips the rest of gqlgen's per-field machinery:
// the field middleware has nothing to do for it.
//
// A plain field becomes one call of its marshaller. A gated field first
// asks the @section directive itself, with a next that only says "shown":
// when the directive shows the value, it is marshalled as a plain field's;
// otherwise the field takes gqlgen's full path, where the same directive
// withholds it and reports the error at the field's path.
package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// replacements are the textual rewrites. Each must match at least once: one
// that no longer matches means gqlgen changed how it writes the code, and
// fails the run rather than leaving the work in silently.
var replacements = []struct {
	name    string
	pattern *regexp.Regexp
	with    string
}{
	{"lists marshalled in turn (sequential.go)",
		regexp.MustCompile(`graphql\.MarshalSliceConcurrently\(`), "marshalSliceSequentially("},
	{"scalar field contexts without a closure",
		regexp.MustCompile(`(?m)graphql\.NewScalarFieldContext\((.*), errors\.New\("field of type [^"]* does not have child fields"\)\)$`), "scalarFieldContext($1)"},
	{"@section's coded: true shared",
		regexp.MustCompile(`ec\.unmarshalOBoolean2ᚖbool\(ctx, true\)`), "codedTrue()"},
	{"fields with resolvers resolved where they stand",
		regexp.MustCompile(`out\.Concurrently\(i, func\(ctx context\.Context\) graphql\.Marshaler \{ return innerFunc\(ctx, out\) \}\)`),
		"out.Values[i] = innerFunc(ctx, out) // in turn: see lean.go"},
	{"an object's fields collected once a request (shared.collect)",
		regexp.MustCompile(`graphql\.CollectFields\(ec\.OperationContext, sel, (\w+Implementors)\)`),
		"ec.shared.collect(ec.OperationContext, sel, $1)"},
	{"what a request's fields share kept by its execution context",
		regexp.MustCompile(`(?m)^type executionContext struct \{\n\t\*graphql\.ExecutionContextState\[ResolverRoot, DirectiveRoot, ComplexityRoot\]\n\}`),
		"type executionContext struct {\n\t*graphql.ExecutionContextState[ResolverRoot, DirectiveRoot, ComplexityRoot]\n\tshared shared // see lean.go\n}"},
}

// argsFunc is a field's arguments function in gqlgen's code, with the
// unmarshallers it calls.
var (
	argsFunc    = regexp.MustCompile(`(?ms)^func \(ec \*executionContext\) (field_\w+_args)\(ctx context\.Context, rawArgs map\[string\]any\) \(map\[string\]any, error\) \{\n(.*?)^\}`)
	unmarshalls = regexp.MustCompile(`ec\.(unmarshal[^(\s]+)\(`)
	argsCall    = regexp.MustCompile(`ec\.(field_\w+_args)\(ctx, field\.ArgumentMap\(ec\.Variables\)\)`)
	// sharable are the arguments a field's executions in one request may
	// share (lean.go): scalars, orders and cursors (which shared.args
	// never shares once set), and no input object, list or where-input,
	// which resolvers and the field middleware may change.
	sharable = regexp.MustCompile(`^unmarshal[NO](ID|Int|String|Boolean|Date|Time|Cursor)2[^ᚕ]*$|^unmarshalO\w+Order2ᚖ[^ᚕ]*$`)
)

// shareArgs makes every field whose arguments are all sharable parse them
// once a request (lean.go), and counts those fields.
func shareArgs(src []byte) ([]byte, int, error) {
	ok := map[string]bool{}
	for _, m := range argsFunc.FindAllSubmatch(src, -1) {
		all := true
		for _, u := range unmarshalls.FindAllSubmatch(m[2], -1) {
			all = all && sharable.Match(u[1])
		}
		ok[string(m[1])] = all
	}
	if len(ok) == 0 {
		return nil, 0, fmt.Errorf("no field arguments functions found: has gqlgen changed how it writes them?")
	}
	n := 0
	src = argsCall.ReplaceAllFunc(src, func(call []byte) []byte {
		name := string(argsCall.FindSubmatch(call)[1])
		if !ok[name] {
			return call
		}
		n++
		return []byte("ec.shared.args(ctx, field.Field, ec.Variables, ec." + name + ")")
	})
	if n == 0 {
		return nil, 0, fmt.Errorf("no field's arguments could be shared: has gqlgen changed how it parses them?")
	}
	return src, n, nil
}

// replace applies replacements to src.
func replace(src []byte) ([]byte, error) {
	for _, r := range replacements {
		if !r.pattern.Match(src) {
			return nil, fmt.Errorf("nothing to rewrite for %s: has gqlgen changed how it writes it?", r.name)
		}
		src = r.pattern.ReplaceAll(src, []byte(r.with))
	}
	return src, nil
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: leanfields graph/generated/generated.go")
		os.Exit(2)
	}
	path := os.Args[1]
	src, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	src, err = replace(src)
	shared := 0
	if err == nil {
		src, shared, err = shareArgs(src)
	}
	if err == nil {
		var n counts
		src, n, err = rewrite(src)
		if err == nil {
			fmt.Printf("leanfields: %d plain and %d gated fields written straight from their objects; %d object fields without gqlgen's per-field machinery; %d fields parse their arguments once a request\n", n.plain, n.gated, n.objects, shared)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "leanfields: %s: %v\n", path, err)
		os.Exit(1)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// edit replaces src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

// counts are the fields rewritten, by kind.
type counts struct{ plain, gated, objects int }

func rewrite(src []byte) ([]byte, counts, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "generated.go", src, parser.ParseComments)
	if err != nil {
		return nil, counts{}, err
	}
	scalarContexts := map[string]bool{}
	objectContexts := map[string]bool{}
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || !strings.HasPrefix(fn.Name.Name, "fieldContext_") || fn.Body == nil {
			continue
		}
		if len(fn.Body.List) == 1 {
			if call := returnedCall(fn.Body.List[0]); call != nil && isIdent(call.Fun, "scalarFieldContext") {
				scalarContexts[fn.Name.Name] = true
			}
		}
		if plainObjectContext(fn.Body) {
			objectContexts[fn.Name.Name] = true
		}
	}

	var edits []edit
	plain, gated, objects := 0, 0, 0
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || fn.Body == nil || len(fn.Body.List) != 1 || !strings.HasPrefix(fn.Name.Name, "_") {
			continue
		}
		if !hasParams(fn, "ctx", "field", "obj") {
			continue
		}
		call := returnedCall(fn.Body.List[0])
		if call == nil || !isSelector(call.Fun, "graphql", "ResolveField") || len(call.Args) != 9 {
			continue
		}
		column, ok := objColumn(call.Args[4])
		if !ok {
			continue
		}
		marshal, ok := marshaller(call.Args[6])
		if !ok || strings.Contains(marshal, "ᚕ") || strings.Contains(marshal, "Cursor") {
			continue
		}
		write := fmt.Sprintf("ec.%s(ctx, field.Selections, obj.%s)", marshal, column)
		if objectContexts["fieldContext"+fn.Name.Name] && isIdent(call.Args[5], "nil") {
			edits = append(edits, edit{fset.Position(fn.Body.Lbrace).Offset + 1, fset.Position(fn.Body.Rbrace).Offset,
				fmt.Sprintf("\n\tfc, _ := ec.fieldContext%s(ctx, field)\n\tctx = graphql.WithFieldContext(ctx, fc)\n\tfc.Result = obj.%s\n\treturn %s // object: see lean.go\n",
					fn.Name.Name, column, write)})
			objects++
			continue
		}
		if !scalarContexts["fieldContext"+fn.Name.Name] {
			continue
		}
		switch mw := call.Args[5].(type) {
		case *ast.Ident:
			if mw.Name != "nil" {
				continue
			}
			// A non-null time.Time marshals its zero value as null with an
			// error at the field's path, which only the full path can place.
			if strings.HasPrefix(marshal, "marshalNTime") {
				continue
			}
			edits = append(edits, edit{fset.Position(fn.Body.Lbrace).Offset + 1, fset.Position(fn.Body.Rbrace).Offset,
				"\n\treturn " + write + " // plain: see lean.go\n"})
			plain++
		case *ast.FuncLit:
			section, coded, ok := sectionOnly(mw)
			if !ok {
				continue
			}
			codedArg := "nil"
			if coded {
				codedArg = "&trueValue"
			}
			pre := fmt.Sprintf("\n\tif ec.Directives.Section != nil {\n\t\tif v, err := ec.Directives.Section(ctx, obj, shownNext, policy.Section(%s), %s); err == nil && v == shown {\n\t\t\treturn %s // gated and shown: see lean.go\n\t\t}\n\t}",
				strconv.Quote(section), codedArg, write)
			edits = append(edits, edit{fset.Position(fn.Body.Lbrace).Offset + 1, fset.Position(fn.Body.Lbrace).Offset + 1, pre})
			gated++
		}
	}
	marshallers := 0
	for _, d := range file.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || fn.Body == nil || len(fn.Body.List) < 2 || !makesFieldSet(fn.Body) {
			continue
		}
		last, ok := fn.Body.List[len(fn.Body.List)-1].(*ast.ReturnStmt)
		if !ok || len(last.Results) != 1 || !isIdent(last.Results[0], "out") {
			continue
		}
		edits = append(edits, objectEdits(fset, fn.Body)...)
		edits = append(edits, edit{fset.Position(last.Pos()).Offset, fset.Position(last.End()).Offset,
			"return out // an object: see lean.go"})
		marshallers++
	}
	if marshallers == 0 {
		return nil, counts{}, fmt.Errorf("no object marshaller found: has gqlgen changed how it writes them?")
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].from < edits[j].from })
	var b bytes.Buffer
	at := 0
	for _, e := range edits {
		b.Write(src[at:e.from])
		b.WriteString(e.text)
		at = e.to
	}
	b.Write(src[at:])
	out, err := format.Source(withoutUnusedImport(b.Bytes(), "math"))
	if err != nil {
		return nil, counts{}, fmt.Errorf("the rewritten file does not parse: %w", err)
	}
	return out, counts{plain, gated, objects}, nil
}

func returnedCall(s ast.Stmt) *ast.CallExpr {
	ret, ok := s.(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	call, _ := ret.Results[0].(*ast.CallExpr)
	return call
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isSelector(e ast.Expr, x, sel string) bool {
	s, ok := e.(*ast.SelectorExpr)
	return ok && isIdent(s.X, x) && s.Sel.Name == sel
}

func hasParams(fn *ast.FuncDecl, names ...string) bool {
	var got []string
	for _, f := range fn.Type.Params.List {
		for _, n := range f.Names {
			got = append(got, n.Name)
		}
	}
	return strings.Join(got, ",") == strings.Join(names, ",")
}

// objColumn reads `func(ctx context.Context) (any, error) { return obj.X, nil }`.
func objColumn(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return "", false
	}
	ret, ok := lit.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 2 || !isIdent(ret.Results[1], "nil") {
		return "", false
	}
	sel, ok := ret.Results[0].(*ast.SelectorExpr)
	if !ok || !isIdent(sel.X, "obj") {
		return "", false
	}
	return sel.Sel.Name, true
}

// marshaller reads `func(ctx, selections, v T) graphql.Marshaler { return ec.marshalX(ctx, selections, v) }`.
func marshaller(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return "", false
	}
	call := returnedCall(lit.Body.List[0])
	if call == nil || len(call.Args) != 3 {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !isIdent(sel.X, "ec") || !strings.HasPrefix(sel.Sel.Name, "marshal") {
		return "", false
	}
	return sel.Sel.Name, true
}

// sectionOnly reads a middleware chain holding the one @section directive
// with literal arguments, as gqlgen writes it, and returns them.
func sectionOnly(lit *ast.FuncLit) (section string, coded bool, ok bool) {
	var directives int
	var calledSection bool
	ast.Inspect(lit, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 {
				if id, isID := n.Lhs[0].(*ast.Ident); isID && strings.HasPrefix(id.Name, "directive") && id.Name != "directive0" && n.Tok == token.DEFINE {
					directives++
				}
			}
		case *ast.CallExpr:
			switch {
			case isSelectorPrefix(n.Fun, "ec", "unmarshalNSection2") && len(n.Args) == 2:
				if s, isLit := n.Args[1].(*ast.BasicLit); isLit && s.Kind == token.STRING {
					section, _ = strconv.Unquote(s.Value)
				}
			case isIdent(n.Fun, "codedTrue"): // coded: true, after replacements
				coded = true
			case isDirectivesSection(n.Fun):
				calledSection = true
			}
		}
		return true
	})
	return section, coded, directives == 1 && calledSection && section != ""
}

func isSelectorPrefix(e ast.Expr, x, prefix string) bool {
	s, ok := e.(*ast.SelectorExpr)
	return ok && isIdent(s.X, x) && strings.HasPrefix(s.Sel.Name, prefix)
}

// isDirectivesSection matches ec.Directives.Section.
func isDirectivesSection(e ast.Expr) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != "Section" {
		return false
	}
	return isSelector(s.X, "ec", "Directives")
}

// makesFieldSet reports whether body holds `out := graphql.NewFieldSet(fields)`,
// as every object's marshaller does.
func makesFieldSet(body *ast.BlockStmt) bool {
	for _, st := range body.List {
		a, ok := st.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 || !isIdent(a.Lhs[0], "out") {
			continue
		}
		if call, ok := a.Rhs[0].(*ast.CallExpr); ok && isSelector(call.Fun, "graphql", "NewFieldSet") && len(call.Args) == 1 && isIdent(call.Args[0], "fields") {
			return true
		}
	}
	return false
}

// plainObjectContext reads a field context gqlgen makes for an object field
// that takes no arguments: `fc = &graphql.FieldContext{...}; return fc, nil`.
func plainObjectContext(body *ast.BlockStmt) bool {
	if len(body.List) != 2 {
		return false
	}
	a, ok := body.List[0].(*ast.AssignStmt)
	if !ok || len(a.Lhs) != 1 || !isIdent(a.Lhs[0], "fc") || len(a.Rhs) != 1 {
		return false
	}
	u, ok := a.Rhs[0].(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return false
	}
	lit, ok := u.X.(*ast.CompositeLit)
	if !ok || !isSelector(lit.Type, "graphql", "FieldContext") {
		return false
	}
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Args") {
			return false
		}
	}
	ret, ok := body.List[1].(*ast.ReturnStmt)
	return ok && len(ret.Results) == 2 && isIdent(ret.Results[0], "fc") && isIdent(ret.Results[1], "nil")
}

// objectEdits takes gqlgen's @defer machinery out of an object's marshaller
// and makes its values with newObject: the deferred field set and the map
// of deferred labels made for every object, the branch for a deferred field
// (which resolves it where it stands instead), and handing the deferred
// group to the executor. A field with a resolver is handed the object's
// FieldSet, as before.
func objectEdits(fset *token.FileSet, body *ast.BlockStmt) []edit {
	var edits []edit
	remove := func(n ast.Node) {
		edits = append(edits, edit{fset.Position(n.Pos()).Offset, fset.Position(n.End()).Offset, ""})
	}
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Lhs) != 1 || len(st.Rhs) != 1 {
				continue
			}
			switch {
			case isIdent(st.Lhs[0], "out"):
				edits = append(edits, edit{fset.Position(st.Rhs[0].Pos()).Offset, fset.Position(st.Rhs[0].End()).Offset, "newObject(fields)"})
			case isIdent(st.Lhs[0], "deferredFieldSet"), isIdent(st.Lhs[0], "deferLabelToView"):
				remove(st)
			}
		case *ast.ExprStmt:
			call, ok := st.X.(*ast.CallExpr)
			if ok && (isSelector(call.Fun, "atomic", "AddInt32") && len(call.Args) == 2 && isDeferredCounter(call.Args[0]) ||
				isSelector(call.Fun, "ec", "ProcessDeferredGroup")) {
				remove(st)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt:
			if call, ok := n.Cond.(*ast.CallExpr); ok && isSelector(call.Fun, "field", "IsDeferred") {
				remove(n)
				return false
			}
		case *ast.CallExpr:
			if isIdent(n.Fun, "innerFunc") && len(n.Args) == 2 && isIdent(n.Args[1], "out") {
				edits = append(edits, edit{fset.Position(n.Args[1].Pos()).Offset, fset.Position(n.Args[1].End()).Offset, "&out.FieldSet"})
			}
		}
		return true
	})
	return edits
}

// isDeferredCounter matches &ec.Deferred.
func isDeferredCounter(e ast.Expr) bool {
	u, ok := e.(*ast.UnaryExpr)
	return ok && u.Op == token.AND && isSelector(u.X, "ec", "Deferred")
}

// withoutUnusedImport drops the import of path from src when nothing in
// src uses it any more (the @defer counter was math's only use).
func withoutUnusedImport(src []byte, path string) []byte {
	if bytes.Contains(src, []byte(path+".")) {
		return src
	}
	return bytes.Replace(src, []byte("\t"+strconv.Quote(path)+"\n"), nil, 1)
}
