package main

import (
	"strings"
	"testing"
)

// A sample of gqlgen's field functions, as it writes them (v0.17), one of
// each kind the rewrite must tell apart (issue 14).
const sample = `package generated

func (ec *executionContext) _Outcome_position(ctx context.Context, field graphql.CollectedField, obj *ent.Outcome) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Outcome_position(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Position, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v int) graphql.Marshaler {
			return ec.marshalNInt2int(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) fieldContext_Outcome_position(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	return scalarFieldContext("Outcome", field, false, false)
}

func (ec *executionContext) _Outcome_statement(ctx context.Context, field graphql.CollectedField, obj *ent.Outcome) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Outcome_statement(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Statement, nil
		},
		func(ctx context.Context, next graphql.Resolver) graphql.Resolver {
			directive0 := next

			directive1 := func(ctx context.Context) (any, error) {
				name, err := ec.unmarshalNSection2reablementᚋentᚋpolicyᚐSection(ctx, "OUTCOMES")
				if err != nil {
					var zeroVal string
					return zeroVal, err
				}
				coded, err := codedTrue()
				if err != nil {
					var zeroVal string
					return zeroVal, err
				}
				if ec.Directives.Section == nil {
					var zeroVal string
					return zeroVal, errors.New("directive section is not implemented")
				}
				return ec.Directives.Section(ctx, obj, directive0, name, coded)
			}

			next = directive1
			return next
		},
		func(ctx context.Context, selections ast.SelectionSet, v string) graphql.Marshaler {
			return ec.marshalOString2string(ctx, selections, v)
		},
		true,
		false,
	)
}
func (ec *executionContext) fieldContext_Outcome_statement(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	return scalarFieldContext("Outcome", field, false, false)
}

func (ec *executionContext) _Plan_needs(ctx context.Context, field graphql.CollectedField, obj *ent.Plan) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Plan_needs(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Needs, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v []string) graphql.Marshaler {
			return ec.marshalNString2ᚕstringᚄ(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) fieldContext_Plan_needs(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	return scalarFieldContext("Plan", field, false, false)
}

func (ec *executionContext) _PageInfo_endCursor(ctx context.Context, field graphql.CollectedField, obj *entgql.PageInfo[pulid.ID]) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_PageInfo_endCursor(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.EndCursor, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v *entgql.Cursor[pulid.ID]) graphql.Marshaler {
			return ec.marshalOCursor2ᚖentgoᚗioᚋcontribᚋentgqlᚐCursor(ctx, selections, v)
		},
		true,
		false,
	)
}
func (ec *executionContext) fieldContext_PageInfo_endCursor(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	return scalarFieldContext("PageInfo", field, false, false)
}

func (ec *executionContext) _Plan_inProgress(ctx context.Context, field graphql.CollectedField, obj *ent.Plan) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Plan_inProgress(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return ec.resolvers.Plan().InProgress(ctx, obj)
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v bool) graphql.Marshaler {
			return ec.marshalNBoolean2bool(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) fieldContext_Plan_inProgress(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	return scalarFieldContext("Plan", field, true, true)
}

func (ec *executionContext) _Visit_plan(ctx context.Context, field graphql.CollectedField, obj *ent.Visit) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Visit_plan(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Plan, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v *ent.Plan) graphql.Marshaler {
			return ec.marshalNPlan2ᚖreablementᚋentᚐPlan(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) fieldContext_Visit_plan(_ context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	fc = &graphql.FieldContext{Object: "Visit", Field: field}
	return fc, nil
}

func (ec *executionContext) _Plan_outcomes(ctx context.Context, field graphql.CollectedField, obj *ent.Plan) (ret graphql.Marshaler) {
	return graphql.ResolveField(
		ctx,
		ec.OperationContext,
		field,
		func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
			return ec.fieldContext_Plan_outcomes(ctx, field)
		},
		func(ctx context.Context) (any, error) {
			return obj.Outcomes, nil
		},
		nil,
		func(ctx context.Context, selections ast.SelectionSet, v *ent.OutcomeConnection) graphql.Marshaler {
			return ec.marshalNOutcomeConnection2ᚖreablementᚋentᚐOutcomeConnection(ctx, selections, v)
		},
		true,
		true,
	)
}
func (ec *executionContext) fieldContext_Plan_outcomes(ctx context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	fc = &graphql.FieldContext{Object: "Plan", Field: field, Args: nil}
	return fc, nil
}
`

// objectSample is an object's marshaller, cut short.
const objectSample = `
func (ec *executionContext) _Outcome(ctx context.Context, sel ast.SelectionSet, obj *ent.Outcome) graphql.Marshaler {
	fields := graphql.CollectFields(ec.OperationContext, sel, outcomeImplementors)

	out := graphql.NewFieldSet(fields)
	deferredFieldSet := graphql.NewFieldSet(nil)
	deferLabelToView := make(map[string]*graphql.FieldSetView)
	for i, field := range fields {
		switch field.Name {
		case "steps":
			field := field

			innerFunc := func(ctx context.Context, fs *graphql.FieldSet) (res graphql.Marshaler) {
				res = ec._Outcome_steps(ctx, field, obj)
				return res
			}

			if field.IsDeferred() {
				deferredFieldSet.AddField(field)
				fieldIndex := len(deferredFieldSet.Values) - 1
				deferredFieldSet.Concurrently(fieldIndex, func(ctx context.Context) graphql.Marshaler {
					return innerFunc(ctx, deferredFieldSet)
				})
				out.Values[i] = graphql.Null
				continue
			}

			out.Values[i] = innerFunc(ctx, out) // in turn: see lean.go
		}
	}
	out.Dispatch(ctx)
	if out.Invalids > 0 {
		return graphql.Null
	}

	atomic.AddInt32(&ec.Deferred, int32(min(len(deferLabelToView), math.MaxInt32)))

	ec.ProcessDeferredGroup(graphql.DeferredGroup{
		Defers:   deferLabelToView,
		Path:     graphql.GetPath(ctx),
		FieldSet: deferredFieldSet,
		Context:  ctx,
	})

	return out
}
`

func fieldFunc(t *testing.T, src, name string) string {
	t.Helper()
	i := strings.Index(src, "func (ec *executionContext) "+name+"(")
	if i < 0 {
		t.Fatalf("%s is gone", name)
	}
	rest := src[i:]
	return rest[:strings.Index(rest, "\n}\n")+3]
}

func TestOnlyFieldsThatReadAScalarColumnAreWrittenStraight(t *testing.T) {
	out, n, err := rewrite([]byte(sample + objectSample))
	if err != nil {
		t.Fatal(err)
	}
	if n != (counts{plain: 1, gated: 1, objects: 1}) {
		t.Errorf("rewrote %+v, want 1 of each", n)
	}
	got := string(out)

	position := fieldFunc(t, got, "_Outcome_position")
	if !strings.Contains(position, "return ec.marshalNInt2int(ctx, field.Selections, obj.Position)") || strings.Contains(position, "ResolveField") {
		t.Errorf("a plain column is not written straight:\n%s", position)
	}

	// @section is still asked, by the same directive, and the full path
	// stays for when it withholds the value.
	statement := fieldFunc(t, got, "_Outcome_statement")
	for _, want := range []string{
		`ec.Directives.Section(ctx, obj, shownNext, policy.Section("OUTCOMES"), &trueValue); err == nil && v == shown`,
		"return ec.marshalOString2string(ctx, field.Selections, obj.Statement)",
		"return graphql.ResolveField(",
	} {
		if !strings.Contains(statement, want) {
			t.Errorf("the gated field lacks %q:\n%s", want, statement)
		}
	}

	// An object is made by newObject and writes itself; a field under
	// @defer is resolved where it stands, with the rest.
	object := fieldFunc(t, got, "_Outcome")
	for _, want := range []string{"out := newObject(fields)", "out.Values[i] = innerFunc(ctx, &out.FieldSet)", "return graphql.Null", "return out // an object"} {
		if !strings.Contains(object, want) {
			t.Errorf("the object lacks %q:\n%s", want, object)
		}
	}
	for _, gone := range []string{"deferredFieldSet", "deferLabelToView", "IsDeferred", "ec.Deferred", "ProcessDeferredGroup", "NewFieldSet"} {
		if strings.Contains(object, gone) {
			t.Errorf("the object still has %q:\n%s", gone, object)
		}
	}

	// Lists (whose rows are noted), cursors (sealed), resolvers and
	// objects keep gqlgen's path and the field middleware.
	// An object field keeps its field context (its children's errors are
	// placed by it) and its marshaller.
	plan := fieldFunc(t, got, "_Visit_plan")
	for _, want := range []string{
		"fc, _ := ec.fieldContext_Visit_plan(ctx, field)",
		"ctx = graphql.WithFieldContext(ctx, fc)",
		"return ec.marshalNPlan2ᚖreablementᚋentᚐPlan(ctx, field.Selections, obj.Plan)",
	} {
		if !strings.Contains(plan, want) || strings.Contains(plan, "ResolveField") {
			t.Errorf("the object field lacks %q:\n%s", want, plan)
		}
	}

	for _, name := range []string{"_Plan_needs", "_PageInfo_endCursor", "_Plan_inProgress", "_Plan_outcomes"} {
		if f := fieldFunc(t, got, name); f != fieldFunc(t, sample, name) {
			t.Errorf("%s was rewritten:\n%s", name, f)
		}
	}
}

// The textual rewrites each apply, and a pattern gqlgen no longer writes
// fails the run with its name rather than being skipped.
func TestTheTextualRewritesApplyOrFailByName(t *testing.T) {
	src := `ret := graphql.MarshalSliceConcurrently(ctx, len(v), 0, false, f)
	return graphql.NewScalarFieldContext("Plan", field, false, false, errors.New("field of type String does not have child fields"))
	coded, err := ec.unmarshalOBoolean2ᚖbool(ctx, true)
			out.Concurrently(i, func(ctx context.Context) graphql.Marshaler { return innerFunc(ctx, out) })
	fields := graphql.CollectFields(ec.OperationContext, sel, planImplementors)
type executionContext struct {
	*graphql.ExecutionContextState[ResolverRoot, DirectiveRoot, ComplexityRoot]
}
`
	got, err := replace([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"marshalSliceSequentially(ctx, len(v), 0, false, f)",
		`scalarFieldContext("Plan", field, false, false)`,
		"coded, err := codedTrue()",
		"out.Values[i] = innerFunc(ctx, out)",
		"\tshared shared",
		"fields := ec.shared.collect(ec.OperationContext, sel, planImplementors)",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	_, err = replace([]byte(strings.Replace(src, "MarshalSliceConcurrently", "MarshalSliceInParallel", 1)))
	if err == nil || !strings.Contains(err.Error(), "lists marshalled in turn") {
		t.Errorf("a pattern gqlgen no longer writes: got %v", err)
	}
}

// argsSample is gqlgen's arguments functions and their calls, as it writes
// them (v0.17): a plan's outcomes (scalars, a cursor, an order), a query's
// plans (with a where-input), and a mutation's input object.
const argsSample = `package generated

func (ec *executionContext) field_Plan_outcomes_args(ctx context.Context, rawArgs map[string]any) (map[string]any, error) {
	var err error
	args := map[string]any{}
	arg0, err := graphql.ProcessArgField(ctx, rawArgs, "after",
		func(ctx context.Context, v any) (*entgql.Cursor[pulid.ID], error) {
			return ec.unmarshalOCursor2ᚖentgoᚗioᚋcontribᚋentgqlᚐCursor(ctx, v)
		})
	if err != nil {
		return nil, err
	}
	args["after"] = arg0
	arg1, err := graphql.ProcessArgField(ctx, rawArgs, "first",
		func(ctx context.Context, v any) (*int, error) {
			return ec.unmarshalOInt2ᚖint(ctx, v)
		})
	if err != nil {
		return nil, err
	}
	args["first"] = arg1
	arg4, err := graphql.ProcessArgField(ctx, rawArgs, "orderBy",
		func(ctx context.Context, v any) (*ent.OutcomeOrder, error) {
			return ec.unmarshalOOutcomeOrder2ᚖreablementᚋentᚐOutcomeOrder(ctx, v)
		})
	if err != nil {
		return nil, err
	}
	args["orderBy"] = arg4
	return args, nil
}

func (ec *executionContext) field_Query_plans_args(ctx context.Context, rawArgs map[string]any) (map[string]any, error) {
	var err error
	args := map[string]any{}
	arg1, err := graphql.ProcessArgField(ctx, rawArgs, "first",
		func(ctx context.Context, v any) (*int, error) {
			return ec.unmarshalOInt2ᚖint(ctx, v)
		})
	if err != nil {
		return nil, err
	}
	args["first"] = arg1
	arg5, err := graphql.ProcessArgField(ctx, rawArgs, "where",
		func(ctx context.Context, v any) (*ent.PlanWhereInput, error) {
			return ec.unmarshalOPlanWhereInput2ᚖreablementᚋentᚐPlanWhereInput(ctx, v)
		})
	if err != nil {
		return nil, err
	}
	args["where"] = arg5
	return args, nil
}

func (ec *executionContext) field_Mutation_createRisk_args(ctx context.Context, rawArgs map[string]any) (map[string]any, error) {
	var err error
	args := map[string]any{}
	arg0, err := graphql.ProcessArgField(ctx, rawArgs, "input",
		func(ctx context.Context, v any) (ent.CreateRiskInput, error) {
			return ec.unmarshalNCreateRiskInput2reablementᚋentᚐCreateRiskInput(ctx, v)
		})
	if err != nil {
		return nil, err
	}
	args["input"] = arg0
	return args, nil
}

func (ec *executionContext) fieldContext_Plan_outcomes(ctx context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	if fc.Args, err = ec.field_Plan_outcomes_args(ctx, field.ArgumentMap(ec.Variables)); err != nil {
		return fc, err
	}
}

func (ec *executionContext) fieldContext_Query_plans(ctx context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	if fc.Args, err = ec.field_Query_plans_args(ctx, field.ArgumentMap(ec.Variables)); err != nil {
		return fc, err
	}
}

func (ec *executionContext) fieldContext_Mutation_createRisk(ctx context.Context, field graphql.CollectedField) (fc *graphql.FieldContext, err error) {
	if fc.Args, err = ec.field_Mutation_createRisk_args(ctx, field.ArgumentMap(ec.Variables)); err != nil {
		return fc, err
	}
}
`

// Only a field whose arguments are all scalars, orders or cursors parses
// them once a request: a where-input (scoped in place by the field
// middleware) or an input object (a resolver's to change) is parsed afresh
// every time, as gqlgen writes it (issue 14).
func TestOnlyScalarOrderAndCursorArgumentsAreShared(t *testing.T) {
	got, n, err := shareArgs([]byte(argsSample))
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("shared the arguments of %d fields, want 1 (a plan's outcomes)", n)
	}
	for _, want := range []string{
		"fc.Args, err = ec.shared.args(ctx, field.Field, ec.Variables, ec.field_Plan_outcomes_args)",
		"fc.Args, err = ec.field_Query_plans_args(ctx, field.ArgumentMap(ec.Variables))",
		"fc.Args, err = ec.field_Mutation_createRisk_args(ctx, field.ArgumentMap(ec.Variables))",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if _, _, err := shareArgs([]byte("package generated\n")); err == nil {
		t.Error("no arguments functions at all: want an error saying gqlgen changed")
	}
}
