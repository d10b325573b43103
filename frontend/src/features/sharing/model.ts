import type { Basis, CreateShareInput, Section, ShareDecision, ShareMethod, ShareRecipientKind } from '../../gql/graphql';
import type { FieldIds } from '../../lib/graphqlErrors';
import type { SectionName } from '../../lib/sections';
import { clientErrors } from '../../lib/forms';

/** Who a copy goes to (schema: ShareRecipientKind), as the form asks. */
export const recipientKinds = [
  { value: 'CARER', label: 'A carer', hint: 'They get the full plan unless the person, having capacity, asked to share only part (R21).' },
  { value: 'ADVOCATE', label: "The person's independent advocate", hint: 'R24.' },
  { value: 'PERSON', label: 'The person themself', hint: 'Their own copy.' },
  { value: 'PROVIDER', label: 'A provider delivering the plan', hint: 'On the provider duty (R20).' },
  { value: 'OTHER', label: 'Someone else', hint: "Only with the person's consent, in their best interests, or at their request (R22, R23)." },
] as const;

export type RecipientKind = (typeof recipientKinds)[number]['value'];

/**
 * The bases a copy may rest on, by kind of recipient, as the API's sharing
 * rules say (Query.shareBases, R20-R24): asked for, not kept here.
 */
export type BasisTable = ReadonlyArray<{ recipientKind: ShareRecipientKind; bases: readonly Basis[] }>;

/** How the form words the bases someone else's copy may rest on. */
const basisLabels: Partial<Record<Basis, string>> = {
  CONSENT_SHARE: "The person's consent",
  BEST_INTERESTS: 'A best-interests decision (the person lacks capacity to decide)',
  PERSON_REQUEST: 'The person asked for them to have a copy',
};

/** The bases "someone else" chooses from, as the API lists them. */
export function otherBases(table: BasisTable): Array<{ value: Basis; label: string }> {
  const bases = table.find((row) => row.recipientKind === 'OTHER')?.bases ?? [];
  return bases.map((value) => ({ value, label: basisLabels[value] ?? value }));
}

export const shareMethods = [
  { value: 'PORTAL', label: 'On this system (they sign in)' },
  { value: 'EMAIL', label: 'Secure email' },
  { value: 'POST', label: 'Post' },
  { value: 'IN_PERSON', label: 'In person' },
] as const;

export interface ShareFormValues {
  recipientKind: RecipientKind | '';
  recipientName: string;
  /** Only for "someone else". */
  otherBasis: Basis | '';
  consentID: string;
  /** "FULL" or "LISTED". */
  scope: 'FULL' | 'LISTED';
  sections: SectionName[];
  requestedByPerson: boolean;
  /** R23, for a request the person made: share it, share part, or decline. */
  decision: 'SHARED' | 'PARTIAL' | 'DECLINED';
  managerAdvice: string;
  decisionReason: string;
  method: ShareMethod;
}

export const emptyShare: ShareFormValues = {
  recipientKind: '',
  recipientName: '',
  otherBasis: '',
  consentID: '',
  scope: 'FULL',
  sections: [],
  requestedByPerson: false,
  decision: 'SHARED',
  managerAdvice: '',
  decisionReason: '',
  method: 'PORTAL',
};

/** Form fields in order, with the ids of their controls (the server names input.<field>). */
export const shareFieldIds: FieldIds = [
  ['recipientKind', 'recipientKind'],
  ['recipientName', 'recipientName'],
  ['basis', 'otherBasis'],
  ['consentID', 'consentID'],
  ['decision', 'decision'],
  ['managerAdvice', 'managerAdvice'],
  ['decisionReason', 'decisionReason'],
  ['requestedByPerson', 'requestedByPerson'],
  ['sections', 'sections'],
  ['method', 'method'],
];

/** The basis the share would rest on, or '' while it is not chosen. */
export function basisOf(values: ShareFormValues, table: BasisTable): Basis | '' {
  if (values.recipientKind === '') return '';
  if (values.recipientKind === 'OTHER') return values.otherBasis;
  return table.find((row) => row.recipientKind === values.recipientKind)?.bases[0] ?? '';
}

/** Whether the form asks for a consent or best-interests decision to rest on. */
export const needsConsent = (values: ShareFormValues) => values.recipientKind === 'OTHER' && ['CONSENT_SHARE', 'BEST_INTERESTS'].includes(values.otherBasis);

/** Whether this is a request by the person that is being decided (R23). */
export const isPersonRequest = (values: ShareFormValues) => values.recipientKind === 'OTHER' && values.otherBasis === 'PERSON_REQUEST';

/** The form's own checks; the server checks the rules (R20-R24) in the preview. */
export function validateShare(values: ShareFormValues) {
  return clientErrors(shareFieldIds, {
    recipientKind: values.recipientKind ? null : 'Select who the copy is for',
    recipientName: values.recipientName.trim() ? null : 'Enter the name of the person or organisation receiving the copy',
    basis: values.recipientKind === 'OTHER' && !values.otherBasis ? 'Select the basis for sharing with them' : null,
    consentID: needsConsent(values) && !values.consentID ? 'Select the recorded decision the share rests on' : null,
    sections:
      values.scope === 'LISTED' && values.decision !== 'DECLINED' && values.sections.length === 0 ? 'Select the sections to share, or share the full plan' : null,
  });
}

/** The API's CreateShareInput for the form's values. */
export function shareInput(planID: string, values: ShareFormValues, table: BasisTable): CreateShareInput {
  const request = isPersonRequest(values);
  const listed = values.scope === 'LISTED' && values.decision !== 'DECLINED';
  return {
    planID,
    recipientKind: values.recipientKind as RecipientKind,
    recipientName: values.recipientName.trim(),
    basis: basisOf(values, table) as Basis,
    method: values.method,
    ...(listed && { sections: values.sections as Section[] }),
    ...(needsConsent(values) && values.consentID && { consentID: values.consentID }),
    ...((request || values.requestedByPerson) && { requestedByPerson: true }),
    ...(request && {
      decision: (listed && values.decision === 'SHARED' ? 'PARTIAL' : values.decision) satisfies ShareDecision,
      ...(values.managerAdvice.trim() && { managerAdvice: values.managerAdvice.trim() }),
      ...(values.decisionReason.trim() && { decisionReason: values.decisionReason.trim() }),
    }),
  };
}
