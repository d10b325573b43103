import type { ReactNode } from 'react';
import { cx } from './classNames';

export interface ErrorMessageProps {
  id?: string | undefined;
  children: ReactNode;
  /** Read before the message by screen readers; GOV.UK's default is "Error". */
  visuallyHiddenText?: string;
  className?: string;
}

/** govuk-error-message: the message shown above a field in its error state. */
export function ErrorMessage({ id, children, visuallyHiddenText = 'Error', className }: ErrorMessageProps) {
  return (
    <p id={id} className={cx('govuk-error-message', className)}>
      {visuallyHiddenText && <span className="govuk-visually-hidden">{visuallyHiddenText}:</span>} {children}
    </p>
  );
}
