import type { ReactNode } from 'react';
import { cx } from './classNames';
import type { LabelSize } from './FormParts';

export interface FieldsetProps {
  legend?: ReactNode;
  legendSize?: LabelSize | undefined;
  /** Puts the legend's text in the page's h1 (one question per page). */
  isPageHeading?: boolean | undefined;
  /** Ids of hints and errors that describe the whole group. */
  describedBy?: string | undefined;
  role?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}

/** govuk-fieldset: groups related inputs under a legend. */
export function Fieldset({ legend, legendSize, isPageHeading, describedBy, role, className, children }: FieldsetProps) {
  return (
    <fieldset className={cx('govuk-fieldset', className)} aria-describedby={describedBy} role={role}>
      {legend && (
        <legend className={cx('govuk-fieldset__legend', legendSize && `govuk-fieldset__legend--${legendSize}`)}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
      )}
      {children}
    </fieldset>
  );
}
