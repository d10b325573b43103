import type { ReactNode } from 'react';
import { cx, describedBy } from './classNames';
import { ErrorMessage } from './ErrorMessage';
import { Fieldset } from './Fieldset';
import { Hint, type LabelSize } from './FormParts';

export type DatePart = 'day' | 'month' | 'year';
export type DateParts = Record<DatePart, string>;

export const emptyDate: DateParts = { day: '', month: '', year: '' };

export interface DateInputProps {
  /** Inputs get `${id}-day`, `${id}-month`, `${id}-year`. */
  id: string;
  /** Input names are `${namePrefix}-day` etc.; defaults to the id. */
  namePrefix?: string | undefined;
  legend: ReactNode;
  legendSize?: LabelSize | undefined;
  isPageHeading?: boolean | undefined;
  hint?: ReactNode | undefined;
  error?: ReactNode | undefined;
  /** Which parts the error is about; all of them when not given. */
  errorParts?: readonly DatePart[] | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
  /** For a date of birth: autocomplete bday-day and so on. */
  isDateOfBirth?: boolean | undefined;
}

const parts: ReadonlyArray<{ part: DatePart; label: string; width: 2 | 4 }> = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/** The id the error summary should link to: the first part in error. */
export function dateInputErrorTarget(id: string, errorParts?: readonly DatePart[]): string {
  return `${id}-${errorParts?.[0] ?? 'day'}`;
}

/** govuk-date-input: day, month and year in a fieldset. */
export function DateInput(props: DateInputProps) {
  const { id, legend, legendSize, isPageHeading, hint, error, errorParts, value, onChange } = props;
  const namePrefix = props.namePrefix ?? id;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error')}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)} role="group">
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, label, width }) => {
            const inputId = `${id}-${part}`;
            const inError = Boolean(error) && (!errorParts || errorParts.includes(part));
            return (
              <div key={part} className="govuk-date-input__item">
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {label}
                  </label>
                  <input
                    className={cx('govuk-input govuk-date-input__input', `govuk-input--width-${width}`, inError && 'govuk-input--error')}
                    id={inputId}
                    name={`${namePrefix}-${part}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete={props.isDateOfBirth ? `bday-${part}` : undefined}
                    value={value[part]}
                    onChange={(event) => onChange({ ...value, [part]: event.currentTarget.value })}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
