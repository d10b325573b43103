import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RiskData } from '../types';
import { groupRisks, RisksByKind } from './RisksByKind';

const risks: RiskData[] = [
  { id: 'r1', kind: 'TO_WORKER', description: 'A large dog in the house', strategy: 'Dog kept in the kitchen', mitigationConfirmedAt: '2026-11-05T10:00:00Z' },
  {
    id: 'r2',
    kind: 'TO_PLAN',
    description: 'May not answer the door',
    likelihood: 'HIGH',
    contingencies: [{ id: 'c1', trigger: 'Two missed visits', measures: 'Phone the daughter', whoActs: 'Reablement coordinator' }],
  },
  { id: 'r3', kind: 'TO_PERSON_FROM_OUTCOME', description: 'Bus journey is tiring', benefits: 'Sees friends' },
  { id: 'r4', kind: 'TO_PLAN', description: 'Carer does things for her' },
];

describe('RisksByKind', () => {
  it('groups risks by who or what is at risk, in R6 order, keeping empty groups', () => {
    expect(groupRisks(risks).map((group) => [group.kind, group.risks.map((r) => r.id)])).toEqual([
      ['TO_PERSON_FROM_NEEDS', []],
      ['TO_PERSON_FROM_OUTCOME', ['r3']],
      ['TO_PLAN', ['r2', 'r4']],
      ['TO_WORKER', ['r1']],
    ]);
  });

  it('keeps a risk of a kind it does not know, under "Other risks"', () => {
    expect(groupRisks([{ id: 'x', kind: 'TO_THE_MOON', description: '?' }]).at(-1)).toEqual({ kind: 'OTHER', risks: [{ id: 'x', kind: 'TO_THE_MOON', description: '?' }] });
  });

  it('renders each group under its heading, with contingencies under their risk', () => {
    render(<RisksByKind risks={risks} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Risks to the person from their needs (0)',
      'Risks to the person from the outcomes they choose (1)',
      'Risks to the plan (2)',
      'Risks to the worker (1)',
    ]);
    expect(within(screen.getByRole('region', { name: /Risks to the person from their needs/ })).getByText('None recorded.')).toBeVisible();

    const plan = screen.getByRole('region', { name: /Risks to the plan/ });
    expect(within(plan).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['May not answer the door', 'Carer does things for her']);
    const contingencies = within(plan).getByRole('list', { name: 'Contingencies for May not answer the door' });
    expect(contingencies).toHaveTextContent('IfTwo missed visits');
    expect(contingencies).toHaveTextContent('ThenPhone the daughter');
    expect(contingencies).toHaveTextContent('Who actsReablement coordinator');
    // A risk to the plan without a contingency cannot be agreed (R7): said plainly.
    expect(within(plan).getByText('Contingency needed')).toBeVisible();

    const worker = screen.getByRole('region', { name: /Risks to the worker/ });
    expect(within(worker).getByText('Confirmed')).toBeVisible();
  });
});
