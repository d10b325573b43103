import { useState } from 'react';
import { useMutation } from 'urql';
import { Details, Radios, Select, Textarea, TextInput } from '../../components';
import type { ConsentGivenBy } from '../../gql/graphql';
import { hasErrors, type FieldIds } from '../../lib/graphqlErrors';
import { ActionForm, actionErrors, clientErrors, useAction } from '../../lib/forms';
import { RecordConsentMutation, RevokeShareMutation } from './documents';

const deciders: ReadonlyArray<{ value: ConsentGivenBy; label: string }> = [
  { value: 'PERSON', label: 'The person' },
  { value: 'ATTORNEY', label: 'Their attorney (lasting power of attorney)' },
  { value: 'DEPUTY', label: 'Their deputy (Court of Protection)' },
  { value: 'BEST_INTERESTS', label: 'A best-interests decision: they lack capacity to decide this' },
];

const consentFieldIds: FieldIds = [
  ['givenBy', 'givenBy'],
  ['decidedByName', 'decidedByName'],
  ['hadCapacity', 'hadCapacity'],
  ['covers', 'covers'],
  ['bestInterestsRecord', 'bestInterestsRecord'],
];

/**
 * Records the person's decision about sharing (R22) from the share screen,
 * so a practitioner with the person's consent in hand need not leave it.
 */
export function RecordSharingDecision({ personID, recipientName, onRecorded }: { personID: string; recipientName: string; onRecorded: (consentID: string) => void }) {
  const [, record] = useMutation(RecordConsentMutation);
  const action = useAction();
  const [givenBy, setGivenBy] = useState<ConsentGivenBy | ''>('');
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('');
  const [covers, setCovers] = useState('');
  const [bestInterests, setBestInterests] = useState('');
  const submit = () =>
    void action.run(async () => {
      const local = clientErrors(consentFieldIds, {
        givenBy: givenBy ? null : 'Select who made the decision',
        hadCapacity: capacity ? null : 'Say whether the person had capacity to make this decision',
        covers: covers.trim() || recipientName ? null : 'Say what the decision covers',
        bestInterestsRecord: givenBy === 'BEST_INTERESTS' && !bestInterests.trim() ? 'Record how the best-interests decision was reached' : null,
      });
      if (hasErrors(local)) return local;
      const r = await record({
        input: {
          personID,
          purpose: 'SHARING',
          givenBy: givenBy as ConsentGivenBy,
          hadCapacity: capacity === 'yes',
          covers: covers.trim() || `A copy of the plan for ${recipientName}`,
          decidedAt: new Date().toISOString(),
          ...(name.trim() && { decidedByName: name.trim() }),
          ...(bestInterests.trim() && { bestInterestsRecord: bestInterests.trim() }),
        },
      });
      const errors = actionErrors(r, consentFieldIds);
      if (!errors && r.data) onRecorded(r.data.recordConsent.id);
      return errors;
    });
  return (
    <Details summary="Record a new decision about sharing">
      <ActionForm errors={action.errors} busy={action.busy} submitLabel="Record the decision" onSubmit={submit}>
        <Radios name="givenBy" legend="Who made the decision?" legendSize="s" error={action.errors.fields.givenBy} value={givenBy || null} onChange={(v) => setGivenBy(v as ConsentGivenBy)} items={deciders} />
        {givenBy && givenBy !== 'PERSON' && (
          <TextInput id="decidedByName" label="Their name" labelSize="s" value={name} error={action.errors.fields.decidedByName} onChange={(event) => setName(event.currentTarget.value)} />
        )}
        <Radios
          name="hadCapacity"
          legend="Did the person have capacity to make this decision?"
          legendSize="s"
          small
          error={action.errors.fields.hadCapacity}
          value={capacity || null}
          onChange={setCapacity}
          items={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
        />
        <Textarea
          id="covers"
          label="What does it cover?"
          labelSize="s"
          hint={recipientName ? `Leave blank for “A copy of the plan for ${recipientName}”.` : undefined}
          rows={2}
          value={covers}
          error={action.errors.fields.covers}
          onChange={(event) => setCovers(event.currentTarget.value)}
        />
        {givenBy === 'BEST_INTERESTS' && (
          <Textarea
            id="bestInterestsRecord"
            label="How the best-interests decision was reached"
            labelSize="s"
            rows={3}
            value={bestInterests}
            error={action.errors.fields.bestInterestsRecord}
            onChange={(event) => setBestInterests(event.currentTarget.value)}
          />
        )}
      </ActionForm>
    </Details>
  );
}

const revokeFieldIds: FieldIds = [
  ['id', 'revokeShare'],
  ['reason', 'revokeReason'],
];

/** Ends a copy: the recipient's access stops on their very next request. */
export function RevokeShare({ shares, onRevoked }: { shares: ReadonlyArray<{ id: string; recipientName?: string | null }>; onRevoked: (name: string) => void }) {
  const [, revoke] = useMutation(RevokeShareMutation);
  const action = useAction();
  const [id, setId] = useState('');
  const [reason, setReason] = useState('');
  if (shares.length === 0) return null;
  return (
    <ActionForm
      heading="Revoke a copy"
      errors={action.errors}
      busy={action.busy}
      submitLabel="Revoke the copy"
      onSubmit={() =>
        void action.run(async () => {
          const local = clientErrors(revokeFieldIds, { id: id ? null : 'Select whose copy to revoke', reason: reason.trim() ? null : 'Say why it is revoked' });
          if (hasErrors(local)) return local;
          const errors = actionErrors(await revoke({ id, reason: reason.trim() }), revokeFieldIds);
          if (!errors) {
            onRevoked(shares.find((s) => s.id === id)?.recipientName ?? 'the recipient');
            setId('');
            setReason('');
          }
          return errors;
        })
      }
    >
      <p className="govuk-body">Their access stops on their very next request.</p>
      <Select
        id="revokeShare"
        label="Whose copy?"
        labelSize="s"
        value={id}
        error={action.errors.fields.id}
        onChange={(event) => setId(event.currentTarget.value)}
        options={[{ value: '', text: 'Select a copy' }, ...shares.map((s) => ({ value: s.id, text: s.recipientName ?? s.id }))]}
      />
      <Textarea id="revokeReason" label="Why?" labelSize="s" rows={2} value={reason} error={action.errors.fields.reason} onChange={(event) => setReason(event.currentTarget.value)} />
    </ActionForm>
  );
}
