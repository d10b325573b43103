import { DateInput, Radios, Select, Textarea } from '../../../../components';
import { parseDateFields, type DateFields } from '../../../../lib/dates';
import type { FieldIds } from '../../../../lib/graphqlErrors';
import { achievements, outcomeDomains, outcomeKinds } from '../../labels';
import { clientErrors, FormShell, type SaveResult, useForm } from '../../../../lib/forms';

export interface OutcomeFormValues {
  statement: string;
  kind: string;
  domain: string;
  targetDate: DateFields;
  measure: string;
  supportRequired: string;
  achievement: string;
}

/** Input field → control id, in the order the form shows them. */
export const outcomeFieldIds: FieldIds = [
  ['statement', 'statement'],
  ['kind', 'kind'],
  ['domain', 'domain'],
  ['targetDate', 'targetDate-day'],
  ['measure', 'measure'],
  ['supportRequired', 'supportRequired'],
  ['achievement', 'achievement'],
];

export function validateOutcome(values: OutcomeFormValues) {
  const date = parseDateFields(values.targetDate, 'Target date');
  return clientErrors(outcomeFieldIds, {
    statement: values.statement.trim() ? null : "Enter the outcome in the person's words",
    domain: values.domain ? null : 'Select the part of life the outcome is about',
    targetDate: 'error' in date ? date.error : null,
  });
}

export interface OutcomeFormProps {
  initial: OutcomeFormValues;
  personName: string;
  editing: boolean;
  cancelHref: string;
  onSave: (values: OutcomeFormValues) => Promise<SaveResult>;
}

/** Add or change an outcome (R5): in the person's words, its kind, when, and how everyone will know. */
export function OutcomeForm({ initial, personName, editing, cancelHref, onSave }: OutcomeFormProps) {
  const { values, set, errors, submitting, submit } = useForm(initial, validateOutcome, onSave);
  const error = (field: string) => errors.fields[field];
  return (
    <FormShell
      heading={editing ? 'Change the outcome' : 'Add an outcome'}
      caption={`Draft plan for ${personName}`}
      errors={errors}
      submitting={submitting}
      submitLabel={editing ? 'Save the outcome' : 'Add the outcome'}
      cancelHref={cancelHref}
      onSubmit={submit}
    >
      <Textarea
        id="statement"
        label="What does the person want to achieve, change or keep the same?"
        labelSize="m"
        hint={`Use ${personName}'s own words.`}
        rows={3}
        value={values.statement}
        error={error('statement')}
        onChange={(event) => set('statement', event.currentTarget.value)}
      />
      <Radios
        name="kind"
        legend="What kind of outcome is it?"
        legendSize="s"
        value={values.kind || null}
        error={error('kind')}
        onChange={(kind) => set('kind', kind)}
        items={Object.entries(outcomeKinds).map(([value, text]) => ({ value, label: text }))}
      />
      <Select
        id="domain"
        label="Which part of life is it about?"
        labelSize="s"
        hint="Explore social outcomes too, not only personal care."
        value={values.domain}
        error={error('domain')}
        onChange={(event) => set('domain', event.currentTarget.value)}
        options={[{ value: '', text: 'Select one' }, ...Object.entries(outcomeDomains).map(([value, text]) => ({ value, text }))]}
      />
      <DateInput
        id="targetDate"
        legend="When does the person hope to achieve it? (optional)"
        legendSize="s"
        hint="For example, 27 3 2027. An outcome needs a target date or steps before the plan can be agreed."
        value={values.targetDate}
        error={error('targetDate')}
        onChange={(targetDate) => set('targetDate', targetDate)}
      />
      <Textarea
        id="measure"
        label="How will everyone know it is achieved? (optional)"
        labelSize="s"
        rows={3}
        value={values.measure}
        error={error('measure')}
        onChange={(event) => set('measure', event.currentTarget.value)}
      />
      <Textarea
        id="supportRequired"
        label="What support is needed to get there? (optional)"
        labelSize="s"
        rows={3}
        value={values.supportRequired}
        error={error('supportRequired')}
        onChange={(event) => set('supportRequired', event.currentTarget.value)}
      />
      {editing && (
        <Select
          id="achievement"
          label="How far is it achieved?"
          labelSize="s"
          value={values.achievement}
          error={error('achievement')}
          onChange={(event) => set('achievement', event.currentTarget.value)}
          options={Object.entries(achievements).map(([value, { text }]) => ({ value, text }))}
        />
      )}
    </FormShell>
  );
}
