import type { FormEvent, ReactNode } from 'react';
import { Button, ErrorSummary, Link } from '../../../../components';
import { hasErrors, type FormErrors } from '../../../../lib/graphqlErrors';
import { usePageTitle } from '../../../../lib/usePageTitle';

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
        <ErrorSummary errors={errors.summary} description={errors.problem?.message} />
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
