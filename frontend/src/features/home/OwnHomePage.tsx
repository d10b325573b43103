import { ButtonLink, Link, SummaryList, Tag, type SummaryRow } from '../../components';
import { formatDate, formatInstantDate, formatMinutes, formatVisitTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import type { OwnHomeQuery } from '../../gql/graphql';
import { PlanInWords } from './PlanInWords';
import './home.css';
import { readable, useHomePlan, useOwnHome, type HomePlanSummary } from './useHomePlans';
import { changeAnswers, firstName, reviewAnswers, sectionsInWords } from './words';

type Me = OwnHomeQuery['me'];

/**
 * /home: the home of the person and of carers and advocates (issue 13).
 * Whose plan, who to contact, what happens next, and the parts of the plan
 * they hold, in plain English; for the person, their requests and answers,
 * and the ways to ask, complain, print and see who has looked.
 */
export function OwnHomePage() {
  const { me, plans, fetching, error } = useOwnHome();
  const isPerson = Boolean(me?.roles.includes('PERSON'));
  usePageTitle(isPerson ? 'Your reablement' : 'Plans shared with you');
  if (!me) {
    return (
      <p className="govuk-body" role="status">
        {fetching ? 'Loading…' : error ? 'Sorry, your home page could not be loaded. Try again later.' : ''}
      </p>
    );
  }
  // The person's own plan first; then any copies they hold.
  const own = plans.filter((p) => p.viewerAccess.some((a) => a.basis === 'OWN_RECORD'));
  const copies = plans.filter((p) => !own.includes(p));
  return (
    <>
      <h1 className="govuk-heading-xl">{isPerson ? 'Your reablement' : 'Plans shared with you'}</h1>
      <p className="govuk-body-l">
        Reablement is help at home for a few weeks, so {isPerson ? 'you' : 'the person'} can do everyday things {isPerson ? 'for yourself' : 'for themselves'}{' '}
        again.
      </p>
      {plans.length === 0 && (
        <>
          <p className="govuk-body">{isPerson ? 'You do not have a plan in place at the moment.' : 'No one has shared a plan with you at the moment.'}</p>
          <CouncilContact me={me} />
        </>
      )}
      {own.map((plan) => (
        <HomePlanSection key={plan.id} me={me} summary={plan} own />
      ))}
      {copies.map((plan) => (
        <HomePlanSection key={plan.id} me={me} summary={plan} own={false} />
      ))}
      <h2 className="govuk-heading-m">If you are not happy</h2>
      <p className="govuk-body">
        Talk to {isPerson ? 'your' : 'the'} practitioner or the council first. If that does not help, you can{' '}
        <Link className="govuk-link" href="/home/complain">
          make a complaint
        </Link>
        .
      </p>
    </>
  );
}

function CouncilContact({ me }: { me: Me }) {
  const a = me.authority;
  return (
    <p className="govuk-body">
      Contact {a.name}
      {a.contactPhone && (
        <>
          {' '}
          on <a className="govuk-link" href={`tel:${a.contactPhone.replaceAll(' ', '')}`}>{a.contactPhone}</a>
        </>
      )}
      {a.contactEmail && (
        <>
          {' '}
          or email <a className="govuk-link" href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
        </>
      )}
      .
    </p>
  );
}

function HomePlanSection({ me, summary, own }: { me: Me; summary: HomePlanSummary; own: boolean }) {
  const { plan, visits } = useHomePlan(summary, me.today);
  const sections = readable(summary);
  const name = plan?.person.preferredName;
  const whose = own ? 'your' : 'their';
  const title = own ? 'Your plan' : name ? `${name}'s plan` : 'The plan shared with you';
  const practitioner = plan?.person.allocatedPractitioner;
  const team = plan?.person.team;
  const nextVisit = visits?.[0];
  const contact: SummaryRow[] = [];
  if (practitioner) contact.push({ key: own ? 'Your practitioner' : 'Practitioner', value: practitioner.displayName });
  if (team)
    contact.push({
      key: own ? 'Your team' : 'Team',
      value: (
        <>
          {team.name}
          {team.phone && (
            <>
              <br />
              Phone: <a className="govuk-link" href={`tel:${team.phone.replaceAll(' ', '')}`}>{team.phone}</a>
            </>
          )}
        </>
      ),
    });
  contact.push({
    key: 'The council',
    value: (
      <>
        {me.authority.name}
        {me.authority.contactPhone && (
          <>
            <br />
            Phone: <a className="govuk-link" href={`tel:${me.authority.contactPhone.replaceAll(' ', '')}`}>{me.authority.contactPhone}</a>
          </>
        )}
        {me.authority.contactEmail && (
          <>
            <br />
            Email: <a className="govuk-link" href={`mailto:${me.authority.contactEmail}`}>{me.authority.contactEmail}</a>
          </>
        )}
      </>
    ),
  });
  const next: string[] = [];
  if (nextVisit)
    next.push(
      `The next visit is ${formatVisitTime(nextVisit.startsAt)}${nextVisit.durationMinutes ? ` for ${formatMinutes(nextVisit.durationMinutes)}` : ''}${nextVisit.worker ? `, with ${firstName(nextVisit.worker.displayName)}` : ''}.`,
    );
  if (summary.status === 'AGREED') next.push(own ? 'Your plan is agreed. Your visits will start soon.' : 'The plan is agreed. Visits will start soon.');
  if (summary.status === 'UNDER_REVIEW') next.push(own ? 'Your plan is being reviewed. Your practitioner will talk to you about it.' : 'The plan is being reviewed.');
  if (plan?.firstReviewDue) next.push(`The first review is due by ${formatDate(plan.firstReviewDue)}.`);
  if (plan?.plannedEnd) next.push(`Reablement is planned to end by ${formatDate(plan.plannedEnd)}.`);
  const requests = [
    ...(plan?.reviews ?? []).filter((r) => r.kind === 'UNPLANNED').map((r) => ({ id: r.id, at: r.createdAt, what: 'a review', why: r.reason, answer: reviewAnswers[r.decision ?? 'PENDING'], reason: r.decisionReason })),
    ...(plan?.amendments ?? []).map((a) => ({ id: a.id, at: a.createdAt, what: 'a change to the plan', why: a.details, answer: changeAnswers[a.decision ?? 'PENDING'], reason: a.decisionReason })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section aria-labelledby={`plan-${summary.id}`} className="app-home-plan">
      <h2 className="govuk-heading-l" id={`plan-${summary.id}`}>
        {title}
      </h2>
      {!own && sections.length > 0 && (
        <p className="govuk-body">
          You have a copy of {name ? `${name}'s` : 'the'} reablement plan. {name ?? 'They'} chose to share {sectionsInWords(sections, 'their')} with you.
        </p>
      )}
      <h3 className="govuk-heading-m">Who to contact</h3>
      <SummaryList rows={contact} />
      {next.length > 0 && (
        <>
          <h3 className="govuk-heading-m">What happens next</h3>
          <ul className="govuk-list govuk-list--bullet">
            {next.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <div className="govuk-button-group app-no-print">
        <ButtonLink href={`/home/plans/${summary.id}/ask`}>Ask for a review or a change</ButtonLink>
        <Link className="govuk-link" href={`/home/plans/${summary.id}/print`}>
          Print or save {own ? 'your' : 'this'} plan
        </Link>
        {own && (
          <Link className="govuk-link" href={`/home/seen/${summary.person.id}`}>
            See who has looked at your plan
          </Link>
        )}
      </div>
      {requests.length > 0 && (
        <>
          <h3 className="govuk-heading-m">{own ? 'What you have asked for' : 'What has been asked for'}</h3>
          <ul className="govuk-list govuk-list--spaced" aria-label="Requests and answers">
            {requests.map((r) => (
              <li key={r.id} className="app-home-request">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  <Tag colour={r.answer.colour}>{r.answer.text}</Tag>
                </p>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  Asked for {r.what} on {formatInstantDate(r.at)}
                  {r.why ? `: "${r.why}"` : ''}
                </p>
                {r.reason && <p className="govuk-body govuk-!-margin-bottom-0">Answer: {r.reason}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan && <PlanInWords plan={plan} visits={visits} whose={whose} />}
    </section>
  );
}
