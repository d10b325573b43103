import { useState } from 'react';
import { useMutation } from 'urql';
import { Details, Radios, Textarea, TextInput } from '../../components';
import type { NeedEffect } from '../../gql/graphql';
import { hasErrors, type FieldIds } from '../../lib/graphqlErrors';
import { ActionForm, actionErrors, clientErrors, useAction } from '../../lib/forms';
import { CreateNeedMutation } from './documents';

const needFieldIds: FieldIds = [
  ['area', 'needArea'],
  ['description', 'needDescription'],
  ['effect', 'needEffect'],
  ['personView', 'needPersonView'],
];

/**
 * Records a need from the assessment, with the person's own view of it, so
 * a draft plan can say which needs it addresses (R1 a). Folded away until
 * asked for.
 */
export function RecordNeed({ personID }: { personID: string }) {
  const [, create] = useMutation(CreateNeedMutation);
  const action = useAction();
  const [area, setArea] = useState('');
  const [description, setDescription] = useState('');
  const [effect, setEffect] = useState<NeedEffect | ''>('');
  const [personView, setPersonView] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Details summary="Record a need">
      {saved && (
        <p className="govuk-body" role="status">
          {saved}
        </p>
      )}
      <ActionForm
        errors={action.errors}
        busy={action.busy}
        submitLabel="Record the need"
        onSubmit={() =>
          void action.run(async () => {
            const local = clientErrors(needFieldIds, {
              area: area.trim() ? null : 'Enter the area of daily life',
              description: description.trim() ? null : 'Describe the need',
            });
            if (hasErrors(local)) return local;
            const r = await create({
              input: {
                personID,
                area: area.trim(),
                description: description.trim(),
                ...(effect && { effect }),
                ...(personView.trim() && { personView: personView.trim() }),
              },
            });
            const errors = actionErrors(r, needFieldIds);
            if (!errors) {
              setSaved(`Need recorded: ${area.trim()}`);
              setArea('');
              setDescription('');
              setEffect('');
              setPersonView('');
            }
            return errors;
          })
        }
      >
        <TextInput id="needArea" label="Area of daily life" labelSize="s" hint="For example, “Preparing meals”." value={area} error={action.errors.fields.area} onChange={(e) => setArea(e.currentTarget.value)} />
        <Textarea id="needDescription" label="The need" labelSize="s" rows={3} value={description} error={action.errors.fields.description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Radios
          name="needEffect"
          legend="What can reablement do about it?"
          legendSize="s"
          small
          error={action.errors.fields.effect}
          value={effect || null}
          onChange={(v) => setEffect(v as NeedEffect)}
          items={[
            { value: 'PREVENT', label: 'Prevent it' },
            { value: 'REDUCE', label: 'Reduce it' },
            { value: 'DELAY', label: 'Delay it' },
            { value: 'NONE', label: 'None of these' },
          ]}
        />
        <Textarea
          id="needPersonView"
          label="The person's view, in their words"
          labelSize="s"
          rows={2}
          value={personView}
          error={action.errors.fields.personView}
          onChange={(e) => setPersonView(e.currentTarget.value)}
        />
      </ActionForm>
    </Details>
  );
}
