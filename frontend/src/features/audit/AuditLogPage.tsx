import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Button, Checkboxes, DateInput, emptyDate, Link, Table, Tag, TextInput, type DateParts } from '../../components';
import type { AuditEventWhereInput } from '../../gql/graphql';
import { formatInstantDate, formatTime, humanise } from '../../lib/format';
import { auditActions, sectionLabel } from '../../lib/sections';
import { dayStart } from '../../lib/dates';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuditLogQuery } from './documents';

interface Filters {
  viewer: string;
  from: DateParts;
  to: DateParts;
  flaggedOnly: boolean;
}

/** The API's filter for what the auditor typed. */
export function auditWhere(f: Filters): AuditEventWhereInput | null {
  const where: AuditEventWhereInput = {};
  if (f.viewer.trim()) where.viewerNameContainsFold = f.viewer.trim();
  const from = dayStart(f.from);
  const to = dayStart(f.to, 1);
  if (from) where.occurredAtGTE = from;
  if (to) where.occurredAtLT = to;
  if (f.flaggedOnly) where.flagged = true;
  return Object.keys(where).length > 0 ? where : null;
}

type Event = {
  id: string;
  occurredAt: string;
  action: string;
  viewerName: string;
  viewerRoles: readonly string[];
  personID: string;
  sections: readonly string[];
  bases: readonly string[];
  flagged: boolean;
  operation?: string | null;
};

/**
 * /audit: the authority's audit log for information governance: who was
 * shown what of whose record, when and on which basis; filtered by viewer,
 * dates and flagged (emergency) access. Auditors see the log, never care
 * content (consent.md); each person's history is a link away.
 */
export function AuditLogPage() {
  usePageTitle('Audit log');
  const [typed, setTyped] = useState<Filters>({ viewer: '', from: emptyDate, to: emptyDate, flaggedOnly: false });
  const [applied, setApplied] = useState<Filters>(typed);
  const [after, setAfter] = useState<string | null>(null);
  const where = useMemo(() => auditWhere(applied), [applied]);
  const [result] = useQuery({ query: AuditLogQuery, variables: { where, after, counted: where !== null } });
  const counted = result.data?.auditEvents.totalCount;
  const events: Event[] = (result.data?.auditEvents.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">Every disclosure of a person's record, with the sections shown and the basis for showing them. Emergency access is flagged for review.</p>
      <form
        className="app-filter"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setAfter(null);
          setApplied(typed);
        }}
      >
        <TextInput id="viewer" label="Who saw it (name contains)" labelSize="s" value={typed.viewer} onChange={(e) => setTyped({ ...typed, viewer: e.currentTarget.value })} />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half-from-desktop">
            <DateInput id="from" legend="From" legendSize="s" value={typed.from} onChange={(from) => setTyped({ ...typed, from })} />
          </div>
          <div className="govuk-grid-column-one-half-from-desktop">
            <DateInput id="to" legend="To" legendSize="s" value={typed.to} onChange={(to) => setTyped({ ...typed, to })} />
          </div>
        </div>
        <Checkboxes
          name="flagged"
          legend="Flagged"
          legendSize="s"
          small
          value={typed.flaggedOnly ? ['yes'] : []}
          onChange={(v) => setTyped({ ...typed, flaggedOnly: v.includes('yes') })}
          items={[{ value: 'yes', label: 'Only access flagged for review (emergency access)' }]}
        />
        <Button variant="secondary">Show</Button>
      </form>
      {result.fetching && !result.data ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : events.length === 0 ? (
        <p className="govuk-body">{result.error ? 'The log could not be loaded.' : 'Nothing matches.'}</p>
      ) : (
        <>
          <Table<Event>
            caption={counted == null ? 'Every event, newest first' : `${counted} matching, newest first`}
            captionSize="m"
            rows={events}
            rowKey={(e) => e.id}
            cardTitle={(e) => `${e.viewerName}, ${formatInstantDate(e.occurredAt)} ${formatTime(e.occurredAt)}`}
            columns={[
              { key: 'when', header: 'When', cell: (e) => `${formatInstantDate(e.occurredAt)}, ${formatTime(e.occurredAt)}`, hideInCard: true },
              { key: 'who', header: 'Who', cell: (e) => `${e.viewerName} (${e.viewerRoles.map(humanise).join(', ')})`, hideInCard: true },
              {
                key: 'what',
                header: 'What',
                cell: (e) => (
                  <>
                    {auditActions[e.action] ?? humanise(e.action)}
                    {e.flagged && (
                      <Tag colour="red" className="govuk-!-margin-left-1">
                        Flagged
                      </Tag>
                    )}
                    {e.sections.length > 0 && <span className="app-block govuk-body-s">{e.sections.map(sectionLabel).join(', ')}</span>}
                  </>
                ),
              },
              { key: 'basis', header: 'Basis', cell: (e) => e.bases.map(humanise).join(', ') },
              {
                key: 'person',
                header: 'Person',
                cell: (e) => (
                  <Link className="govuk-link" href={`/people/${e.personID}/access`}>
                    Their history<span className="govuk-visually-hidden"> (record {e.personID})</span>
                  </Link>
                ),
              },
            ]}
          />
          {result.data?.auditEvents.pageInfo.hasNextPage && (
            <Button variant="secondary" type="button" onClick={() => setAfter(result.data?.auditEvents.pageInfo.endCursor ?? null)}>
              Older
            </Button>
          )}
        </>
      )}
    </>
  );
}
