import type { TextareaHTMLAttributes } from 'react';
import { cx, describedBy } from './classNames';
import { Field, type FieldProps } from './FormParts';

export type TextareaProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'children'>;

/** govuk-textarea with its label, hint and error message. */
export function Textarea(props: TextareaProps) {
  const { id, name, label, labelSize, isPageHeading, hint, error, formGroupClassName, className, rows = 5, ...textarea } = props;
  return (
    <Field {...{ id, label, labelSize, isPageHeading, hint, error, formGroupClassName }}>
      {({ hintId, errorId }) => (
        <textarea
          {...textarea}
          id={id}
          name={name ?? id}
          rows={rows}
          className={cx('govuk-textarea', error && 'govuk-textarea--error', className)}
          aria-describedby={describedBy(hintId, errorId, textarea['aria-describedby'])}
        />
      )}
    </Field>
  );
}
