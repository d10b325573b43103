import { useState, type FormEvent } from 'react';
import { Button, ErrorSummary, Radios, Select, Textarea, TextInput } from '../../../components';
import type { FormErrors } from '../../../lib/graphqlErrors';
import { concernKinds, stepStatuses } from '../labels';
import { stepsToRecord, type RecordFormValues } from '../record';
import type { TodayVisit } from '../types';

export interface RecordVisitFormProps {
  visit: Pick<TodayVisit, 'plan'>;
  initial: RecordFormValues;
  errors: FormErrors;
  submitting: boolean;
  onSubmit: (values: RecordFormValues) => void;
}

const progressOptions = [{ value: '', text: 'No change' }, ...Object.entries(stepStatuses).map(([value, text]) => ({ value, text }))];

/**
 * Record a visit: times, what was done, progress on each step being worked
 * on, and an optional concern. Keeps what was typed whatever happens to it.
 */
export function RecordVisitForm({ visit, initial, errors, submitting, onSubmit }: RecordVisitFormProps) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof RecordFormValues>(key: K, value: RecordFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const steps = stepsToRecord(visit);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };
  return (
    <form onSubmit={submit} noValidate className="app-record-form">
      <ErrorSummary errors={errors.summary} description={errors.problem?.message} />
      <TextInput
        id="arrivedAt"
        label="Time you arrived"
        labelSize="s"
        hint="24-hour clock, for example 9:30 or 14:05"
        type="time"
        width={5}
        value={values.arrivedAt}
        error={errors.fields.arrivedAt}
        onChange={(event) => set('arrivedAt', event.currentTarget.value)}
      />
      <TextInput
        id="departedAt"
        label="Time you left"
        labelSize="s"
        type="time"
        width={5}
        value={values.departedAt}
        error={errors.fields.departedAt}
        onChange={(event) => set('departedAt', event.currentTarget.value)}
      />
      <Textarea
        id="notes"
        label="What was done"
        labelSize="s"
        hint="What you did together, how the person was, anything the next worker should know."
        rows={4}
        value={values.notes}
        error={errors.fields.notes}
        onChange={(event) => set('notes', event.currentTarget.value)}
      />
      {steps.length > 0 && (
        <fieldset className="govuk-fieldset app-progress-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Progress on each step</legend>
          {steps.map(({ outcome, step }, index) => (
            <Select
              key={step.id}
              id={`progress-${step.id}`}
              label={step.description || `Step ${index + 1}`}
              hint={`Towards “${outcome.statement || 'the outcome'}”. Now: ${stepStatuses[step.status as keyof typeof stepStatuses] ?? 'Not started'}.`}
              options={progressOptions}
              value={values.progress[step.id] ?? ''}
              error={errors.fields[`progress-${step.id}`]}
              onChange={(event) => {
                const status = event.currentTarget.value;
                setValues((current) => ({ ...current, progress: { ...current.progress, [step.id]: status } }));
              }}
            />
          ))}
        </fieldset>
      )}
      <Radios
        name="concernKind"
        legend="Do you have a concern? (optional)"
        legendSize="s"
        hint="A safeguarding concern goes straight to the person's practitioner."
        value={values.concernKind}
        error={errors.fields.concernKind}
        onChange={(kind) => set('concernKind', kind)}
        items={[
          { value: '', label: 'No concern' },
          ...Object.entries(concernKinds).map(([value, kind]) => ({ value, label: kind.text, ...(kind.hint && { hint: kind.hint }) })),
        ]}
      />
      {values.concernKind && (
        <Textarea
          id="concernDetails"
          label="What did you see or hear?"
          labelSize="s"
          rows={4}
          value={values.concernDetails}
          error={errors.fields.concernDetails}
          onChange={(event) => set('concernDetails', event.currentTarget.value)}
        />
      )}
      <Button disabled={submitting} aria-disabled={submitting || undefined} className="app-button--full">
        {submitting ? 'Saving…' : 'Save the visit record'}
      </Button>
    </form>
  );
}
