import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, ButtonGroup, Link } from '../../components';
import { formatInstantDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { LetterQuery } from './documents';

/** The letters this page prints: R14's refusal and ending, R15's withdrawal. */
const letters = {
  refusal: {
    subject: 'You have decided not to go ahead with reablement',
    body: [
      'You told us that you do not wish to go ahead with reablement. We respect your decision, and we have not made a reablement plan.',
      'We have given you information and advice about other support that may help you. If anything changes, or you would like to talk about it again, please contact us at any time: you can ask for reablement again.',
    ],
  },
  ended: {
    subject: 'You have decided to stop reablement',
    body: [
      'You told us that you no longer wish to continue with reablement, so your reablement has ended.',
      'If anything changes, or you would like support again, please contact us at any time.',
    ],
  },
  withdrawal: {
    subject: 'Your reablement service has been withdrawn',
    body: [
      'We are writing to confirm that your reablement service has been withdrawn. Our manager made this decision after considering your views, the views of your carer, and the effect on your wellbeing.',
      'If you disagree with this decision you have the right to complain. Please contact us and we will explain how.',
    ],
  },
} as const;
type LetterKind = keyof typeof letters;

/**
 * /plans/:planId/letter?kind=refusal|ended|withdrawal: the letter that
 * confirms in writing a refusal, an ending at the person's wish (R14) or a
 * withdrawal (R15), printed through the browser like the plan's copy. The
 * date it was sent is recorded on the ending itself (writtenConfirmationAt).
 */
export function LetterPage() {
  const { planId = '' } = useParams();
  const [params] = useSearchParams();
  const kind: LetterKind = (Object.keys(letters) as LetterKind[]).find((k) => k === params.get('kind')) ?? 'refusal';
  const [result] = useQuery({ query: LetterQuery, variables: { id: planId } });
  const [today] = useState(() => new Date().toISOString());
  const node = result.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  const letter = letters[kind];
  usePageTitle(`Letter: ${letter.subject}`);
  if (!plan) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading…' : 'There is no plan at this address, or none you have a basis to see.'}
      </p>
    );
  }
  const person = plan.person;
  const author = result.data?.me.account;
  // R14: the information and advice given are confirmed in writing.
  const advice = (person.advice ?? []).filter((a) => a.summary);
  return (
    <div className="app-print-document">
      <div className="app-no-print">
        <span className="govuk-caption-l">Print the letter</span>
        <p className="govuk-body">Print this letter, send or give it to the person, then record the date on the ending.</p>
        <ButtonGroup>
          <Button type="button" onClick={() => window.print()}>
            Print
          </Button>
          <Link className="govuk-link" href={`/plans/${plan.id}/end`}>
            Back to ending the plan
          </Link>
        </ButtonGroup>
      </div>
      <article className="app-letter" aria-labelledby="letter-title">
        <p className="govuk-body app-letter__from">{result.data?.me.authority.name}</p>
        <address className="govuk-body app-letter__to">
          {person.legalName ?? person.preferredName ?? 'The person'}
          {person.address && (
            <>
              <br />
              {person.address}
            </>
          )}
          {person.postcode && (
            <>
              <br />
              {person.postcode}
            </>
          )}
        </address>
        <p className="govuk-body">{formatInstantDate(plan.writtenConfirmationAt ?? today)}</p>
        <p className="govuk-body">Dear {person.preferredName ?? person.legalName ?? 'Sir or Madam'},</p>
        <h1 className="govuk-heading-m" id="letter-title">
          {letter.subject}
        </h1>
        {letter.body.map((p) => (
          <p className="govuk-body" key={p}>
            {p}
          </p>
        ))}
        {kind === 'withdrawal' && plan.endNotes && <p className="govuk-body">{plan.endNotes}</p>}
        {kind === 'refusal' && advice.length > 0 && (
          <>
            <p className="govuk-body">The information and advice we gave you:</p>
            <ul className="govuk-list govuk-list--bullet">
              {advice.map((a) => (
                <li key={a.id}>
                  {a.summary}
                  {a.givenAt ? ` (${formatInstantDate(a.givenAt)})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="govuk-body">Yours sincerely,</p>
        <p className="govuk-body">
          {author?.displayName}
          {author?.jobTitle && (
            <>
              <br />
              {author.jobTitle}
            </>
          )}
        </p>
      </article>
    </div>
  );
}
