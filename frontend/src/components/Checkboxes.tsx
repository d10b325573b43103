import { Fragment, useState, type ReactNode } from 'react';
import { cx, describedBy } from './classNames';
import { ErrorMessage } from './ErrorMessage';
import { Fieldset } from './Fieldset';
import { Hint, type LabelSize } from './FormParts';
import { choiceId } from './Radios';

export interface CheckboxOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  conditional?: ReactNode;
  disabled?: boolean;
  id?: string;
  /**
   * A "none of these" answer: checking it clears the others, checking any
   * other clears it. Put it after a divider ("or").
   */
  exclusive?: boolean;
}

export type CheckboxesItem = CheckboxOption | { divider: string };

export interface CheckboxesProps {
  name: string;
  idPrefix?: string | undefined;
  legend: ReactNode;
  legendSize?: LabelSize | undefined;
  isPageHeading?: boolean | undefined;
  hint?: ReactNode | undefined;
  error?: ReactNode | undefined;
  items: readonly CheckboxesItem[];
  value?: readonly string[] | undefined;
  defaultValue?: readonly string[] | undefined;
  onChange?: ((value: string[]) => void) | undefined;
  small?: boolean | undefined;
  formGroupClassName?: string | undefined;
}

const isDivider = (item: CheckboxesItem): item is { divider: string } => 'divider' in item;

/** govuk-checkboxes inside a fieldset, with hint, error and "none" behaviour. */
export function Checkboxes(props: CheckboxesProps) {
  const { name, legend, legendSize, isPageHeading, hint, error, items, onChange } = props;
  const idPrefix = props.idPrefix ?? name;
  const [uncontrolled, setUncontrolled] = useState<readonly string[]>(props.defaultValue ?? []);
  const selected = props.value ?? uncontrolled;
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const options = items.filter((item): item is CheckboxOption => !isDivider(item));

  const toggle = (option: CheckboxOption, checked: boolean) => {
    let next: string[];
    if (!checked) next = selected.filter((value) => value !== option.value);
    else if (option.exclusive) next = [option.value];
    else {
      const exclusive = new Set(options.filter((o) => o.exclusive).map((o) => o.value));
      next = [...selected.filter((value) => !exclusive.has(value)), option.value];
    }
    setUncontrolled(next);
    onChange?.(next);
  };

  let optionIndex = 0;
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error', props.formGroupClassName)}>
      <Fieldset legend={legend} legendSize={legendSize} isPageHeading={isPageHeading} describedBy={describedBy(hintId, errorId)}>
        {hintId && <Hint id={hintId}>{hint}</Hint>}
        {errorId && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={cx('govuk-checkboxes', props.small && 'govuk-checkboxes--small')}>
          {items.map((item, position) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${position}`} className="govuk-checkboxes__divider">
                  {item.divider}
                </div>
              );
            }
            const id = item.id ?? choiceId(idPrefix, optionIndex++);
            const itemHintId = item.hint ? `${id}-item-hint` : undefined;
            const conditionalId = item.conditional ? `conditional-${id}` : undefined;
            const checked = selected.includes(item.value);
            return (
              <Fragment key={item.value}>
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id={id}
                    name={name}
                    type="checkbox"
                    value={item.value}
                    checked={checked}
                    disabled={item.disabled}
                    aria-describedby={itemHintId}
                    aria-controls={conditionalId}
                    aria-expanded={conditionalId ? checked : undefined}
                    onChange={(event) => toggle(item, event.currentTarget.checked)}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                    {item.label}
                  </label>
                  {itemHintId && <Hint id={itemHintId} className="govuk-checkboxes__hint">{item.hint}</Hint>}
                </div>
                {conditionalId && (
                  <div className={cx('govuk-checkboxes__conditional', !checked && 'govuk-checkboxes__conditional--hidden')} id={conditionalId}>
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
