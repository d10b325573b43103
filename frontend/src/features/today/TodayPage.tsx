import { useQuery } from 'urql';
import { formatDate, plural } from '../../lib/format';
import { hasFailed } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { DayNav } from './components/DayNav';
import { OfflineNotice } from './components/OfflineNotice';
import { VisitList } from './components/VisitList';
import { MyVisitsQuery } from './documents';
import { useOnline } from './useOnline';
import { useQueuedRecords } from './useVisitQueue';

export const visitHref = (visitId: string) => `/today/visits/${encodeURIComponent(visitId)}`;

/**
 * /today: the worker's visits for today as a compact list, in time order
 * (issue 13); each opens on its own page with its record form and plan.
 */
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
      <DayNav current="/today" />
      <span className="govuk-caption-m">{formatDate(result.data.me.today)}</span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-3">Today's visits</h1>
      <OfflineNotice online={online} waiting={waiting} />
      <p className="govuk-body">{visits.length === 0 ? 'You have no visits today.' : `You have ${plural(visits.length, 'visit', 'visits')} today.`}</p>
      <VisitList visits={visits} hrefOf={visitHref} recordOf={(id) => records.findLast((record) => record.visitID === id)} />
    </>
  );
}
