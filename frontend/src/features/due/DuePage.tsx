import { useLocation } from 'react-router';
import { useQuery } from 'urql';
import { Link, NotificationBanner } from '../../components';
import type { SavedState } from '../../lib/forms';
import { formatDate, formatInstantDate, humanise } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { DueListQuery } from './documents';

interface DueItem {
  id: string;
  href: string;
  who: string;
  what: string;
  /** A link to act on it (record what was done). */
  next?: { href: string; label: string };
}

/**
 * /due: what is due or overdue for my people in the next week, as counts
 * first (what needs doing at a glance), then each list. Concerns raised
 * at visits come first, routed to this viewer by the API: they cannot wait,
 * and each is closed only with what was done recorded.
 */
export function DuePage() {
  const [result] = useQuery({ query: DueListQuery, variables: { withinDays: 7 }, requestPolicy: 'cache-and-network' });
  const state = useLocation().state as (SavedState & { closed?: string }) | null;
  const saved = state?.saved;
  const closed = state?.closed;
  const roles = result.data?.me.roles ?? [];
  const canClose = roles.includes('PRACTITIONER') || roles.includes('MANAGER');
  const canConfirm = roles.includes('REGISTERED_MANAGER');
  usePageTitle('Due and overdue');
  const due = result.data?.dueList;
  if (!due) {
    return (
      <p className="govuk-body" role="status">
        {result.fetching ? 'Loading…' : 'The due list could not be loaded.'}
      </p>
    );
  }
  const name = (p: { preferredName?: string | null } | null | undefined) => p?.preferredName ?? 'Someone';
  const groups: ReadonlyArray<{ id: string; title: string; rule: string; items: DueItem[] }> = [
    {
      id: 'concerns',
      title: 'Concerns raised at visits',
      rule: 'safeguarding first, then health',
      // In the API's order: the most urgent kind first.
      items: due.concerns.map((c) => ({
        id: c.id,
        href: c.visit?.plan ? `/plans/${c.visit.plan.id}` : '#',
        who: name(c.visit?.plan.person),
        what: `${humanise(c.kind ?? 'Concern')} concern, ${formatInstantDate(c.createdAt)}${c.details ? `: ${c.details}` : ''}`,
        ...(canClose && { next: { href: `/due/concerns/${encodeURIComponent(c.id)}`, label: 'Record what was done' } }),
      })),
    },
    {
      id: 'reviews',
      title: 'Reviews and review requests',
      rule: 'R11, R12',
      items: due.reviews.map((r) => ({
        id: r.id,
        href: `/plans/${r.plan.id}/review`,
        who: name(r.plan.person),
        what: r.decision === 'PENDING' ? 'A request waiting for a decision' : `Review due ${formatDate(r.due)}`,
      })),
    },
    {
      id: 'amendments',
      title: 'Requests to change a plan',
      rule: 'R25',
      items: due.amendmentRequests.map((a) => ({
        id: a.id,
        href: `/plans/${a.plan.id}/amendments`,
        who: name(a.plan.person),
        what: `Asked by ${humanise(a.requestedBy ?? 'someone').toLowerCase()} on ${formatInstantDate(a.createdAt)}, waiting for a decision`,
      })),
    },
    {
      id: 'first-reviews',
      title: 'First reviews',
      rule: 'R11',
      items: due.firstReviewsDue.map((p) => ({ id: p.id, href: `/plans/${p.id}/review`, who: name(p.person), what: `First review due ${formatDate(p.firstReviewDue)}` })),
    },
    {
      id: 'ending',
      title: 'Plans nearing their end',
      rule: 'R9',
      items: due.plansNearingEnd.map((p) => ({ id: p.id, href: `/plans/${p.id}`, who: name(p.person), what: `Planned end ${formatDate(p.plannedEnd)}` })),
    },
    {
      id: 'worker-risks',
      title: 'Risks to workers to confirm',
      rule: 'R31',
      items: due.workerRisksToConfirm.map((r) => ({
        id: r.id,
        // R31: the registered manager confirms on a page of its own, saying what they checked.
        href: canConfirm ? `/risks/${r.id}/confirm` : `/plans/${r.plan.id}/start/risks`,
        who: name(r.plan.person),
        what: `${r.description ?? 'A risk to the worker'}${r.strategy ? `. Managed by: ${r.strategy}` : ''}`,
      })),
    },
    {
      id: 'advice',
      title: 'Information and advice to follow up',
      rule: 'R34',
      items: due.adviceFollowUps.map((a) => ({
        id: a.id,
        href: `/people/${a.person.id}`,
        who: name(a.person),
        what: `${a.summary ?? 'Advice'}, by ${formatInstantDate(a.followUpDue)}`,
        ...(canClose && { next: { label: 'Record the follow-up', href: `/people/${a.person.id}/advice/${a.id}/follow-up` } }),
      })),
    },
    {
      id: 'advocacy',
      title: 'Waiting for an advocate',
      rule: 'R30',
      items: due.advocacyReferralsWaiting.map((p) => ({
        id: p.id,
        href: `/people/${p.id}`,
        who: name(p),
        what: 'Referral waiting',
        ...(canClose && { next: { label: 'Record that an advocate is in place', href: `/people/${p.id}/change/capacity` } }),
      })),
    },
  ];
  return (
    <>
      {saved && <NotificationBanner type="success">{saved}</NotificationBanner>}
      {closed && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">{closed}</p>
        </NotificationBanner>
      )}
      <h1 className="govuk-heading-l">Due and overdue</h1>
      <p className="govuk-body">For your people, in the next 7 days and anything already late.</p>
      <ul className="app-counts" aria-label="How many of each">
        {groups.map((g) => (
          <li key={g.id} className={`app-counts__item${g.id === 'concerns' && g.items.length > 0 ? ' app-counts__item--urgent' : ''}`}>
            <a className="govuk-link app-counts__link" href={`#${g.id}`}>
              <span className="app-counts__number">{g.items.length}</span>
              <span className="app-counts__label">{g.title}</span>
            </a>
          </li>
        ))}
      </ul>
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={g.id}>
          <h2 className="govuk-heading-m" id={g.id}>
            {g.title} <span className="govuk-caption-m app-inline">({g.rule})</span>
          </h2>
          {g.items.length === 0 ? (
            <p className="govuk-body">None.</p>
          ) : (
            <ul className="govuk-list govuk-list--spaced">
              {g.items.map((item) => (
                <li key={item.id}>
                  <Link className="govuk-link" href={item.href}>
                    {item.who}
                  </Link>
                  : {item.what}
                  {item.next && (
                    <>
                      {' '}
                      <Link className="govuk-link app-tap-link" href={item.next.href}>
                        {item.next.label}
                        <span className="govuk-visually-hidden"> ({item.who})</span>
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}
