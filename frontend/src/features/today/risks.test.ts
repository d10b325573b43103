import { describe, expect, it } from 'vitest';
import { orderRisks, splitRisks } from './risks';

const risk = (id: string, kind: string | null, extra: { likelihood?: string; mitigationConfirmedAt?: string } = {}) => ({
  id,
  kind,
  likelihood: extra.likelihood ?? null,
  mitigationConfirmedAt: extra.mitigationConfirmedAt ?? null,
});

describe('the order risks are read in on a visit', () => {
  it("puts risks to the worker first, then R6's order, and unknown kinds last", () => {
    const ordered = orderRisks([risk('plan', 'TO_PLAN'), risk('unknown', 'SOMETHING_NEW'), risk('needs', 'TO_PERSON_FROM_NEEDS'), risk('worker', 'TO_WORKER'), risk('outcome', 'TO_PERSON_FROM_OUTCOME')]);
    expect(ordered.map((r) => r.id)).toEqual(['worker', 'needs', 'outcome', 'plan', 'unknown']);
  });

  it('puts risks to the worker not yet confirmed as mitigated before confirmed ones, then the more likely first', () => {
    const ordered = orderRisks([
      risk('confirmed-high', 'TO_WORKER', { likelihood: 'HIGH', mitigationConfirmedAt: '2026-11-01T10:00:00Z' }),
      risk('unconfirmed-low', 'TO_WORKER', { likelihood: 'LOW' }),
      risk('unconfirmed-high', 'TO_WORKER', { likelihood: 'HIGH' }),
    ]);
    expect(ordered.map((r) => r.id)).toEqual(['unconfirmed-high', 'unconfirmed-low', 'confirmed-high']);
  });

  it('keeps the given order otherwise, and does not change the list it was given', () => {
    const risks = [risk('a', 'TO_PLAN'), risk('b', 'TO_PLAN'), risk('c', 'TO_WORKER')];
    expect(orderRisks(risks).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(risks.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('splits risks to the worker from the rest, with none lost', () => {
    const { toWorker, other } = splitRisks([risk('a', 'TO_PLAN'), risk('b', 'TO_WORKER'), risk('c', null)]);
    expect(toWorker.map((r) => r.id)).toEqual(['b']);
    expect(other.map((r) => r.id)).toEqual(['a', 'c']);
    expect(splitRisks(null)).toEqual({ toWorker: [], other: [] });
  });
});
