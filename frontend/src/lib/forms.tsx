import { useState, type FormEvent, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { Button, ErrorSummary, Link } from '../components';
import { formErrorsFrom, hasErrors, noErrors, summaryOf, type FieldIds, type FormErrors } from './graphqlErrors';
import { usePageTitle } from './usePageTitle';

/**
 * Forms across the app: their own checks in the server's error shape, state
 * that keeps what was typed whatever a save does, the errors a mutation
 * answered mapped to fields, and a small GOV.UK form shell for one action.
 */

/** The form's own checks, in the same shape as the server's errors. */
export function clientErrors(fieldIds: FieldIds, messages: Record<string, string | null | undefined>): FormErrors {
  const fields: Record<string, string> = {};
  for (const [field, message] of Object.entries(messages)) if (message) fields[field] = message;
  return { fields, summary: summaryOf(fieldIds, fields), problem: null };
}

/** What a form's save returns: nothing when it worked, or the errors to show. */
export type SaveResult = FormErrors | null;

/**
 * A form's values and errors. Values are kept whatever happens to a save:
 * a failed save shows its errors beside the fields and nothing typed is lost.
 */
export function useForm<Values>(initial: Values, validate: (values: Values) => FormErrors, save: (values: Values) => Promise<SaveResult>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  const submit = async () => {
    if (submitting) return;
    const local = validate(values);
    if (hasErrors(local)) {
      setErrors(local);
      return;
    }
    setSubmitting(true);
    try {
      const result = await save(values);
      setErrors(result ?? noErrors);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, set, setValues, errors, submitting, submit };
}

/** A trimmed text, or null when blank. */
export const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The errors of a mutation to show in the form, or null when it saved. */
export function saveErrors(result: { data?: unknown; error?: CombinedError | undefined }, fieldIds: FieldIds): FormErrors | null {
  if (result.data && !result.error) return null;
  const errors = formErrorsFrom(result.error, fieldIds);
  if (errors.summary.length === 0 && !errors.problem) {
    return { ...errors, problem: { kind: 'other', message: 'Sorry, the change was not saved. Try again.' } };
  }
  return errors;
}

/** Where a saved change returns to, with the banner it shows there. */
export interface SavedState {
  saved?: string;
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
      <ErrorSummary errors={errors.summary} description={errors.problem?.message} rule={errors.problem?.rule} />
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

export interface FormShellProps {
  /** The page heading, and the page title. */
  heading: string;
  caption?: string | undefined;
  hint?: ReactNode;
  errors: FormErrors;
  submitting: boolean;
  submitLabel: string;
  cancelHref: string;
  onSubmit: () => void;
  children: ReactNode;
}

/**
 * A GOV.UK question page around a form: the error summary (linking to each
 * field, and saying what no field can, such as a conflicting save), the
 * heading, the fields, and Save with a Cancel link.
 */
export function FormShell({ heading, caption, hint, errors, submitting, submitLabel, cancelHref, onSubmit, children }: FormShellProps) {
  usePageTitle(heading, hasErrors(errors));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds-from-desktop">
        <ErrorSummary errors={errors.summary} description={errors.problem?.message} rule={errors.problem?.rule} />
        {caption && <span className="govuk-caption-l">{caption}</span>}
        <h1 className="govuk-heading-l">{heading}</h1>
        {hint}
        <form onSubmit={submit} noValidate>
          {children}
          <div className="govuk-button-group">
            <Button disabled={submitting} aria-disabled={submitting || undefined}>
              {submitting ? 'Saving…' : submitLabel}
            </Button>
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
