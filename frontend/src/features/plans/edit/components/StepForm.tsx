import { DateInput, Radios, Textarea } from '../../../../components';
import { parseDateFields, type DateFields } from '../../../../lib/dates';
import type { FieldIds } from '../../../../lib/graphqlErrors';
import { stepStatuses } from '../../labels';
import { clientErrors, FormShell, type SaveResult, useForm } from '../../../../lib/forms';

export interface StepFormValues {
  description: string;
  targetDate: DateFields;
  status: string;
}

export const stepFieldIds: FieldIds = [
  ['description', 'description'],
  ['targetDate', 'targetDate-day'],
  ['status', 'status'],
];

export function validateStep(values: StepFormValues) {
  const date = parseDateFields(values.targetDate, 'Target date');
  return clientErrors(stepFieldIds, {
    description: values.description.trim() ? null : 'Enter what the step is',
    targetDate: 'error' in date ? date.error : null,
  });
}

export interface StepFormProps {
  initial: StepFormValues;
  outcomeStatement: string;
  editing: boolean;
  cancelHref: string;
  onSave: (values: StepFormValues) => Promise<SaveResult>;
}

/** Add or change a step: a smaller goal on the way to an outcome. */
export function StepForm({ initial, outcomeStatement, editing, cancelHref, onSave }: StepFormProps) {
  const { values, set, errors, submitting, submit } = useForm(initial, validateStep, onSave);
  return (
    <FormShell
      heading={editing ? 'Change the step' : 'Add a step'}
      caption={`Towards “${outcomeStatement}”`}
      errors={errors}
      submitting={submitting}
      submitLabel={editing ? 'Save the step' : 'Add the step'}
      cancelHref={cancelHref}
      onSubmit={submit}
    >
      <Textarea
        id="description"
        label="What is the step?"
        labelSize="m"
        hint="A smaller goal on the way, for example “Walk to the end of the garden with the frame”."
        rows={3}
        value={values.description}
        error={errors.fields.description}
        onChange={(event) => set('description', event.currentTarget.value)}
      />
      <DateInput
        id="targetDate"
        legend="When should it be reached? (optional)"
        legendSize="s"
        hint="For example, 14 1 2027"
        value={values.targetDate}
        error={errors.fields.targetDate}
        onChange={(targetDate) => set('targetDate', targetDate)}
      />
      <Radios
        name="status"
        legend="Progress"
        legendSize="s"
        value={values.status}
        error={errors.fields.status}
        onChange={(status) => set('status', status)}
        items={Object.entries(stepStatuses).map(([value, text]) => ({ value, label: text }))}
      />
    </FormShell>
  );
}
