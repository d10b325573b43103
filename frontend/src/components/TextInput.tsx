import type { InputHTMLAttributes } from 'react';
import { cx, describedBy } from './classNames';
import { Field, type FieldProps } from './FormParts';

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30 | 'full' | 'three-quarters' | 'two-thirds' | 'one-half' | 'one-third' | 'one-quarter';

export type TextInputProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'children'> & {
    width?: InputWidth | undefined;
    prefix?: string | undefined;
    suffix?: string | undefined;
  };

function widthClass(width: InputWidth | undefined) {
  if (width === undefined) return undefined;
  return typeof width === 'number' ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

/** govuk-input with its label, hint and error message. */
export function TextInput(props: TextInputProps) {
  const { id, name, label, labelSize, isPageHeading, hint, error, formGroupClassName, width, prefix, suffix, className, type = 'text', ...input } = props;
  return (
    <Field {...{ id, label, labelSize, isPageHeading, hint, error, formGroupClassName }}>
      {({ hintId, errorId }) => {
        const control = (
          <input
            {...input}
            id={id}
            name={name ?? id}
            type={type}
            className={cx('govuk-input', error && 'govuk-input--error', widthClass(width), className)}
            aria-describedby={describedBy(hintId, errorId, input['aria-describedby'])}
          />
        );
        if (!prefix && !suffix) return control;
        return (
          <div className="govuk-input__wrapper">
            {prefix && (
              <div className="govuk-input__prefix" aria-hidden="true">
                {prefix}
              </div>
            )}
            {control}
            {suffix && (
              <div className="govuk-input__suffix" aria-hidden="true">
                {suffix}
              </div>
            )}
          </div>
        );
      }}
    </Field>
  );
}
