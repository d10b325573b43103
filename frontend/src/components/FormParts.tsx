import type { ReactNode } from 'react';
import { cx } from './classNames';
import { ErrorMessage } from './ErrorMessage';

export type LabelSize = 's' | 'm' | 'l' | 'xl';

/** govuk-label, optionally as the page heading. */
export function Label(props: { htmlFor: string; children: ReactNode; size?: LabelSize | undefined; isPageHeading?: boolean | undefined; className?: string | undefined }) {
  const label = (
    <label className={cx('govuk-label', props.size && `govuk-label--${props.size}`, props.className)} htmlFor={props.htmlFor}>
      {props.children}
    </label>
  );
  return props.isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

/** govuk-hint. */
export function Hint(props: { id: string; children: ReactNode; className?: string | undefined }) {
  return (
    <div id={props.id} className={cx('govuk-hint', props.className)}>
      {props.children}
    </div>
  );
}

/** Props every single-field component shares. */
export interface FieldProps {
  /** The control's id: the error summary links to it. */
  id: string;
  /** Form field name; defaults to the id. */
  name?: string | undefined;
  label: ReactNode;
  labelSize?: LabelSize | undefined;
  isPageHeading?: boolean | undefined;
  hint?: ReactNode | undefined;
  /** The error message; its presence puts the field in its error state. */
  error?: ReactNode | undefined;
  formGroupClassName?: string | undefined;
}

/** Label, hint and error message around a single control, wired to it. */
export function Field(props: FieldProps & { children: (ids: { hintId?: string; errorId?: string }) => ReactNode }) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <div className={cx('govuk-form-group', props.error && 'govuk-form-group--error', props.formGroupClassName)}>
      <Label htmlFor={props.id} size={props.labelSize} isPageHeading={props.isPageHeading}>
        {props.label}
      </Label>
      {hintId && <Hint id={hintId}>{props.hint}</Hint>}
      {errorId && <ErrorMessage id={errorId}>{props.error}</ErrorMessage>}
      {props.children({ ...(hintId && { hintId }), ...(errorId && { errorId }) })}
    </div>
  );
}
