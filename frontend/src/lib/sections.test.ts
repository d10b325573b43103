import { describe, expect, it } from 'vitest';
import { withheldReason } from './sections';

describe('why a section is not shown', () => {
  it('tells the person what their practitioner withheld from their copy, and why', () => {
    const reason = withheldReason('RISKS', { section: 'RISKS', allowed: false, codedOnly: false, withheldFromPerson: 'It holds what your neighbour told us.' });
    expect(reason).toContain('kept risks');
    expect(reason).toContain('It holds what your neighbour told us.');
  });

  it('says there is no basis when nothing was withheld by decision', () => {
    expect(withheldReason('RISKS', { section: 'RISKS', allowed: false, codedOnly: false })).toBe('You have no basis to see risks and contingencies.');
  });
});
