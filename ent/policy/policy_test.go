package policy_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"reablement/ent/fault"
	"reablement/ent/policy"
)

var london, _ = time.LoadLocation("Europe/London")

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, london)
	if err != nil {
		panic(err)
	}
	return t
}

func ptr[T any](v T) *T { return &v }

const (
	authority = "AU1"
	person    = "PE1"
	plan      = "PL1"
	team      = "TM1"
	service   = "TM9"
)

// record is one person's plan version, allocated to TM1 and PA1, delivered by TM9.
func record() policy.Record {
	return policy.Record{PersonID: person, PlanID: plan, AuthorityID: authority, TeamID: team,
		AllocatedPractitionerID: "PA1", ServiceTeamIDs: []string{service}}
}

func viewer(roles ...policy.Role) policy.Viewer {
	return policy.Viewer{AccountID: "AC1", AuthorityID: authority, Roles: roles}
}

var (
	all            = policy.AllSections
	workerSections = []policy.Section{policy.Contact, policy.Communication, policy.Needs, policy.Outcomes, policy.Visits,
		policy.WorkerSupport, policy.OtherSupport, policy.Risks}
	noon = at("2026-05-12 12:00")
)

func without(except ...policy.Section) []policy.Section {
	var out []policy.Section
	for _, s := range all {
		if !slices.Contains(except, s) {
			out = append(out, s)
		}
	}
	return out
}

// Every row of consent.md's bases table, an allowed and a withheld case.
func TestDecide(t *testing.T) {
	cases := []struct {
		name  string
		v     policy.Viewer
		r     policy.Record
		now   time.Time
		want  []policy.Section
		basis policy.Basis // of every granted section
	}{
		{"practitioner allocated to the person sees all (allocation)",
			func() policy.Viewer { v := viewer(policy.Practitioner); v.AccountID = "PA1"; return v }(), record(), noon, all, policy.Allocated},
		{"practitioner in the allocated team sees all (team)",
			func() policy.Viewer { v := viewer(policy.Practitioner); v.TeamIDs = []string{team}; return v }(), record(), noon, all, policy.TeamMember},
		{"practitioner outside the team sees nothing",
			func() policy.Viewer { v := viewer(policy.Practitioner); v.TeamIDs = []string{"TM2"}; return v }(), record(), noon, nil, ""},
		{"team membership without a practitioner's role gives nothing",
			func() policy.Viewer { v := viewer(policy.Worker); v.TeamIDs = []string{team}; return v }(), record(), noon, nil, ""},
		{"manager of the allocated team sees all",
			func() policy.Viewer { v := viewer(policy.Manager); v.ManagedTeamIDs = []string{team}; return v }(), record(), noon, all, policy.TeamManager},
		{"manager of another team sees nothing",
			func() policy.Viewer { v := viewer(policy.Manager); v.ManagedTeamIDs = []string{"TM2"}; return v }(), record(), noon, nil, ""},
		{"emergency access within its time sees all",
			func() policy.Viewer {
				v := viewer(policy.Practitioner)
				v.Emergency = []policy.EmergencyGrant{{PersonID: person, Reason: "Out of hours: hospital asking", ExpiresAt: noon.Add(time.Hour)}}
				return v
			}(), record(), noon, all, policy.EmergencyAccess},
		{"emergency access after its expiry sees nothing",
			func() policy.Viewer {
				v := viewer(policy.Practitioner)
				v.Emergency = []policy.EmergencyGrant{{PersonID: person, Reason: "x", ExpiresAt: noon.Add(-time.Minute)}}
				return v
			}(), record(), noon, nil, ""},
		{"registered manager of the delivering service sees all but safeguarding and finance",
			func() policy.Viewer {
				v := viewer(policy.RegisteredManager)
				v.ServiceTeamIDs = []string{service}
				return v
			}(), record(), noon,
			without(policy.Safeguarding, policy.Finance), policy.ServiceProvider},
		{"registered manager of another service sees nothing",
			func() policy.Viewer {
				v := viewer(policy.RegisteredManager)
				v.ServiceTeamIDs = []string{"TM8"}
				return v
			}(), record(), noon, nil, ""},
		{"worker assigned by visits sees what the visit needs (R20)",
			workerOn(at("2026-05-11 09:00"), at("2026-05-20 09:00")), record(), noon, workerSections, policy.ProviderDuty},
		{"worker on the day before the first visit",
			workerOn(at("2026-05-13 09:00"), at("2026-05-20 09:00")), record(), at("2026-05-12 00:30"), workerSections, policy.ProviderDuty},
		{"worker on the day after the last visit",
			workerOn(at("2026-05-01 09:00"), at("2026-05-11 17:00")), record(), at("2026-05-12 23:30"), workerSections, policy.ProviderDuty},
		{"worker two days after the last visit sees nothing",
			workerOn(at("2026-05-01 09:00"), at("2026-05-10 17:00")), record(), noon, nil, ""},
		{"worker's window ends at local midnight after the spring clock change (29 March 2026)",
			workerOn(at("2026-03-20 09:00"), at("2026-03-28 10:00")), record(), at("2026-03-30 00:30"), nil, ""},
		{"worker's window holds late on the short day of the spring change",
			workerOn(at("2026-03-20 09:00"), at("2026-03-28 10:00")), record(), at("2026-03-29 23:30"), workerSections, policy.ProviderDuty},
		{"worker's window holds late on the long day of the autumn change (25 October 2026)",
			workerOn(at("2026-10-15 09:00"), at("2026-10-24 10:00")), record(), at("2026-10-25 23:30"), workerSections, policy.ProviderDuty},
		{"worker's window ends at local midnight after the autumn change",
			workerOn(at("2026-10-15 09:00"), at("2026-10-24 10:00")), record(), at("2026-10-26 00:30"), nil, ""},
		{"worker sees the person's contact details through a plan they visit",
			workerOn(at("2026-05-11 09:00"), at("2026-05-20 09:00")), policy.Record{PersonID: person, AuthorityID: authority, TeamID: team}, noon, workerSections, policy.ProviderDuty},
		{"worker assigned to another plan version sees nothing of this one",
			func() policy.Viewer {
				v := workerOn(at("2026-05-11 09:00"), at("2026-05-20 09:00"))
				v.Assignments[0].PlanID = "PL2"
				return v
			}(), record(), noon, nil, ""},
		{"carer's default share is the full plan (R21)", sharer(policy.CarerRole, policy.ShareGrant{Basis: policy.CarerShare}), record(), noon, all, policy.CarerShare},
		{"carer's share the person limited shows only outcomes and visits (R21)",
			sharer(policy.CarerRole, policy.ShareGrant{Basis: policy.CarerShare, Sections: []policy.Section{policy.Outcomes, policy.Visits}}),
			record(), noon, []policy.Section{policy.Outcomes, policy.Visits}, policy.CarerShare},
		{"a share of another version grants nothing for this one",
			sharer(policy.CarerRole, policy.ShareGrant{PlanID: "PL0", Basis: policy.CarerShare}), record(), noon, nil, ""},
		{"a person record shows the sections of the person's shared plans",
			sharer(policy.CarerRole, policy.ShareGrant{Basis: policy.CarerShare, Sections: []policy.Section{policy.Contact}}),
			policy.Record{PersonID: person, AuthorityID: authority}, noon, []policy.Section{policy.Contact}, policy.CarerShare},
		{"consent withdrawn ends the share it based (R22)",
			sharer(policy.RecipientRole, policy.ShareGrant{Basis: policy.ConsentShare, ConsentWithdrawn: true}), record(), noon, nil, ""},
		{"a share on consent shows its sections (R22)",
			sharer(policy.RecipientRole, policy.ShareGrant{Basis: policy.ConsentShare, Sections: []policy.Section{policy.Visits}}),
			record(), noon, []policy.Section{policy.Visits}, policy.ConsentShare},
		{"a best-interests share for a person who lacks capacity (R22)",
			sharer(policy.RecipientRole, policy.ShareGrant{Basis: policy.BestInterestsShare}), record(), noon, all, policy.BestInterestsShare},
		{"a revoked share grants nothing",
			sharer(policy.CarerRole, policy.ShareGrant{Basis: policy.CarerShare, RevokedAt: ptr(noon.Add(-time.Hour))}), record(), noon, nil, ""},
		{"an expired share grants nothing",
			sharer(policy.CarerRole, policy.ShareGrant{Basis: policy.CarerShare, ExpiresAt: ptr(noon.Add(-time.Hour))}), record(), noon, nil, ""},
		{"a share not yet expired still grants",
			sharer(policy.CarerRole, policy.ShareGrant{Basis: policy.CarerShare, ExpiresAt: ptr(noon.Add(time.Hour))}), record(), noon, all, policy.CarerShare},
		{"a request declined under R23 grants nothing",
			sharer(policy.RecipientRole, policy.ShareGrant{Basis: policy.PersonRequest, Declined: true}), record(), noon, nil, ""},
		{"an advocate's copy, normally full (R24)", sharer(policy.AdvocateRole, policy.ShareGrant{Basis: policy.AdvocateShare}), record(), noon, all, policy.AdvocateShare},
		{"the person sees their own record but not third-party information withheld by decision",
			func() policy.Viewer { v := viewer(policy.PersonRole); v.PersonID = person; return v }(),
			func() policy.Record {
				r := record()
				r.WithheldFromPerson = []policy.Section{policy.Safeguarding}
				return r
			}(), noon,
			without(policy.Safeguarding), policy.OwnRecord},
		{"the person sees nothing of someone else's record",
			func() policy.Viewer { v := viewer(policy.PersonRole); v.PersonID = "PE2"; return v }(), record(), noon, nil, ""},
		{"an analyst sees coded values of all but identifying sections",
			viewer(policy.Analyst), record(), noon, without(policy.Identity, policy.Contact, policy.Communication), policy.Statistics},
		{"an auditor sees no care record", viewer(policy.Auditor), record(), noon, nil, ""},
		{"nobody sees another authority's records, analysts included",
			func() policy.Viewer {
				v := viewer(policy.Analyst, policy.Practitioner)
				v.AuthorityID = "AU2"
				v.TeamIDs = []string{team}
				return v
			}(),
			record(), noon, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := policy.Decide(c.v, c.r, c.now, london)
			var got []policy.Section
			for _, s := range all {
				if b, ok := d.Allows(s); ok {
					got = append(got, s)
					if b != c.basis {
						t.Errorf("%s disclosed on %s, want %s", s, b, c.basis)
					}
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("allowed %v\nwant    %v", got, c.want)
			}
			if d.Any() != (len(c.want) > 0) {
				t.Errorf("Any() = %v", d.Any())
			}
			if c.basis == policy.EmergencyAccess && !d.Flagged {
				t.Error("emergency access must be flagged for review")
			}
			if c.basis == policy.Statistics && !d.CodedOnly {
				t.Error("analysts see coded values only")
			}
		})
	}
}

func workerOn(first, last time.Time) policy.Viewer {
	v := viewer(policy.Worker)
	v.Assignments = []policy.Assignment{{PlanID: plan, PersonID: person, FirstVisit: first.UTC(), LastVisit: last.UTC()}}
	return v
}

func sharer(role policy.Role, g policy.ShareGrant) policy.Viewer {
	v := viewer(role)
	if g.PlanID == "" {
		g.PlanID = plan
	}
	g.PersonID, g.ShareID = person, "SH1"
	v.Shares = []policy.ShareGrant{g}
	return v
}

// R20-R24 decide whether and how much may be shared.
func TestCheckShare(t *testing.T) {
	ok := func(p policy.ShareProposal) policy.ShareProposal { return p }
	cases := []struct {
		name string
		p    policy.ShareProposal
		rule string // "" when the share may be made
	}{
		{"a provider's copy on the provider duty (R20)", ok(policy.ShareProposal{RecipientKind: "PROVIDER", Basis: policy.ProviderDuty}), ""},
		{"a provider's copy on any other basis (R20)", ok(policy.ShareProposal{RecipientKind: "PROVIDER", Basis: policy.ConsentShare}), "R20"},
		{"a carer's full copy (R21)", ok(policy.ShareProposal{RecipientKind: "CARER", Basis: policy.CarerShare, PersonHasCapacity: true}), ""},
		{"a carer's copy limited at the request of a person with capacity (R21)",
			ok(policy.ShareProposal{RecipientKind: "CARER", Basis: policy.CarerShare, Sections: []policy.Section{policy.Outcomes}, PersonHasCapacity: true, RequestedByPerson: true}), ""},
		{"a carer's copy limited without the person asking (R21)",
			ok(policy.ShareProposal{RecipientKind: "CARER", Basis: policy.CarerShare, Sections: []policy.Section{policy.Outcomes}, PersonHasCapacity: true}), "R21"},
		{"a carer's copy limited for a person who lacks capacity (R21)",
			ok(policy.ShareProposal{RecipientKind: "CARER", Basis: policy.CarerShare, Sections: []policy.Section{policy.Outcomes}, RequestedByPerson: true}), "R21"},
		{"anyone else without consent (R22)", ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.ConsentShare}), "R22"},
		{"anyone else with consent (R22)", ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.ConsentShare, ConsentGiven: true}), ""},
		{"best interests for a person who has capacity (R22)",
			ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.BestInterestsShare, PersonHasCapacity: true, BestInterestsRecorded: true}), "R22"},
		{"best interests recorded for a person who lacks capacity (R22)",
			ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.BestInterestsShare, BestInterestsRecorded: true}), ""},
		{"a request declined without the manager's advice (R23)",
			ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.PersonRequest, RequestedByPerson: true, Decision: "DECLINED", DecisionReason: "risk"}), "R23"},
		{"a request declined with advice and a reason (R23)",
			ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.PersonRequest, RequestedByPerson: true, Decision: "DECLINED", DecisionReason: "risk of abuse", ManagerAdvice: "decline"}), ""},
		{"a partial share of a request that lists no sections (R23)",
			ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.PersonRequest, RequestedByPerson: true, Decision: "PARTIAL", DecisionReason: "r", ManagerAdvice: "a"}), "R23"},
		{"a request the person did not make (R23)", ok(policy.ShareProposal{RecipientKind: "OTHER", Basis: policy.PersonRequest}), "R23"},
		{"an advocate's copy (R24)", ok(policy.ShareProposal{RecipientKind: "ADVOCATE", Basis: policy.AdvocateShare}), ""},
		{"an advocate's copy on the wrong basis (R24)", ok(policy.ShareProposal{RecipientKind: "ADVOCATE", Basis: policy.CarerShare}), "R24"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := policy.CheckShare(c.p)
			if c.rule == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			f, isFault := fault.As(err)
			if !isFault || f.Code != fault.RuleViolation || f.Rule != c.rule || len(f.Problems) == 0 {
				t.Fatalf("got %v; want a RULE_VIOLATION naming %s with its problems", err, c.rule)
			}
		})
	}
}

// A share's preview discloses exactly what the share grants: listed
// sections for a limited carer share (R21), all for a full one, nothing for
// a declined request (R23) or an expired share.
func TestPreviewShare(t *testing.T) {
	sections := func(d policy.Decision) []policy.Section {
		var out []policy.Section
		for _, s := range all {
			if _, ok := d.Allows(s); ok {
				out = append(out, s)
			}
		}
		return out
	}
	limited := policy.ShareGrant{PlanID: plan, PersonID: person, Basis: policy.CarerShare, Sections: []policy.Section{policy.Outcomes, policy.Visits}}
	cases := []struct {
		name string
		kind string
		g    policy.ShareGrant
		want []policy.Section
	}{
		{"carer, limited by the person", "CARER", limited, []policy.Section{policy.Outcomes, policy.Visits}},
		{"carer, full", "CARER", policy.ShareGrant{PlanID: plan, PersonID: person, Basis: policy.CarerShare}, all},
		{"advocate", "ADVOCATE", policy.ShareGrant{PlanID: plan, PersonID: person, Basis: policy.AdvocateShare}, all},
		{"a request declined", "OTHER", policy.ShareGrant{PlanID: plan, PersonID: person, Basis: policy.PersonRequest, Declined: true}, nil},
		{"expired", "OTHER", policy.ShareGrant{PlanID: plan, PersonID: person, Basis: policy.ConsentShare, ExpiresAt: ptr(noon.Add(-time.Hour))}, nil},
	}
	for _, c := range cases {
		d := policy.PreviewShare(c.kind, c.g, noon, london)
		if got := sections(d); !slices.Equal(got, c.want) {
			t.Errorf("%s: previews %v; want %v", c.name, got, c.want)
		}
		for _, s := range sections(d) {
			if b, _ := d.Allows(s); b != c.g.Basis {
				t.Errorf("%s: %s on basis %s; want %s", c.name, s, b, c.g.Basis)
			}
		}
	}
}

func TestFound(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	rec := policy.Record{PersonID: "PE1", TeamID: "TE1", AuthorityID: "AU1"}
	for _, c := range []struct {
		name  string
		v     policy.Viewer
		want  map[policy.Section]policy.Basis
		found bool
	}{
		{"a practitioner of the team sees their own basis", policy.Viewer{AuthorityID: "AU1", Roles: []policy.Role{policy.Practitioner}, TeamIDs: []string{"TE1"}}, nil, true},
		{"a practitioner of another team finds the identity on SEARCH", policy.Viewer{AuthorityID: "AU1", Roles: []policy.Role{policy.Practitioner}, TeamIDs: []string{"TE2"}}, map[policy.Section]policy.Basis{policy.Identity: policy.Search}, true},
		{"a manager of another team finds the identity on SEARCH", policy.Viewer{AuthorityID: "AU1", Roles: []policy.Role{policy.Manager}, ManagedTeamIDs: []string{"TE2"}}, map[policy.Section]policy.Basis{policy.Identity: policy.Search}, true},
		{"a worker finds no one", policy.Viewer{AuthorityID: "AU1", Roles: []policy.Role{policy.Worker}}, map[policy.Section]policy.Basis{}, false},
		{"a carer finds no one", policy.Viewer{AuthorityID: "AU1", Roles: []policy.Role{policy.CarerRole}}, map[policy.Section]policy.Basis{}, false},
		{"an analyst keeps statistics and finds no identity", policy.Viewer{AuthorityID: "AU1", Roles: []policy.Role{policy.Analyst}}, nil, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := policy.Decide(c.v, rec, now, time.UTC)
			got := policy.Found(c.v, d)
			if c.want != nil && !reflect.DeepEqual(got.Grants, c.want) {
				t.Errorf("grants %v, want %v", got.Grants, c.want)
			}
			if c.want == nil && !reflect.DeepEqual(got, d) {
				t.Errorf("Found changed the viewer's own decision: %v, want %v", got, d)
			}
			_, identity := got.Allows(policy.Identity)
			if identity != c.found {
				t.Errorf("identity found %v, want %v", identity, c.found)
			}
		})
	}
}

// An analyst with no other role gets one decision for every record of
// their authority, the statistics basis on the analyst's sections, coded
// values only (consent.md), and none outside it; Decide shares that one
// decision between records (issue 14), so no caller may write to it.
func TestAnAnalystsDecisionIsTheSameForEveryRecord(t *testing.T) {
	want := map[policy.Section]policy.Basis{}
	for _, s := range policy.AnalystSections {
		want[s] = policy.Statistics
	}
	records := []policy.Record{record(), {PersonID: "PE2", AuthorityID: authority}, {PersonID: "PE3", PlanID: "PL3", AuthorityID: authority, TeamID: "TM2"}}
	for _, r := range records {
		d := policy.Decide(viewer(policy.Analyst), r, noon, london)
		if !reflect.DeepEqual(d.Grants, want) || !d.CodedOnly || d.Flagged {
			t.Errorf("%+v: %+v", r, d)
		}
	}
	other := record()
	other.AuthorityID = "AU2"
	if d := policy.Decide(viewer(policy.Analyst), other, noon, london); d.Any() {
		t.Errorf("another authority's record: %+v", d)
	}
	// An analyst who is also a carer on a share is decided record by record.
	v := viewer(policy.Analyst, policy.CarerRole)
	v.Shares = []policy.ShareGrant{{PlanID: plan, PersonID: person, Basis: policy.CarerShare, Sections: []policy.Section{policy.Identity}}}
	if d := policy.Decide(v, record(), noon, london); d.CodedOnly || len(d.Grants) != 1 {
		t.Errorf("an analyst holding a share: %+v", d)
	}
}
