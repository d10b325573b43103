import { useQuery } from 'urql';
import { Link } from '../../components';
import { formatDate, formatInstantDate, humanise } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { TeamHomeQuery } from './documents';
import './home.css';

/**
 * /team: a team manager's home (issue 13): the team's caseload, who is
 * waiting to be allocated (R33), reviews due and requests to decide (R11,
 * R12, R25), and concerns open. Every figure is the API's, through the
 * manager's row filter and the consent policy.
 */
export function TeamHomePage() {
  const [result] = useQuery({ query: TeamHomeQuery, requestPolicy: 'cache-and-network' });
  const data = result.data;
  const teams = data?.me.account.managedTeams?.map((t) => t.name) ?? [];
  usePageTitle('Your team');
  if (!data) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading…' : 'Sorry, your team could not be loaded. Try again later.'}
      </p>
    );
  }
  const name = (p: { preferredName?: string | null } | null | undefined) => p?.preferredName ?? 'Someone';
  const due = data.dueList;
  const waiting = (data.waiting.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const requests = due.reviews.filter((r) => r.decision === 'PENDING');
  const reviewsDue = due.reviews.filter((r) => r.decision !== 'PENDING');
  const counts = [
    { id: 'caseload', n: data.caseload.totalCount, label: 'People on the caseload', href: '/caseload' },
    { id: 'active', n: data.active.totalCount, label: 'In reablement now', href: '/caseload' },
    { id: 'waiting', n: data.waiting.totalCount, label: 'Waiting to be allocated', href: '#waiting' },
    { id: 'reviews', n: reviewsDue.length + due.firstReviewsDue.length, label: 'Reviews due this week', href: '#reviews' },
    { id: 'requests', n: requests.length + due.amendmentRequests.length, label: 'Requests to decide', href: '#requests' },
    { id: 'concerns', n: due.safeguardingConcerns.length, label: 'Concerns open', href: '#concerns' },
  ];
  return (
    <>
      <span className="govuk-caption-l">{teams.join(', ') || 'Your team'}</span>
      <h1 className="govuk-heading-l">Your team</h1>
      <ul className="app-home-counts" aria-label="Your team at a glance">
        {counts.map((c) => (
          <li key={c.id}>
            <a className="govuk-link" href={c.href}>
              <span className="app-home-count">{c.n}</span>
              {c.label}
            </a>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m" id="concerns">
        Concerns open
      </h2>
      {due.safeguardingConcerns.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {due.safeguardingConcerns.map((c) => (
            <li key={c.id}>
              <Link className="govuk-link" href={c.visit?.plan ? `/plans/${c.visit.plan.id}` : '/due'}>
                {name(c.visit?.plan.person)}
              </Link>
              : {humanise(c.kind ?? 'concern')}, raised {formatInstantDate(c.createdAt)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m" id="waiting">
        Waiting to be allocated
      </h2>
      {waiting.length === 0 ? (
        <p className="govuk-body">No one is waiting.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {waiting.map((p) => (
            <li key={p.id}>
              <Link className="govuk-link" href={`/people/${p.id}`}>
                {name(p)}
              </Link>
              : waiting since {formatInstantDate(p.createdAt)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m" id="requests">
        Requests to decide
      </h2>
      {requests.length + due.amendmentRequests.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {requests.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" href={`/plans/${r.plan.id}/review`}>
                {name(r.plan.person)}
              </Link>
              : asked for a review
            </li>
          ))}
          {due.amendmentRequests.map((a) => (
            <li key={a.id}>
              <Link className="govuk-link" href={`/plans/${a.plan.id}/amendments`}>
                {name(a.plan.person)}
              </Link>
              : asked for a change to the plan on {formatInstantDate(a.createdAt)}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m" id="reviews">
        Reviews due this week
      </h2>
      {reviewsDue.length + due.firstReviewsDue.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {due.firstReviewsDue.map((p) => (
            <li key={p.id}>
              <Link className="govuk-link" href={`/plans/${p.id}/review`}>
                {name(p.person)}
              </Link>
              : first review due {formatDate(p.firstReviewDue)}
            </li>
          ))}
          {reviewsDue.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" href={`/plans/${r.plan.id}/review`}>
                {name(r.plan.person)}
              </Link>
              : review due {formatDate(r.due)}
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" href="/due">
          Everything due for your team
        </Link>
      </p>
    </>
  );
}
