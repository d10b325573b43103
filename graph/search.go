package graph

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	entsql "entgo.io/ent/dialect/sql"

	"reablement/ent/fault"
	"reablement/ent/identity"
	"reablement/ent/person"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// Bounds of findPeople: a search is for finding one person, not for listing
// the authority.
const (
	searchDefault = 10
	searchMax     = 25
	searchMinText = 2
	searchMaxText = 100
	// nameSimilarity is the least pg_trgm word similarity a name must have
	// to the text: low enough that one wrong letter in a surname of five
	// still matches, high enough that unrelated names do not.
	nameSimilarity = "0.4"
)

// searchHit is one row of the search.
type searchHit struct {
	id, name, postcode, team string
	dob                      time.Time
}

// findPeople searches the whole authority (issue 12). The query reads past
// the row filter, by design, but never past the authority; each match is
// then decided by the one policy (consent.Found) and shows only what that
// decision allows: the record itself for the viewer's own people, the
// identifying minimum and the ways to a basis for anyone else.
func (r *Resolver) findPeople(ctx context.Context, text string, dob *time.Time, first *int) ([]model.PersonMatch, error) {
	v := viewer.FromContext(ctx)
	if v == nil || !policy.MayFind(v.Viewer) {
		return nil, fault.New(fault.Forbidden, "Only practitioners and managers can search everyone in the authority. Ask the person's practitioner if you need their record.")
	}
	n := searchDefault
	if first != nil {
		n = *first
	}
	if n < 1 || n > searchMax {
		return nil, fault.Invalid("first", "Ask for between 1 and %d people; narrow the search with a date of birth to find someone among many.", searchMax)
	}
	text = strings.TrimSpace(text)
	if utf8.RuneCountInString(text) > searchMaxText {
		return nil, fault.Invalid("text", "Search with a name, an NHS number or a postcode of at most %d characters.", searchMaxText)
	}
	if utf8.RuneCountInString(text) < searchMinText && dob == nil {
		return nil, fault.Invalid("text", "Enter at least %d letters of a name, an NHS number or a postcode, or a date of birth.", searchMinText)
	}
	hits, err := r.searchPeople(ctx, v, text, dob, n)
	if err != nil {
		return nil, fmt.Errorf("findPeople: %w", err)
	}
	if len(hits) == 0 {
		return []model.PersonMatch{}, nil
	}
	ids := make([]pulid.ID, len(hits))
	for i, h := range hits {
		ids[i] = pulid.ID(h.id)
	}
	decisions, err := consent.Found(ctx, ids)
	if err != nil {
		return nil, err
	}
	// The viewer's own people, through the row filter, for their records.
	own, err := r.ent(ctx).Person.Query().Where(person.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	records := map[pulid.ID]int{}
	for i, p := range own {
		records[p.ID] = i
	}
	out := make([]model.PersonMatch, 0, len(hits))
	for _, h := range hits {
		id := pulid.ID(h.id)
		d, ok := decisions[id]
		if !ok {
			continue
		}
		basis, _ := d.Allows(policy.Identity)
		m := model.PersonMatch{PersonID: id, Name: h.name, DateOfBirth: h.dob, Basis: basis}
		if district := identity.Outward(h.postcode); district != "" {
			m.PostcodeDistrict = &district
		}
		if i, mine := records[id]; mine && basis != policy.Search {
			m.Person, m.HasBasis = own[i], true
		} else {
			team := h.team
			m.TeamName = &team
			m.CanRequestEmergencyAccess = true
		}
		out = append(out, m)
	}
	return out, nil
}

// searchPeople runs the search in PostgreSQL: an NHS number exactly, a
// postcode or a postcode district exactly, otherwise the name and previous
// surname by trigram word similarity (pg_trgm's <% operator, served by the
// GIN indexes on both), best first. The similarity threshold and the
// planner setting are for this transaction only.
func (r *Resolver) searchPeople(ctx context.Context, v *viewer.Viewer, text string, dob *time.Time, n int) ([]searchHit, error) {
	args := []any{string(v.Authority())}
	arg := func(a any) string { args = append(args, a); return fmt.Sprintf("$%d", len(args)) }
	var where []string
	with, score := "", "1"
	switch pc, full := identity.Postcode(text); {
	case text == "":
	case identity.LooksLikeNHSNumber(text):
		digits, _ := identity.NHSNumber(text)
		where = append(where, "p.nhs_number = "+arg(digits))
	case full:
		where = append(where, "p.postcode = "+arg(pc))
	default:
		if district, ok := identity.LooksLikeOutward(text); ok {
			where = append(where, "p.postcode LIKE "+arg(district+" %"))
			break
		}
		t := arg(text)
		// The candidates come from the trigram indexes alone, before the
		// authority is checked: with the authority's own index in reach,
		// the planner reads every person of the authority instead.
		with = fmt.Sprintf("WITH candidates AS MATERIALIZED (SELECT id FROM persons WHERE %[1]s <%% legal_name OR %[1]s <%% previous_surname) ", t)
		where = append(where, "p.id IN (SELECT id FROM candidates)")
		score = fmt.Sprintf("GREATEST(word_similarity(%[1]s, p.legal_name), COALESCE(word_similarity(%[1]s, p.previous_surname), 0))", t)
	}
	if dob != nil {
		where = append(where, "p.date_of_birth = "+arg(dob.UTC()))
	}
	where = append(where, "p.authority_id = $1")
	query := fmt.Sprintf(`%sSELECT p.id, p.legal_name, p.date_of_birth, COALESCE(p.postcode, ''), t.name, %s AS score
		FROM persons p JOIN teams t ON t.id = p.team_id
		WHERE %s
		ORDER BY score DESC, p.legal_name, p.id
		LIMIT %d`, with, score, strings.Join(where, " AND "), n)

	tx, err := r.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	defer func() { _ = tx.Rollback() }() // a read: nothing to keep
	// PostgreSQL's estimate for a trigram index is pessimistic: left to
	// itself it reads the whole table (177 ms for 20,000 people, against
	// 20 ms through the GIN indexes). For this transaction only, the
	// indexes are all it may use.
	if err := tx.Exec(ctx, "SELECT set_config('pg_trgm.word_similarity_threshold', $1, true), set_config('enable_seqscan', 'off', true)", []any{nameSimilarity}, nil); err != nil {
		return nil, err
	}
	rows := &entsql.Rows{}
	if err := tx.Query(ctx, query, args, rows); err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []searchHit
	for rows.Next() {
		var h searchHit
		var score float64
		if err := rows.Scan(&h.id, &h.name, &h.dob, &h.postcode, &h.team, &score); err != nil {
			return nil, err
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}
