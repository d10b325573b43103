import { Textarea, TextInput } from '../../../../components';
import type { FieldIds } from '../../../../lib/graphqlErrors';
import { clientErrors, FormShell, type SaveResult, useForm } from '../../../../lib/forms';

export interface ContingencyFormValues {
  trigger: string;
  measures: string;
  whoActs: string;
}

export const contingencyFieldIds: FieldIds = [
  ['trigger', 'trigger'],
  ['measures', 'measures'],
  ['whoActs', 'whoActs'],
];

export function validateContingency(values: ContingencyFormValues) {
  return clientErrors(contingencyFieldIds, {
    trigger: values.trigger.trim() ? null : 'Enter what sets the contingency off',
    measures: values.measures.trim() ? null : 'Enter what will be done',
    whoActs: values.whoActs.trim() ? null : 'Enter who acts',
  });
}

export interface ContingencyFormProps {
  initial: ContingencyFormValues;
  riskDescription: string;
  editing: boolean;
  cancelHref: string;
  onSave: (values: ContingencyFormValues) => Promise<SaveResult>;
}

/** Add or change a contingency (R7): what sets it off, what will be done, and who acts. */
export function ContingencyForm({ initial, riskDescription, editing, cancelHref, onSave }: ContingencyFormProps) {
  const { values, set, errors, submitting, submit } = useForm(initial, validateContingency, onSave);
  return (
    <FormShell
      heading={editing ? 'Change the contingency' : 'Add a contingency'}
      caption={`For the risk: ${riskDescription}`}
      errors={errors}
      submitting={submitting}
      submitLabel={editing ? 'Save the contingency' : 'Add the contingency'}
      cancelHref={cancelHref}
      onSubmit={submit}
    >
      <Textarea
        id="trigger"
        label="What sets it off?"
        labelSize="s"
        hint="For example, “The person refuses two visits in a row”."
        rows={3}
        value={values.trigger}
        error={errors.fields.trigger}
        onChange={(event) => set('trigger', event.currentTarget.value)}
      />
      <Textarea
        id="measures"
        label="What will be done?"
        labelSize="s"
        rows={3}
        value={values.measures}
        error={errors.fields.measures}
        onChange={(event) => set('measures', event.currentTarget.value)}
      />
      <TextInput
        id="whoActs"
        label="Who acts?"
        labelSize="s"
        hint="A role or a name, for example “The allocated practitioner”."
        value={values.whoActs}
        error={errors.fields.whoActs}
        onChange={(event) => set('whoActs', event.currentTarget.value)}
      />
    </FormShell>
  );
}
