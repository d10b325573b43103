package graph

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"time"

	entsql "entgo.io/ent/dialect/sql"

	"reablement/ent"
	"reablement/ent/episode"
	"reablement/ent/fault"
	"reablement/ent/policy"
	"reablement/ent/schema/pulid"
	"reablement/ent/viewer"
	"reablement/graph/consent"
	"reablement/graph/model"
)

// The quarterly Client Level Data return's reablement rows (issue 15):
// for each episode active in the period, its request (with route of
// access and outcome), its ST-Max service (Service_Type "Short Term
// Support: ST-Max", Service_Component "Reablement", with the sequel as its
// outcome) and the service that followed, if one did.

// CLDFields are the Release 1 fields of the return, in the order of DHSC's
// data-quality procedure (ASC-CLD-LA-Dashboard, create_GetDQValues_procedure.sql).
var CLDFields = []string{
	"LA_Code", "Reporting_Period_End_Date", "Reporting_Period_Start_Date",
	"NHS_Number", "LA_Person_Unique_Identifier", "GP_Practice_Code", "GP_Practice_Name", "Gender", "Ethnicity",
	"Date_of_Birth", "Date_of_Death", "Client_Type", "Primary_Support_Reason", "Postcode", "Accommodation_Status",
	"Employment_Status", "Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Visual_Impairment", "Hearing_Impairment",
	"Dementia", "Client_Funding_Status",
	"Event_Type", "Event_Reference", "Event_Start_Date", "Event_End_Date", "Event_Description", "Event_Outcome",
	"Request_Route_of_Access", "Assessment_Type", "Eligible_Needs_Identified", "Method_of_Assessment",
	"Total_Hrs_Caring_per_week", "No_of_adults_being_cared_for", "Adult_1_Linked_Person_ID", "Adult_2_Linked_Person_ID", "Adult_3_Linked_Person_ID",
	"Service_Type", "Service_Component", "Delivery_Mechanism", "Provider_CQC_Location_ID", "Provider_CQC_Location_Name",
	"Review_Reason", "Review_Outcomes_Achieved", "Method_of_Review", "Unit_Cost", "Cost_Frequency_Unit_Type",
}

// cldNotHeld are the fields this system does not record; they are left
// blank (assessments, reviews, carers' own rows and costs are outside the
// reablement parts).
var cldNotHeld = []string{"GP_Practice_Code", "GP_Practice_Name", "Gender", "Ethnicity", "Date_of_Death", "Primary_Support_Reason",
	"Accommodation_Status", "Employment_Status", "Dementia", "Client_Funding_Status", "Delivery_Mechanism",
	"Provider_CQC_Location_ID", "Provider_CQC_Location_Name"}

const cldQuery = `SELECT p.id, COALESCE(p.nhs_number, ''), p.date_of_birth, COALESCE(p.postcode, ''), p.autism, p.deafblind,
		EXISTS (SELECT 1 FROM carers c WHERE c.person_id = p.id),
		e.id, e.referral_route, COALESCE(e.referral_received_on, fp.created_at), e.sequel, e.ended_early_reason,
		fp.created_at, pl.status, pl.commenced_at, pl.ended_at
	FROM episodes e
	JOIN persons p ON p.id = e.person_id
	JOIN plans pl ON pl.person_id = e.person_id AND pl.episode = e.episode AND pl.status <> 'SUPERSEDED' AND NOT (pl.status = 'DRAFT' AND pl.supersedes_id IS NOT NULL)
	JOIN LATERAL (SELECT created_at FROM plans WHERE plans.person_id = e.person_id AND plans.episode = e.episode ORDER BY version LIMIT 1) fp ON true
	WHERE e.authority_id = $1 AND COALESCE(e.referral_received_on, fp.created_at) < $3 AND (pl.ended_at IS NULL OR pl.ended_at >= $2)
	ORDER BY p.id, e.episode`

// clientLevelData builds the return: identifiable for the statutory-returns
// role, pseudonymised for analysts, refused to anyone else; every person in
// it is audited on the basis policy.Return names.
func (r *Resolver) clientLevelData(ctx context.Context, from, to time.Time) (*model.ClientLevelDataExport, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return nil, fault.New(fault.Unauthenticated, "Sign in to export the return.")
	}
	d := policy.Return(v.Viewer)
	if !d.Any() {
		return nil, fault.New(fault.Forbidden, "The Client Level Data return is made by the statutory-returns officer. Ask them for it, or an analyst for the pseudonymised copy.")
	}
	if to.Before(from) {
		return nil, fault.Invalid("to", "The period ends before it starts: give the earlier day as from.")
	}
	if to.Sub(from) > 370*24*time.Hour {
		return nil, fault.Invalid("to", "Export at most a year at once: the return is quarterly.")
	}
	a, err := r.ent(ctx).Authority.Get(ctx, v.Authority())
	if err != nil {
		return nil, err
	}
	loc := v.Location
	if loc == nil {
		loc = time.UTC
	}
	startInstant := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	endInstant := time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc)
	rows := &entsql.Rows{}
	if err := r.ent(ctx).Driver().Query(ctx, cldQuery, []any{v.AuthorityID, startInstant, endInstant}, rows); err != nil {
		return nil, err
	}
	defer rows.Close()
	pseudonymised := d.CodedOnly
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(CLDFields)
	day := func(t time.Time) string { return t.In(loc).Format(time.DateOnly) }
	yesNo := func(b bool) string {
		if b {
			return "Yes"
		}
		return "No"
	}
	people := map[pulid.ID]bool{}
	// Episodes the return cannot describe yet: the collection rejects a
	// request without its route of access, so they are left out and named,
	// rather than sent with a blank or a guessed value.
	var incomplete []string
	events := 0
	for rows.Next() {
		var (
			personID, episodeID          pulid.ID
			nhs, postcode                string
			dob, referral, drafted       time.Time
			autism, deafblind, carer     bool
			route, sequel, early, status sql.NullString
			commenced, ended             sql.NullTime
		)
		if err := rows.Scan(&personID, &nhs, &dob, &postcode, &autism, &deafblind, &carer, &episodeID, &route, &referral, &sequel, &early,
			&drafted, &status, &commenced, &ended); err != nil {
			return nil, err
		}
		if !route.Valid {
			// The same reference its request would carry in the CSV.
			incomplete = append(incomplete, fmt.Sprintf("REQ-%s: record where the referral came from (Request_Route_of_Access) with updateEpisode, then export again", episodeID))
			continue
		}
		people[personID] = true
		person := map[string]string{
			"LA_Code": a.Code, "Reporting_Period_Start_Date": from.Format(time.DateOnly), "Reporting_Period_End_Date": to.Format(time.DateOnly),
			"NHS_Number": nhs, "LA_Person_Unique_Identifier": string(personID), "Date_of_Birth": dob.UTC().Format(time.DateOnly),
			"Client_Type": "Service User", "Postcode": postcode, "Has_Unpaid_Carer": yesNo(carer),
			"Autism_Spectrum_Disorder_ASD": yesNo(autism), "Visual_Impairment": yesNo(deafblind), "Hearing_Impairment": yesNo(deafblind),
		}
		if pseudonymised {
			pseudo := r.pseudonym(&ent.Person{ID: personID, AuthorityID: v.Authority()})
			person["NHS_Number"], person["LA_Person_Unique_Identifier"], person["Date_of_Birth"], person["Postcode"] = pseudo, pseudo, "", ""
		}
		row := func(event map[string]string) {
			line := make([]string, len(CLDFields))
			for i, f := range CLDFields {
				if x, ok := event[f]; ok {
					line[i] = x
				} else {
					line[i] = person[f]
				}
			}
			_ = w.Write(line)
			events++
		}
		// The request, decided when the first plan was drafted.
		request := map[string]string{"Event_Type": "Request", "Event_Reference": "REQ-" + string(episodeID),
			"Event_Start_Date": referral.UTC().Format(time.DateOnly)}
		request["Request_Route_of_Access"] = cldRoutes[episode.ReferralRoute(route.String)]
		switch {
		case commenced.Valid || status.String == "AGREED":
			request["Event_End_Date"], request["Event_Outcome"] = day(drafted), "Progress to Reablement/ST-Max"
		case status.String == "REFUSED":
			request["Event_End_Date"], request["Event_Outcome"] = day(ended.Time), "NFA - Support declined"
		case status.String == "WITHDRAWN":
			request["Event_End_Date"], request["Event_Outcome"] = day(ended.Time), "NFA - Support ended: Other reason"
		}
		row(request)
		if !commenced.Valid {
			continue
		}
		service := map[string]string{"Event_Type": "Service", "Event_Reference": "STMAX-" + string(episodeID),
			"Event_Start_Date": day(commenced.Time), "Service_Type": "Short Term Support: ST-Max", "Service_Component": "Reablement",
			"Event_Outcome": "Provision of service"}
		var next sequelOutcome
		if ended.Valid {
			service["Event_End_Date"] = day(ended.Time)
			service["Event_Outcome"] = "Service ended as planned"
			if sequel.Valid {
				var why *episode.EndedEarlyReason
				if early.Valid {
					e := episode.EndedEarlyReason(early.String)
					why = &e
				}
				if o, ok := sequelOf(episode.Sequel(sequel.String), why); ok {
					service["Event_Outcome"], next = o.outcome, o
				}
			}
		}
		row(service)
		if next.service != "" {
			row(map[string]string{"Event_Type": "Service", "Event_Reference": "SEQUEL-" + string(episodeID),
				"Event_Start_Date": ended.Time.In(loc).AddDate(0, 0, 1).Format(time.DateOnly), "Service_Type": next.service,
				"Event_Outcome": "Provision of service"})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	w.Flush()
	if req := consent.FromContext(ctx); req != nil {
		for p := range people {
			req.NoteReturn(p, d)
		}
	}
	return &model.ClientLevelDataExport{From: from, To: to, CSV: buf.String(), Events: events, People: len(people),
		Pseudonymised: pseudonymised, NotHeld: cldNotHeld, Incomplete: incomplete}, nil
}
