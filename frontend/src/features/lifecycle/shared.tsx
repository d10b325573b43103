import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Link, Tag } from '../../components';
import { hasErrors, type FormErrors } from '../../lib/graphqlErrors';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanLifecycleQuery } from './documents';

/** The plan version a lifecycle page is about, loaded with what it needs. */
export function usePlanLifecycle() {
  const { planId = '' } = useParams();
  const [result, reload] = useQuery({ query: PlanLifecycleQuery, variables: { id: planId } });
  const node = result.data?.node;
  const plan = node?.__typename === 'Plan' ? node : null;
  return { plan, today: result.data?.me.today ?? null, fetching: result.fetching, reload: () => reload({ requestPolicy: 'network-only' }) };
}

export type LifecyclePlan = NonNullable<ReturnType<typeof usePlanLifecycle>['plan']>;

/** "Mabel's plan, version 2": the caption of every lifecycle page. */
export function planCaption(plan: LifecyclePlan): string {
  const who = plan.person.preferredName ? `${plan.person.preferredName}'s plan` : 'Plan';
  return plan.episode > 1 ? `${who} ${plan.episode}, version ${plan.version}` : `${who}, version ${plan.version}`;
}

/** Loading and not-found states, so each page only handles a loaded plan. */
export function PlanGate({ state, children }: { state: ReturnType<typeof usePlanLifecycle>; children: (plan: LifecyclePlan) => ReactNode }) {
  if (state.plan) return <>{children(state.plan)}</>;
  return (
    <p className="govuk-body" role="status">
      {state.fetching ? 'Loading the plan…' : 'There is no plan at this address, or none you have a basis to see.'}
    </p>
  );
}

/** What still stops a step in the plan's life, each with the rule behind it and, where the app has one, a link to the page that puts it right. */
export function MissingList({
  items,
  editHref,
  hrefFor,
}: {
  items: ReadonlyArray<{ rule?: string | null; field?: string; message: string }>;
  editHref?: string | undefined;
  hrefFor?: ((item: { field: string }) => string | undefined) | undefined;
}) {
  return (
    <>
      <ul className="govuk-list app-missing" aria-label="Still missing">
        {items.map((item, i) => {
          const href = item.field !== undefined ? hrefFor?.({ field: item.field }) : undefined;
          return (
            <li key={i} className="app-missing__item">
              {item.rule && (
                <Tag colour="orange" className="govuk-!-margin-right-2">
                  {item.rule}
                </Tag>
              )}
              {href ? (
                <Link className="govuk-link" href={href}>
                  {item.message}
                </Link>
              ) : (
                item.message
              )}
            </li>
          );
        })}
      </ul>
      {editHref && (
        <p className="govuk-body">
          <Link className="govuk-link" href={editHref}>
            Go to the draft plan to add what is missing
          </Link>
        </p>
      )}
    </>
  );
}

/** The page title for a lifecycle page, marking errors as GOV.UK asks. */
export function useLifecycleTitle(title: string, errors: FormErrors) {
  usePageTitle(title, hasErrors(errors));
}

/**
 * A date typed as day/month/year, as an instant: now, for today (something
 * that happened today happened before now, and the server refuses times in
 * the future); midday UTC for an earlier day (a day, not a moment).
 */
export function dateAsInstant(date: string | null, now: Date = new Date()): string | null {
  if (!date) return null;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
  return date === today ? now.toISOString() : `${date}T12:00:00Z`;
}
