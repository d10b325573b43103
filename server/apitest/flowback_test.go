package apitest_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"reablement/ent"
	"reablement/ent/auditevent"
	"reablement/ent/outcomestep"
	"reablement/ent/policy"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// What a worker records at a visit reaches the plan (issue 13): a step
// marked done at the visit is done in the plan for the practitioner and the
// worker, with who recorded it and when; the practitioner can correct it;
// and the change is on the record.
func TestAStepDoneAtAVisitIsDoneInThePlan(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 40})
	ctx := apitest.System(context.Background())
	wes := s.Token(t, "wes.worker")
	var out struct{ MyVisits []myVisit }
	s.MustDo(t, wes, myVisits, nil, &out)
	var target myVisit
	var stepID, outcomeID string
	for _, v := range out.MyVisits {
		for _, o := range v.Plan.Outcomes.Edges {
			for _, st := range o.Node.Steps {
				if s.Client.OutcomeStep.GetX(ctx, toID(st.ID)).Status != outcomestep.StatusDONE && target.ID == "" {
					target, stepID, outcomeID = v, st.ID, o.Node.ID
				}
			}
		}
	}
	if target.ID == "" {
		t.Fatal("no visit today with a step still to do")
	}
	// Recorded as already over: the server refuses times in the future.
	arrived := time.Now().Add(-45 * time.Minute)
	s.MustDo(t, wes, `mutation($in: RecordVisitInput!) { recordVisit(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"recordID": "phone-flowback", "visitID": target.ID, "expectedRevision": target.Revision,
		"arrivedAt": arrived.UTC().Format(time.RFC3339), "departedAt": arrived.Add(40 * time.Minute).UTC().Format(time.RFC3339),
		"notes":    "Did it on her own today.",
		"progress": []map[string]any{{"outcomeID": outcomeID, "stepID": stepID, "stepStatus": "DONE"}},
	}}, nil)

	personID := string(s.Client.Visit.GetX(ctx, toID(target.ID)).PersonID)
	practitioner := practitionerFor(t, s, personID)
	step := `query($id: ID!) { node(id: $id) { ... on OutcomeStep { status progress { stepStatus createdAt visit { worker { displayName } } } outcome { achievement } } } }`
	type stepView struct {
		Node struct {
			Status   string
			Progress []struct {
				StepStatus string
				CreatedAt  time.Time
				Visit      struct{ Worker struct{ DisplayName string } }
			}
			Outcome struct{ Achievement string }
		}
	}
	for _, who := range []string{"practitioner", "worker"} {
		token := practitioner
		if who == "worker" {
			token = wes
		}
		var got stepView
		s.MustDo(t, token, step, map[string]any{"id": stepID}, &got)
		if got.Node.Status != "DONE" {
			t.Errorf("the %s sees the step %s; the worker marked it done", who, got.Node.Status)
		}
		if !slices.ContainsFunc(got.Node.Progress, func(p struct {
			StepStatus string
			CreatedAt  time.Time
			Visit      struct{ Worker struct{ DisplayName string } }
		}) bool {
			return p.StepStatus == "DONE" && p.Visit.Worker.DisplayName == "Wes Adeyemi" && !p.CreatedAt.IsZero()
		}) {
			t.Errorf("the %s does not see who marked the step done and when: %+v", who, got.Node.Progress)
		}
		if got.Node.Outcome.Achievement == "NOT_STARTED" {
			t.Errorf("the outcome is still not started for the %s", who)
		}
	}
	// The practitioner corrects it.
	s.MustDo(t, practitioner, `mutation($id: ID!) { updateOutcomeStep(id: $id, input: {status: IN_PROGRESS}) { status } }`, map[string]any{"id": stepID}, nil)
	if st := s.Client.OutcomeStep.GetX(ctx, toID(stepID)).Status; st != outcomestep.StatusIN_PROGRESS {
		t.Errorf("the practitioner's correction did not hold: %s", st)
	}
	// The worker's change to the plan is on the record as theirs.
	wesID := s.Account(t, "wes.worker").ID
	events := s.Client.AuditEvent.Query().Where(auditevent.ViewerID(wesID), auditevent.PersonID(toID(personID)), auditevent.ActionEQ(auditevent.ActionCHANGE)).AllX(ctx)
	if !slices.ContainsFunc(events, func(e *ent.AuditEvent) bool { return slices.Contains(e.Sections, policy.Outcomes) }) {
		t.Errorf("the step's change is not on the record as the worker's: %d events", len(events))
	}
}
