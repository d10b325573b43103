import { useState, type FormEvent } from 'react';
import { Button, ErrorSummary, Radios, Select, Textarea, TextInput } from '../../../components';
import type { FormErrors } from '../../../lib/graphqlErrors';
import { concernKinds, stepStatuses, visitOutcomes } from '../labels';
import { stepsToRecord, type RecordFormValues } from '../record';
import { clockTime } from '../time';
import type { TodayVisit } from '../types';

export interface RecordVisitFormProps {
  visit: Pick<TodayVisit, 'plan'>;
  initial: RecordFormValues;
  errors: FormErrors;
  submitting: boolean;
  onSubmit: (values: RecordFormValues) => void;
  /** The clock, for "Arrived now" and "Left now" (tests pass their own). */
  now?: () => Date;
}

const progressOptions = [{ value: '', text: 'No change' }, ...Object.entries(stepStatuses).map(([value, text]) => ({ value, text }))];

/** A time field with a button that fills in the time now: one tap on the doorstep. */
function TimeField({ id, label, value, error, onChange, nowLabel, now }: { id: string; label: string; value: string; error: string | undefined; onChange: (value: string) => void; nowLabel: string; now: () => Date }) {
  return (
    <div className="app-time-field">
      <TextInput id={id} label={label} labelSize="s" hint="24-hour clock, for example 9:30 or 14:05" type="time" width={10} value={value} error={error} onChange={(event) => onChange(event.currentTarget.value)} />
      <Button type="button" variant="secondary" className="app-time-field__now" onClick={() => onChange(clockTime(now()))}>
        {nowLabel}
      </Button>
    </div>
  );
}

/**
 * Record a visit (issue 13): what happened (visited, no reply, declined,
 * cancelled with a reason), the times with one-tap "now" buttons, what was
 * done, progress on each step, a note for the next visit, and an optional
 * concern. Keeps what was typed whatever happens to it.
 */
export function RecordVisitForm({ visit, initial, errors, submitting, onSubmit, now = () => new Date() }: RecordVisitFormProps) {
  const [values, setValues] = useState(initial);
  const set = <K extends keyof RecordFormValues>(key: K, value: RecordFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const steps = stepsToRecord(visit);
  const outcome = values.outcome || 'VISITED';
  const visited = outcome === 'VISITED';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };
  const reason = (
    <Textarea
      id="outcomeReason"
      label={outcome === 'NO_REPLY' ? 'What did you do? (optional)' : 'Why did the visit not go ahead?'}
      labelSize="s"
      rows={3}
      value={values.outcomeReason}
      error={errors.fields.outcomeReason}
      onChange={(event) => set('outcomeReason', event.currentTarget.value)}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="app-record-form">
      <ErrorSummary errors={errors.summary} description={errors.problem?.message} />
      <Radios
        name="outcome"
        legend="What happened?"
        legendSize="s"
        value={outcome}
        error={errors.fields.outcome}
        onChange={(value) => set('outcome', value)}
        items={Object.entries(visitOutcomes).map(([value, text]) => ({ value, label: text, ...(value !== 'VISITED' && value === outcome && { conditional: reason }) }))}
      />
      {outcome !== 'CANCELLED' && (
        <TimeField
          id="arrivedAt"
          label={visited ? 'Time you arrived' : 'Time you were at the door'}
          nowLabel="Arrived now"
          value={values.arrivedAt}
          error={errors.fields.arrivedAt}
          onChange={(value) => set('arrivedAt', value)}
          now={now}
        />
      )}
      {visited && (
        <TimeField id="departedAt" label="Time you left" nowLabel="Left now" value={values.departedAt} error={errors.fields.departedAt} onChange={(value) => set('departedAt', value)} now={now} />
      )}
      <Textarea
        id="notes"
        label={visited ? 'What was done' : 'Notes (optional)'}
        labelSize="s"
        hint={visited ? 'What you did together and how the person was.' : undefined}
        rows={4}
        value={values.notes}
        error={errors.fields.notes}
        onChange={(event) => set('notes', event.currentTarget.value)}
      />
      {visited && steps.length > 0 && (
        <fieldset className="govuk-fieldset app-progress-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Progress on each step</legend>
          {steps.map(({ outcome: stepOutcome, step }, index) => (
            <Select
              key={step.id}
              id={`progress-${step.id}`}
              label={step.description || `Step ${index + 1}`}
              hint={`Towards “${stepOutcome.statement || 'the outcome'}”. Now: ${stepStatuses[step.status as keyof typeof stepStatuses] ?? 'Not started'}.`}
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
      <Textarea
        id="handover"
        label="Note for the next visit (optional)"
        labelSize="s"
        hint="Shown to whoever visits the person next."
        rows={3}
        value={values.handover}
        error={errors.fields.handover}
        onChange={(event) => set('handover', event.currentTarget.value)}
      />
      <Radios
        name="concernKind"
        legend="Do you have a concern? (optional)"
        legendSize="s"
        hint="It goes to whoever must act: the person's practitioner, and for safeguarding their team manager too."
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
