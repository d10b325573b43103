import { useState } from 'react';
import { useMutation } from 'urql';
import { Checkboxes, Details, Textarea } from '../../components';
import type { Section } from '../../gql/graphql';
import { hasErrors, type FieldIds } from '../../lib/graphqlErrors';
import { ActionForm, actionErrors, clientErrors, useAction } from '../../lib/forms';
import { sectionLabel, type SectionAccessLike } from '../../lib/sections';
import { WithholdFromPersonMutation } from './documents';

const fieldIds: FieldIds = [
  ['sections', 'withholdSections'],
  ['reason', 'withholdReason'],
];

/** Sections a practitioner may keep from the person's own view: those that can hold what others told us. */
const withholdable: Section[] = ['NEEDS', 'RISKS', 'SAFEGUARDING', 'CAPACITY', 'INVOLVEMENT', 'CONTACT', 'FINANCE', 'OTHER_SUPPORT'];

/**
 * Keeps sections that hold third-party information out of the person's own
 * copy of their record (consent.md), with a reason the person is shown in
 * their place. The decision is on the audit log. Folded away until asked for.
 */
export function WithholdFromPerson({ personID, access }: { personID: string; access: readonly SectionAccessLike[] }) {
  const [, withhold] = useMutation(WithholdFromPersonMutation);
  const action = useAction();
  const current = access.filter((a) => a.withheldFromPerson).map((a) => a.section as Section);
  const [sections, setSections] = useState<readonly string[]>(current);
  const [reason, setReason] = useState(access.find((a) => a.withheldFromPerson)?.withheldFromPerson ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <Details summary="Keep information about someone else from the person's own copy">
      {saved && (
        <p className="govuk-body" role="status">
          {saved}
        </p>
      )}
      <ActionForm
        errors={action.errors}
        busy={action.busy}
        submitLabel="Save what is kept from the person"
        onSubmit={() =>
          void action.run(async () => {
            const local = clientErrors(fieldIds, {
              reason: sections.length > 0 && !reason.trim() ? 'Say why, in words the person will read' : null,
            });
            if (hasErrors(local)) return local;
            const r = await withhold({ personID, sections: sections as Section[], reason: reason.trim() });
            const errors = actionErrors(r, fieldIds);
            if (!errors) {
              setSaved(sections.length > 0 ? `Kept from the person's copy: ${sections.map((s) => sectionLabel(s)).join(', ')}.` : 'Nothing is kept from the person’s copy now.');
            }
            return errors;
          })
        }
      >
        <Checkboxes
          name="withholdSections"
          legend="Which parts hold information about someone else?"
          legendSize="s"
          hint="The person sees that these parts are kept from them, and why. Staff still see them."
          small
          value={sections}
          error={action.errors.fields.sections}
          onChange={setSections}
          items={withholdable.map((s) => ({ value: s, label: sectionLabel(s) }))}
        />
        <Textarea
          id="withholdReason"
          label="Why, in words the person will read"
          labelSize="s"
          rows={2}
          value={reason}
          error={action.errors.fields.reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </ActionForm>
    </Details>
  );
}
