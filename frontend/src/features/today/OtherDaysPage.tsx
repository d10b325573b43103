import { useQuery } from 'urql';
import { formatDate, plural } from '../../lib/format';
import { hasFailed } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { DayNav } from './components/DayNav';
import { VisitList } from './components/VisitList';
import { MyVisitsOnQuery, MyVisitsQuery } from './documents';

/** The calendar day n days after an ISO date ("2026-11-30", 1 → "2026-12-01"). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/** One day's visits, in brief: to plan ahead, not to record. */
function Day({ date, headingLevel }: { date: string; headingLevel: 1 | 2 }) {
  const [result] = useQuery({ query: MyVisitsOnQuery, variables: { date } });
  const Heading = `h${headingLevel}` as const;
  const visits = [...(result.data?.myVisits ?? [])].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (
    <section aria-labelledby={`day-${date}`}>
      <Heading className={headingLevel === 1 ? 'govuk-heading-l' : 'govuk-heading-m'} id={`day-${date}`}>
        {headingLevel === 1 ? 'Tomorrow' : formatDate(date)}
      </Heading>
      {headingLevel === 1 && <p className="govuk-caption-m">{formatDate(date)}</p>}
      {!result.data ? (
        <p className="govuk-body" role="status">
          {hasFailed(result.error) ? 'These visits could not be loaded. Try again when you have signal.' : 'Loading…'}
        </p>
      ) : visits.length === 0 ? (
        <p className="govuk-body">No visits.</p>
      ) : (
        <>
          <p className="govuk-body">{plural(visits.length, 'visit', 'visits')}.</p>
          <VisitList visits={visits} />
        </>
      )}
    </section>
  );
}

/** /today/tomorrow: tomorrow's visits. */
export function TomorrowPage() {
  usePageTitle("Tomorrow's visits");
  const [today] = useQuery({ query: MyVisitsQuery });
  const date = today.data?.me.today;
  return (
    <>
      <DayNav current="/today/tomorrow" />
      {date ? <Day date={addDays(date, 1)} headingLevel={1} /> : <p className="govuk-body">Loading…</p>}
    </>
  );
}

/** /today/week: the next six days' visits, day by day. */
export function WeekPage() {
  usePageTitle('This week');
  const [today] = useQuery({ query: MyVisitsQuery });
  const date = today.data?.me.today;
  return (
    <>
      <DayNav current="/today/week" />
      <h1 className="govuk-heading-l">This week</h1>
      {date ? [1, 2, 3, 4, 5, 6].map((n) => <Day key={n} date={addDays(date, n)} headingLevel={2} />) : <p className="govuk-body">Loading…</p>}
    </>
  );
}
