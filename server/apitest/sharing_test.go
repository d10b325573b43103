package apitest_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"reablement/ent/auditevent"
	"reablement/ent/person"
	"reablement/ent/policy"
	"reablement/ent/share"
	"reablement/server/apitest"
	"reablement/server/pgcluster/pgtest"
)

// practitionerFor signs in as a demo practitioner of the person's team.
func practitionerFor(t *testing.T, s *apitest.Server, personID string) string {
	t.Helper()
	ctx := apitest.System(context.Background())
	p := s.Client.Person.Query().Where(person.ID(toID(personID))).OnlyX(ctx)
	for _, u := range []string{"priya.practitioner", "sam.practitioner"} {
		teams := s.Account(t, u).QueryTeams().IDsX(ctx)
		if slices.Contains(teams, p.TeamID) {
			return s.Token(t, u)
		}
	}
	t.Fatalf("no demo practitioner works in team %s", p.TeamID)
	return ""
}

// A carer with a share the person limited sees only those sections;
// revoking the share removes access on the very next request (issue 4, R21).
func TestRevokingAShareEndsAccessOnTheNextRequest(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	carol := s.Token(t, "carol.carer")
	planID, personID := firstPlan(t, s, carol, "")
	r := s.Do(t, carol, `query($id: ID!) { node(id: $id) { ... on Plan { outcomes { edges { node { statement } } } risks { description } } } }`, map[string]any{"id": planID})
	if got := withheldSections(r); !got[policy.Risks] || got[policy.Outcomes] {
		t.Fatalf("carol's limited share: withheld %v", got)
	}
	// Her share covers visits: she sees when they are, and who comes by
	// role, never by name (consent.md: outside viewers see staff by role).
	r = s.Do(t, carol, `query($id: ID!) { node(id: $id) { ... on Plan { visits(first: 5) { totalCount edges { node { startsAt worker { displayName username } } } } } } }`, map[string]any{"id": planID})
	var visits struct {
		Node struct {
			Visits struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						StartsAt string
						Worker   *struct{ DisplayName, Username string }
					}
				}
			}
		}
	}
	_ = json.Unmarshal(r.Data, &visits)
	if len(r.Errors) > 0 || visits.Node.Visits.TotalCount == 0 || len(visits.Node.Visits.Edges) == 0 {
		t.Fatalf("carol's visits: %+v %s", r.Errors, r.Data)
	}
	for _, e := range visits.Node.Visits.Edges {
		if e.Node.StartsAt == "" || e.Node.Worker == nil || e.Node.Worker.DisplayName != "a reablement worker" || e.Node.Worker.Username != "a reablement worker" {
			t.Errorf("carol sees a visit as %+v; want its time and the worker by role", e.Node)
		}
	}
	sh := s.Client.Share.Query().Where(share.RecipientAccountID(s.Account(t, "carol.carer").ID)).OnlyX(ctx)
	practitioner := practitionerFor(t, s, personID)
	s.MustDo(t, practitioner, `mutation($id: ID!) { revokeShare(id: $id, reason: "The person asked") { revokedAt } }`, map[string]any{"id": sh.ID}, nil)

	r = s.Do(t, carol, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": planID})
	if !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Errorf("after revocation carol's next request: %v %s", r.Codes(), r.Data)
	}
	var plans struct{ Plans page }
	s.MustDo(t, carol, `{ plans { totalCount } }`, nil, &plans)
	if plans.Plans.TotalCount != 0 {
		t.Errorf("after revocation carol still counts %d plans", plans.Plans.TotalCount)
	}
}

// R22: anyone else only with consent; withdrawing the consent ends the
// share. R23: a request refused or limited needs the manager's advice.
func TestConsentBasedSharingFollowsR22AndR23(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	planID, personID := firstPlan(t, s, s.Token(t, "dan.daughter"), "")
	practitioner := practitionerFor(t, s, personID)
	home := s.Client.Authority.Query().OnlyX(ctx)
	neighbour := s.Client.Account.Create().SetSubject("demo|nell.neighbour").SetUsername("nell.neighbour").
		SetDisplayName("Nell Neighbour").SetRoles([]policy.Role{policy.RecipientRole}).SaveX(systemFor(ctx, home.ID))
	nell := s.Token(t, "nell.neighbour")

	share := `mutation($in: CreateShareInput!) { sharePlan(input: $in) { id decision } }`
	base := func(extra map[string]any) map[string]any {
		in := map[string]any{"planID": planID, "recipientKind": "OTHER", "recipientName": "Nell Neighbour", "recipientAccountID": neighbour.ID, "basis": "CONSENT_SHARE"}
		for k, v := range extra {
			in[k] = v
		}
		return map[string]any{"in": in}
	}
	r := s.Do(t, practitioner, share, base(nil))
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R22" {
		t.Fatalf("sharing with a neighbour without consent: %+v", r.Errors)
	}
	consent := mustCreate(t, s, practitioner, `mutation($in: CreateConsentInput!) { recordConsent(input: $in) { id } }`,
		map[string]any{"in": map[string]any{"personID": personID, "purpose": "SHARING", "covers": "A copy of the plan for Nell next door",
			"givenBy": "PERSON", "hadCapacity": true, "decidedAt": time.Now().UTC().Format(time.RFC3339)}})
	// The preview says what Nell would see, runs the same rules, and shares nothing.
	preview := `query($in: CreateShareInput!) { previewShare(input: $in) { recipientName access { section allowed basis } } }`
	before := s.Client.Share.Query().CountX(ctx)
	if r := s.Do(t, practitioner, preview, base(nil)); !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R22" {
		t.Errorf("previewing a share without consent: %+v", r.Errors)
	}
	var pv struct {
		PreviewShare struct {
			RecipientName string
			Access        []struct {
				Section policy.Section
				Allowed bool
				Basis   *policy.Basis
			}
		}
	}
	s.MustDo(t, practitioner, preview, base(map[string]any{"consentID": consent.ID, "sections": []string{"VISITS"}}), &pv)
	for _, a := range pv.PreviewShare.Access {
		if want := a.Section == policy.Visits; a.Allowed != want || (want && (a.Basis == nil || *a.Basis != policy.ConsentShare)) {
			t.Errorf("the preview shows %s allowed=%v basis=%v; want only VISITS, on CONSENT_SHARE", a.Section, a.Allowed, a.Basis)
		}
	}
	if len(pv.PreviewShare.Access) != len(policy.AllSections) || pv.PreviewShare.RecipientName != "Nell Neighbour" {
		t.Errorf("the preview: %+v", pv.PreviewShare)
	}
	if after := s.Client.Share.Query().CountX(ctx); after != before {
		t.Errorf("previewing made %d shares", after-before)
	}
	mustCreate(t, s, practitioner, share, base(map[string]any{"consentID": consent.ID, "sections": []string{"VISITS"}}))

	r = s.Do(t, nell, `query($id: ID!) { node(id: $id) { ... on Plan { visitFrequency workerTasks } } }`, map[string]any{"id": planID})
	if got := withheldSections(r); !got[policy.WorkerSupport] || got[policy.Visits] {
		t.Fatalf("nell's consented share of visits: withheld %v", got)
	}
	s.MustDo(t, practitioner, `mutation($id: ID!) { withdrawConsent(id: $id, reason: "Changed her mind") { withdrawnAt } }`, map[string]any{"id": consent.ID}, nil)
	r = s.Do(t, nell, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": planID})
	if !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Errorf("after consent was withdrawn nell's next request: %v", r.Codes())
	}

	// R23: the person asks for a copy to go to Nell; there is evidence of
	// financial abuse, so with the manager's advice it is declined.
	request := base(map[string]any{"basis": "PERSON_REQUEST", "requestedByPerson": true, "decision": "DECLINED"})
	r = s.Do(t, practitioner, share, request)
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R23" {
		t.Fatalf("declining without the manager's advice: %+v", r.Errors)
	}
	request["in"].(map[string]any)["managerAdvice"] = "Decline: evidence Nell has taken money from her"
	request["in"].(map[string]any)["decisionReason"] = "Risk of financial abuse (R23 b)"
	declined := mustCreate(t, s, practitioner, share, request)
	if declined.Status != "" || s.Client.Share.GetX(ctx, toID(declined.ID)).Decision != "DECLINED" {
		t.Fatal("the declined share was not recorded as DECLINED")
	}
	r = s.Do(t, nell, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": planID})
	if !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Errorf("a declined share granted access: %v", r.Codes())
	}
	// R21: a carer's copy is full unless the person asked to limit it.
	r = s.Do(t, practitioner, share, base(map[string]any{"recipientKind": "CARER", "basis": "CARER_SHARE", "sections": []string{"OUTCOMES"}}))
	if !slices.Equal(r.Codes(), []string{"RULE_VIOLATION"}) || r.Errors[0].Extensions["rule"] != "R21" {
		t.Errorf("limiting a carer's copy without the person asking: %+v", r.Errors)
	}
}

// Emergency access: a practitioner outside the team states a reason and
// gets time-limited access, flagged for review (consent.md).
func TestEmergencyAccessNeedsAReasonAndIsFlagged(t *testing.T) {
	s := apitest.Start(t, pgtest.NewDB(t), apitest.Options{People: 60})
	ctx := apitest.System(context.Background())
	sam := s.Account(t, "sam.practitioner")
	samTeams := sam.QueryTeams().IDsX(ctx)
	outsider := s.Client.Person.Query().Where(person.TeamIDNotIn(samTeams...)).FirstX(ctx)
	token := s.Token(t, "sam.practitioner")
	read := `query($id: ID!) { node(id: $id) { ... on Person { legalName } } }`
	if r := s.Do(t, token, read, map[string]any{"id": outsider.ID}); !slices.Equal(r.Codes(), []string{"NOT_FOUND"}) {
		t.Fatalf("before emergency access: %v", r.Codes())
	}
	grant := `mutation($p: ID!, $why: String!, $h: Int!) { requestEmergencyAccess(personID: $p, reason: $why, hours: $h) { expiresAt } }`
	if r := s.Do(t, token, grant, map[string]any{"p": outsider.ID, "why": "", "h": 4}); !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("emergency access without a reason: %v", r.Codes())
	}
	if r := s.Do(t, token, grant, map[string]any{"p": outsider.ID, "why": "Hospital ward asking about discharge tonight", "h": 72}); !slices.Equal(r.Codes(), []string{"INVALID_INPUT"}) {
		t.Errorf("emergency access for three days: %v", r.Codes())
	}
	s.MustDo(t, token, grant, map[string]any{"p": outsider.ID, "why": "Hospital ward asking about discharge tonight", "h": 4}, nil)

	var got struct{ Node struct{ LegalName *string } }
	s.MustDo(t, token, read, map[string]any{"id": outsider.ID}, &got)
	if got.Node.LegalName == nil || *got.Node.LegalName != outsider.LegalName {
		t.Fatalf("with emergency access: %+v", got)
	}
	events := s.Client.AuditEvent.Query().Where(auditevent.ViewerID(sam.ID), auditevent.PersonID(outsider.ID)).AllX(ctx)
	var granted, disclosed bool
	for _, e := range events {
		granted = granted || (e.Action == auditevent.ActionEMERGENCY_ACCESS && e.Flagged)
		disclosed = disclosed || (e.Action == auditevent.ActionDISCLOSURE && e.Flagged && slices.Contains(e.Bases, policy.EmergencyAccess))
	}
	if !granted || !disclosed {
		t.Errorf("audit: grant flagged %v, disclosure flagged %v (%d events)", granted, disclosed, len(events))
	}
}
