import { useQuery } from 'urql';
import { formatDate, plural } from '../../lib/format';
import { hasFailed } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { OfflineNotice } from './components/OfflineNotice';
import { VisitCard } from './components/VisitCard';
import { MyVisitsQuery } from './documents';
import { useOnline } from './useOnline';
import { useQueuedRecords } from './useVisitQueue';

export const visitHref = (visitId: string) => `/today/visits/${encodeURIComponent(visitId)}`;

/** /today: the worker's visits for today, in time order, each with what the visit needs. */
export function TodayPage() {
  usePageTitle("Today's visits");
  const [result] = useQuery({ query: MyVisitsQuery });
  const records = useQueuedRecords();
  const online = useOnline();
  const waiting = records.filter((record) => record.status === 'waiting').length;

  if (!result.data) {
    return (
      <>
        <h1 className="govuk-heading-l">Today's visits</h1>
        {hasFailed(result.error) ? (
          <p className="govuk-body">
            {online ? 'Sorry, your visits could not be loaded. Try again in a moment.' : 'You are offline, and your visits have not been loaded on this phone yet. Open this page when you have signal.'}
          </p>
        ) : (
          <p className="govuk-body" role="status">
            Loading…
          </p>
        )}
      </>
    );
  }

  const visits = [...result.data.myVisits].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <>
      <span className="govuk-caption-l">{formatDate(result.data.me.today)}</span>
      <h1 className="govuk-heading-l">Today's visits</h1>
      <OfflineNotice online={online} waiting={waiting} />
      <p className="govuk-body">{visits.length === 0 ? 'You have no visits today.' : `You have ${plural(visits.length, 'visit', 'visits')} today. Risks to you are shown first.`}</p>
      {visits.map((visit) => (
        <VisitCard key={visit.id} visit={visit} href={visitHref(visit.id)} record={records.findLast((record) => record.visitID === visit.id)} />
      ))}
    </>
  );
}
