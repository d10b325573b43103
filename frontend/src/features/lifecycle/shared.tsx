import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery, type CombinedError } from 'urql';
import { Button, ErrorSummary, Link, Tag } from '../../components';
import { formErrorsFrom, hasErrors, noErrors, type FieldIds, type FormErrors } from '../../lib/graphqlErrors';
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

/** What still stops a step in the plan's life, each with the rule behind it. */
export function MissingList({ items, editHref }: { items: ReadonlyArray<{ rule?: string | null; message: string }>; editHref?: string | undefined }) {
  return (
    <>
      <ul className="govuk-list app-missing" aria-label="Still missing">
        {items.map((item, i) => (
          <li key={i} className="app-missing__item">
            {item.rule && (
              <Tag colour="orange" className="govuk-!-margin-right-2">
                {item.rule}
              </Tag>
            )}
            {item.message}
          </li>
        ))}
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

/** A mutation's errors shaped for a form; null when it worked. */
export function actionErrors(result: { data?: unknown; error?: CombinedError | undefined }, fieldIds: FieldIds): FormErrors | null {
  if (result.data && !result.error) return null;
  const errors = formErrorsFrom(result.error, fieldIds);
  return hasErrors(errors) ? errors : { ...errors, problem: { kind: 'other', message: 'Sorry, that was not recorded. Try again.' } };
}

/**
 * One action on the plan as a small GOV.UK form: its own error summary,
 * fields and button. Nothing typed is lost when the server refuses.
 */
export function ActionForm({
  heading,
  headingLevel = 2,
  errors,
  submitLabel,
  busy,
  onSubmit,
  children,
}: {
  heading?: string;
  headingLevel?: 1 | 2 | 3;
  errors: FormErrors;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  children?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="govuk-!-margin-bottom-6">
      <ErrorSummary errors={errors.summary} description={errors.problem?.message} />
      {heading && <Heading className={headingLevel === 1 ? 'govuk-heading-l' : 'govuk-heading-m'}>{heading}</Heading>}
      {children}
      <Button disabled={busy} aria-disabled={busy || undefined}>
        {busy ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}

/** Form state for one action: errors and a busy flag around an async save. */
export function useAction() {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const run = async (save: () => Promise<FormErrors | null>) => {
    if (busy) return false;
    setBusy(true);
    try {
      const result = await save();
      setErrors(result ?? noErrors);
      return result === null;
    } finally {
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, run };
}

/** The page title for a lifecycle page, marking errors as GOV.UK asks. */
export function useLifecycleTitle(title: string, errors: FormErrors) {
  usePageTitle(title, hasErrors(errors));
}

/** A date typed as day/month/year, as an instant at midday UTC on that day (a day, not a moment). */
export function dateAsInstant(date: string | null): string | null {
  return date ? `${date}T12:00:00Z` : null;
}
