import type { SelectHTMLAttributes } from 'react';
import { cx, describedBy } from './classNames';
import { Field, type FieldProps } from './FormParts';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export type SelectProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'children'> & {
    options: readonly SelectOption[];
  };

/**
 * govuk-select. GOV.UK advises radios over a select wherever the options fit;
 * use this for long, familiar lists only.
 */
export function Select(props: SelectProps) {
  const { id, name, label, labelSize, isPageHeading, hint, error, formGroupClassName, className, options, ...select } = props;
  return (
    <Field {...{ id, label, labelSize, isPageHeading, hint, error, formGroupClassName }}>
      {({ hintId, errorId }) => (
        <select
          {...select}
          id={id}
          name={name ?? id}
          className={cx('govuk-select', error && 'govuk-select--error', className)}
          aria-describedby={describedBy(hintId, errorId, select['aria-describedby'])}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
