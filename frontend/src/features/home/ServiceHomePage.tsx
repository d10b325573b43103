import { useQuery } from 'urql';
import { Link, Table, Tag } from '../../components';
import type { ServiceHomeQuery as ServiceHome } from '../../gql/graphql';
import { formatMinutes, formatTime, formatVisitTime, humanise } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { ServiceHomeQuery } from './documents';
import './home.css';

type ServiceVisit = ServiceHome['serviceDay']['late'][number];

const trainingWords: Record<string, string> = { AUTISM: 'autism training', DEAFBLIND: 'deafblind training' };

/**
 * /service: a registered manager's home (issue 13): today's visits across
 * the service (late, missed, under way, done), risks to workers waiting for
 * confirmation (R31, each linking to the confirmation page), and visits by workers without the training the person
 * needs (R32). The API sorts the visits (Query.serviceDay).
 */
export function ServiceHomePage() {
  const [result] = useQuery({ query: ServiceHomeQuery, requestPolicy: 'cache-and-network' });
  usePageTitle('Your service today');
  const data = result.data;
  if (!data) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading…' : 'Sorry, your service could not be loaded. Try again later.'}
      </p>
    );
  }
  const day = data.serviceDay;
  const services = data.me.account.services?.map((s) => s.name) ?? [];
  const counts = [
    { id: 'late', n: day.late.length, label: 'Late' },
    { id: 'missed', n: day.missed.length, label: 'Missed or not recorded' },
    { id: 'in-progress', n: day.inProgress.length, label: 'Under way' },
    { id: 'done', n: day.done.length, label: 'Done' },
    { id: 'other', n: day.other.length, label: 'Still to come' },
  ];
  const risks = data.dueList.workerRisksToConfirm;
  return (
    <>
      <span className="govuk-caption-l">{services.join(', ') || 'Your service'}</span>
      <h1 className="govuk-heading-l">Your service today</h1>
      <ul className="app-home-counts" aria-label="Today's visits at a glance">
        {counts.map((c) => (
          <li key={c.id}>
            <a className="govuk-link" href={`#${c.id}`}>
              <span className="app-home-count">{c.n}</span>
              {c.label}
            </a>
          </li>
        ))}
      </ul>
      <VisitList id="late" title="Late" visits={day.late} empty="No visits are late." />
      <VisitList id="missed" title="Missed or not recorded" visits={day.missed} empty="No visits have been missed." />
      <h2 className="govuk-heading-m" id="risks">
        Risks to workers to confirm
      </h2>
      {risks.length === 0 ? (
        <p className="govuk-body">None are waiting.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {risks.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" href={`/plans/${r.plan.id}`}>
                {r.plan.person.preferredName ?? 'Someone'}
              </Link>
              : {(r.description ?? humanise(r.category ?? 'risk to the worker')).replace(/\.$/, '')}
              {r.strategy ? `. Managed by: ${r.strategy}` : ''}{' '}
              {/* R31: she says what she checked, then confirms, on the confirmation page. */}
              <Link className="govuk-link" href={`/risks/${r.id}/confirm`}>
                Confirm it is managed
                <span className="govuk-visually-hidden"> ({r.plan.person.preferredName ?? 'someone'})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m" id="training">
        Training for the people workers visit
      </h2>
      {day.trainingGaps.length === 0 ? (
        <p className="govuk-body">Every worker visiting in the next 2 weeks has the training the person needs.</p>
      ) : (
        <Table
          caption="Visits in the next 2 weeks by a worker without the training the person needs (R32)"
          captionSize="s"
          rows={day.trainingGaps}
          rowKey={(g) => g.visit.id}
          cardTitle={(g) => `${g.visit.plan.person.preferredName ?? 'Someone'}, ${formatVisitTime(g.visit.startsAt)}`}
          cardHeadingLevel={3}
          columns={[
            { key: 'when', header: 'When', cell: (g) => formatVisitTime(g.visit.startsAt) },
            {
              key: 'who',
              header: 'Person',
              cell: (g) => (
                <Link className="govuk-link" href={`/plans/${g.visit.plan.id}`}>
                  {g.visit.plan.person.preferredName ?? 'Someone'}
                </Link>
              ),
            },
            { key: 'worker', header: 'Worker', cell: (g) => g.visit.worker?.displayName ?? '' },
            { key: 'missing', header: 'Missing', cell: (g) => g.missing.map((m) => trainingWords[m] ?? humanise(m)).join(', ') },
          ]}
        />
      )}
      <VisitList id="in-progress" title="Under way" visits={day.inProgress} empty="None right now." />
      <VisitList id="done" title="Done" visits={day.done} empty="None yet." />
      <VisitList id="other" title="Still to come" visits={day.other} empty="None." />
    </>
  );
}

function VisitList({ id, title, visits, empty }: { id: string; title: string; visits: readonly ServiceVisit[]; empty: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {visits.length === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced" aria-label={`${title} visits`}>
          {visits.map((v) => (
            <li key={v.id}>
              {formatTime(v.startsAt)}
              {v.durationMinutes ? ` (${formatMinutes(v.durationMinutes)})` : ''}:{' '}
              <Link className="govuk-link" href={`/plans/${v.plan.id}`}>
                {v.plan.person.preferredName ?? 'Someone'}
              </Link>
              {v.worker ? `, ${v.worker.displayName}` : ''}
              {v.status === 'MISSED' && (
                <Tag colour="red" className="govuk-!-margin-left-2">
                  Recorded as missed
                </Tag>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
