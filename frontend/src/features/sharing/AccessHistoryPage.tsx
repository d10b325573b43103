import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, DateInput, emptyDate, Link, Tag, type DateParts } from '../../components';
import { formatInstantDate, formatTime, humanise, plural } from '../../lib/format';
import { auditActions, basisReasons, sectionLabel } from '../../lib/sections';
import { dayStart } from '../../lib/dates';
import { usePageTitle } from '../../lib/usePageTitle';
import { AccessHistoryQuery } from './documents';
import { useViewer } from '../auth/useViewer';
import { isOutsideViewer } from '../../lib/roles';

/**
 * /people/:personId/access: who has seen the person's record, what they saw
 * and on which basis, newest first (the audit log, one event per person per
 * request). The person, their practitioners and auditors may read it; the
 * server decides who.
 */
export function AccessHistoryPage() {
  const { personId = '' } = useParams();
  const [fromParts, setFrom] = useState<DateParts>(emptyDate);
  const [toParts, setTo] = useState<DateParts>(emptyDate);
  const [range, setRange] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [after, setAfter] = useState<string | null>(null);
  const [result] = useQuery({ query: AccessHistoryQuery, variables: { personID: personId, from: range.from, to: range.to, after } });
  const person = result.data?.node?.__typename === 'Person' ? result.data.node : null;
  const name = person?.preferredName ?? null;
  usePageTitle(name ? `Who has seen ${name}'s record` : 'Who has seen this record');
  const events = (result.data?.auditEvents.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const { viewer } = useViewer();
  // The person reads their history one line per person per day (issue 13).
  if (viewer && isOutsideViewer(viewer.roles)) return <Navigate to={`/home/seen/${personId}`} replace />;

  return (
    <>
      <span className="govuk-caption-l">Access history</span>
      <h1 className="govuk-heading-l">{name ? `Who has seen ${name}'s record` : 'Who has seen this record'}</h1>
      <p className="govuk-body">
        Every time someone is shown part of the record it is written down here, with what they saw and why they were allowed to. Emergency access is flagged
        for review.
      </p>
      <form
        className="app-filter"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setAfter(null);
          setRange({ from: dayStart(fromParts), to: dayStart(toParts, 1) });
        }}
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half-from-desktop">
            <DateInput id="from" legend="From" legendSize="s" value={fromParts} onChange={setFrom} />
          </div>
          <div className="govuk-grid-column-one-half-from-desktop">
            <DateInput id="to" legend="To" legendSize="s" value={toParts} onChange={setTo} />
          </div>
        </div>
        <Button variant="secondary">Show these dates</Button>
      </form>
      {result.fetching && !result.data ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : events.length === 0 ? (
        <p className="govuk-body">{result.error ? 'The history could not be loaded, or you have no basis to see it.' : 'No one has seen the record in these dates.'}</p>
      ) : (
        <>
          <p className="govuk-body">{plural(result.data?.auditEvents.totalCount ?? events.length, 'record of access', 'records of access')}.</p>
          <ol className="app-timeline" aria-label="Access history, newest first">
            {events.map((event) => (
              <li key={event.id} className="app-timeline__item">
                <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {event.viewerName}
                  <span className="govuk-body-s govuk-!-margin-left-2">{event.viewerRoles.map((r) => humanise(r)).join(', ')}</span>
                </h2>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <time dateTime={event.occurredAt}>
                    {formatInstantDate(event.occurredAt)}, {formatTime(event.occurredAt)}
                  </time>
                  {' · '}
                  {auditActions[event.action] ?? humanise(event.action)}
                  {event.flagged && (
                    <Tag colour="red" className="govuk-!-margin-left-2">
                      Flagged for review
                    </Tag>
                  )}
                </p>
                {event.sections.length > 0 && (
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    <strong>Saw:</strong> {event.sections.map(sectionLabel).join(', ')}
                  </p>
                )}
                {event.bases.length > 0 && (
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    <strong>Because</strong> {event.bases.map((b) => basisReasons[b]?.replace(/^you /, 'they ').replace(/^your /, 'their ') ?? humanise(b)).join('; ')}
                  </p>
                )}
              </li>
            ))}
          </ol>
          {result.data?.auditEvents.pageInfo.hasNextPage && (
            <Button variant="secondary" type="button" onClick={() => setAfter(result.data?.auditEvents.pageInfo.endCursor ?? null)}>
              Older
            </Button>
          )}
        </>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" href={`/people/${personId}`}>
          Back to the record
        </Link>
      </p>
    </>
  );
}
