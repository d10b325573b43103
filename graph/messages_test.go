package graph

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ruleCode is a rule's code as it would read inside a sentence: R1 … R37.
var ruleCode = regexp.MustCompile(`\bR[0-9]{1,2}\b`)

// bareCode is a string that is only a rule's code, as extensions.rule and
// fault.Problem.Rule carry it.
var bareCode = regexp.MustCompile(`^R[0-9]{1,2}$`)

// Issue 12, item 7: a refusal says what to do next in plain words, and the
// rule's code goes in extensions.rule, never in the sentence. Every text a
// user can be sent is a string literal in the model's rules, the Care Act
// duties, the consent policy or the GraphQL layer, so none of them may hold
// a rule code except as a code on its own. (server/apitest checks the same
// of every error the API answers in its tests.)
func TestNoMessageNamesARuleCode(t *testing.T) {
	dirs := []string{"../ent/rule", "../ent/careact", "../ent/policy", "../ent/identity", "../ent/fault", "../ent/viewer", ".", "../server/app", "../server/auth"}
	fset := token.NewFileSet()
	scanned := 0
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != dir && (d.Name() == "generated" || d.Name() == "testdata") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			scanned++
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil || bareCode.MatchString(s) {
					return true
				}
				if code := ruleCode.FindString(s); code != "" {
					t.Errorf("%s: %q names %s in its words; put the code in the error's Rule (extensions.rule) and say what to do next instead", fset.Position(lit.Pos()), s, code)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if scanned < 20 {
		t.Fatalf("scanned only %d files: the list of directories is out of date", scanned)
	}
}
