import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

export interface ErrorSummaryItem {
  /** The id of the field in error (for a group: its first input). */
  fieldId: string;
  text: ReactNode;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  title?: ReactNode;
  description?: ReactNode;
  /** The rule behind a refusal, e.g. "R31": small print under the description, never the message itself. */
  rule?: string | undefined;
  /** GOV.UK focuses the summary as the page loads; turn off only with good reason. */
  disableAutoFocus?: boolean;
}

/**
 * The label or legend a user needs to see when jumping to a field: a fieldset's
 * legend when the field is the first in it, otherwise the field's label.
 */
function captionFor(input: HTMLElement): HTMLElement | null {
  const fieldset = input.closest('fieldset');
  const legend = fieldset?.querySelector('legend');
  if (fieldset && legend) {
    const inputs = fieldset.querySelectorAll('input, textarea, select');
    if (input.getAttribute('type') === 'checkbox' || input.getAttribute('type') === 'radio' || inputs[0] === input) {
      const legendTop = legend.getBoundingClientRect().top;
      const inputRect = input.getBoundingClientRect();
      // Scroll to the legend only if the field stays on screen with it.
      if (inputRect.height === 0 || window.innerHeight === 0 || inputRect.top + inputRect.height - legendTop < window.innerHeight / 2) {
        return legend;
      }
    }
  }
  return document.querySelector<HTMLElement>(`label[for='${CSS.escape(input.id)}']`) ?? input.closest('label');
}

/**
 * govuk-error-summary. With no field errors but a description (a problem no
 * field can show, such as a conflicting save), it shows the description alone.
 * Focuses itself when shown (and whenever the errors
 * change) so screen readers announce it; each link moves focus to its field
 * and scrolls the field's label or legend into view, as govuk-frontend does.
 */
export function ErrorSummary({ errors, title = 'There is a problem', description, rule, disableAutoFocus }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((error) => error.fieldId).join(' ');

  const shown = errors.length > 0 || Boolean(description);
  // A text description is part of what changed; rendered descriptions are not compared.
  const descriptionKey = typeof description === 'string' ? description : null;

  useEffect(() => {
    if (!disableAutoFocus && shown) ref.current?.focus();
    // Refocus when a new submission produces a different set of errors.
  }, [signature, disableAutoFocus, shown, descriptionKey]);

  if (!shown) return null;

  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const input = document.getElementById(fieldId);
    if (!input) return;
    event.preventDefault();
    const caption = captionFor(input);
    (caption ?? input).scrollIntoView?.();
    input.focus({ preventScroll: true });
  };

  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          {rule && <p className="govuk-body-s app-rule">Rule {rule} of the reablement procedures</p>}
          {errors.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error) => (
                <li key={error.fieldId}>
                  <a href={`#${error.fieldId}`} onClick={(event) => onLinkClick(event, error.fieldId)}>
                    {error.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
