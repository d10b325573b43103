import { describe, expect, it } from 'vitest';
import { emptyShare, shareInput, validateShare, type BasisTable, type ShareFormValues } from './model';

/** The API's table (Query.shareBases), as the server answers it. */
const bases: BasisTable = [
  { recipientKind: 'CARER', bases: ['CARER_SHARE'] },
  { recipientKind: 'ADVOCATE', bases: ['ADVOCACY'] },
  { recipientKind: 'PERSON', bases: ['OWN_RECORD'] },
  { recipientKind: 'PROVIDER', bases: ['PROVIDER_DUTY'] },
  { recipientKind: 'OTHER', bases: ['CONSENT_SHARE', 'BEST_INTERESTS', 'PERSON_REQUEST'] },
];

const values = (over: Partial<ShareFormValues>): ShareFormValues => ({ ...emptyShare, ...over });

describe('the share form', () => {
  it('gives each kind of recipient the basis the rules require (R20, R21, R24)', () => {
    expect(shareInput('PL1', values({ recipientKind: 'CARER', recipientName: 'Joan' }), bases).basis).toBe('CARER_SHARE');
    expect(shareInput('PL1', values({ recipientKind: 'ADVOCATE', recipientName: 'Ada' }), bases).basis).toBe('ADVOCACY');
    expect(shareInput('PL1', values({ recipientKind: 'PROVIDER', recipientName: 'Care Co' }), bases).basis).toBe('PROVIDER_DUTY');
    expect(shareInput('PL1', values({ recipientKind: 'OTHER', otherBasis: 'CONSENT_SHARE', consentID: 'CO1', recipientName: 'Nell' }), bases)).toMatchObject({
      basis: 'CONSENT_SHARE',
      consentID: 'CO1',
    });
  });

  it('sends listed sections only for a limited share, and a carer share the person asked to limit says so (R21)', () => {
    const full = shareInput('PL1', values({ recipientKind: 'CARER', recipientName: 'Joan', sections: ['OUTCOMES'] }), bases);
    expect(full).not.toHaveProperty('sections');
    const limited = shareInput('PL1', values({ recipientKind: 'CARER', recipientName: 'Joan', scope: 'LISTED', sections: ['OUTCOMES', 'VISITS'], requestedByPerson: true }), bases);
    expect(limited).toMatchObject({ sections: ['OUTCOMES', 'VISITS'], requestedByPerson: true });
  });

  it("records a declined request with the manager's advice and the reason, and shares no sections (R23)", () => {
    const input = shareInput(
      'PL1',
      values({ recipientKind: 'OTHER', otherBasis: 'PERSON_REQUEST', recipientName: 'Nell', decision: 'DECLINED', scope: 'LISTED', sections: ['VISITS'], managerAdvice: ' Decline ', decisionReason: 'Risk of abuse' }),
      bases,
    );
    expect(input).toMatchObject({ decision: 'DECLINED', requestedByPerson: true, managerAdvice: 'Decline', decisionReason: 'Risk of abuse' });
    expect(input).not.toHaveProperty('sections');
  });

  it('asks for the recipient, a name, the basis, the decision it rests on and at least one section', () => {
    expect(Object.keys(validateShare(emptyShare).fields)).toEqual(['recipientKind', 'recipientName']);
    const other = validateShare(values({ recipientKind: 'OTHER', recipientName: 'Nell', otherBasis: 'CONSENT_SHARE', scope: 'LISTED' }));
    expect(Object.keys(other.fields)).toEqual(['consentID', 'sections']);
    expect(other.summary.map((s) => s.fieldId)).toEqual(['consentID', 'sections']);
  });
});
