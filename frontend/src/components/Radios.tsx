import { Fragment, useState, type ReactNode } from 'react';
import { cx, describedBy } from './classNames';
import { ErrorMessage } from './ErrorMessage';
import { Fieldset } from './Fieldset';
import { Hint, type LabelSize } from './FormParts';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Shown beneath the option while it is selected (a conditional reveal). */
  conditional?: ReactNode;
  disabled?: boolean;
  /** Overrides the generated id. */
  id?: string;
}

export type RadiosItem = RadioOption | { divider: string };

export interface RadiosProps {
  name: string;
  /** Prefix for generated ids; the first option's id is the prefix itself, so the error summary can link to it. Defaults to the name. */
  idPrefix?: string | undefined;
  legend: ReactNode;
  legendSize?: LabelSize | undefined;
  isPageHeading?: boolean | undefined;
  hint?: ReactNode | undefined;
  error?: ReactNode | undefined;
  items: readonly RadiosItem[];
  /** Controlled value; pass null for "nothing selected". */
  value?: string | null | undefined;
  defaultValue?: string | undefined;
  onChange?: ((value: string) => void) | undefined;
  inline?: boolean | undefined;
  small?: boolean | undefined;
  formGroupClassName?: string | undefined;
}

const isDivider = (item: RadiosItem): item is { divider: string } => 'divider' in item;

/** The id GOV.UK gives an option: the prefix for the first, then prefix-2, prefix-3… */
export function choiceId(prefix: string, index: number): string {
  return index === 0 ? prefix : `${prefix}-${index + 1}`;
}

/** govuk-radios inside a fieldset, with hint and error message described. */
export function Radios(props: RadiosProps) {
  const { name, legend, legendSize, isPageHeading, hint, error, items, onChange } = props;
  const idPrefix = props.idPrefix ?? name;
  const [uncontrolled, setUncontrolled] = useState(props.defaultValue ?? null);
  const selected = props.value !== undefined ? props.value : uncontrolled;
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;

  let optionIndex = 0;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error', props.formGroupClassName)}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)}>
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={cx('govuk-radios', props.inline && 'govuk-radios--inline', props.small && 'govuk-radios--small')}>
          {items.map((item, position) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${position}`} className="govuk-radios__divider">
                  {item.divider}
                </div>
              );
            }
            const id = item.id ?? choiceId(idPrefix, optionIndex++);
            const itemHintId = item.hint ? `${id}-item-hint` : undefined;
            const conditionalId = item.conditional ? `conditional-${id}` : undefined;
            const checked = selected === item.value;
            return (
              <Fragment key={item.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={id}
                    name={name}
                    type="radio"
                    value={item.value}
                    checked={checked}
                    disabled={item.disabled}
                    aria-describedby={itemHintId}
                    // govuk-frontend also sets aria-expanded here, but ARIA 1.2 does not
                    // allow it on a radio (axe: aria-allowed-attr); the checked state says it.
                    aria-controls={conditionalId}
                    onChange={() => {
                      setUncontrolled(item.value);
                      onChange?.(item.value);
                    }}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={id}>
                    {item.label}
                  </label>
                  {itemHintId && <Hint id={itemHintId} className="govuk-radios__hint">{item.hint}</Hint>}
                </div>
                {conditionalId && (
                  <div className={cx('govuk-radios__conditional', !checked && 'govuk-radios__conditional--hidden')} id={conditionalId}>
                    {item.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </Fieldset>
    </div>
  );
}
