import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TodayVisit } from '../types';
import { VisitCard } from './VisitCard';

const visit: TodayVisit = {
  __typename: 'Visit',
  id: 'v1',
  startsAt: '2026-11-29T09:30:00Z',
  durationMinutes: 45,
  status: 'SCHEDULED',
  revision: 2,
  arrivedAt: null,
  departedAt: null,
  notes: null,
  progress: [],
  plan: {
    __typename: 'Plan',
    id: 'p1',
    workerTasks: 'Stand by while Edith makes a hot drink.',
    fluctuatingNeeds: null,
    person: {
      __typename: 'Person',
      id: 'person-1',
      preferredName: 'Edith',
      visitAddress: null,
      accessNotes: 'Key safe by the door, code 1234.',
      communicationNeeds: 'Speak slowly and face her.',
      interpreterLanguage: null,
      autism: false,
      deafblind: false,
    },
    outcomes: {
      __typename: 'OutcomeConnection',
      edges: [
        {
          __typename: 'OutcomeEdge',
          node: {
            __typename: 'Outcome',
            id: 'o1',
            statement: 'I want to make my own lunch',
            position: 1,
            steps: [
              { __typename: 'OutcomeStep', id: 's1', description: 'Fill the kettle', position: 1, status: 'DONE' },
              { __typename: 'OutcomeStep', id: 's2', description: 'Make a sandwich with the worker nearby', position: 2, status: 'IN_PROGRESS' },
            ],
          },
        },
      ],
    },
    risks: [
      {
        __typename: 'Risk',
        id: 'r1',
        kind: 'TO_PLAN',
        category: 'MOTIVATION',
        description: 'May cancel visits',
        likelihood: 'LOW',
        strategy: 'Agree times together',
        environmentAssessmentRequired: null,
        environmentAssessmentDoneAt: null,
        mitigationConfirmedAt: null,
        contingencies: [{ __typename: 'Contingency', id: 'c1', trigger: 'Two visits cancelled', measures: 'The practitioner phones', whoActs: 'Practitioner' }],
      },
      {
        __typename: 'Risk',
        id: 'r2',
        kind: 'TO_WORKER',
        category: 'HOME_ENVIRONMENT',
        description: 'Steep steps to the door',
        likelihood: 'HIGH',
        strategy: 'Use the handrail',
        environmentAssessmentRequired: true,
        environmentAssessmentDoneAt: null,
        mitigationConfirmedAt: null,
        contingencies: [],
      },
    ],
  },
};

describe('a visit on the Today screen', () => {
  it('shows the risk to the worker first, as warning text, then when and where, the steps still to do and the other risks', () => {
    render(<VisitCard visit={visit} record={undefined} href="/today/visits/v1" />);
    const card = screen.getByRole('region', { name: '9:30am, Edith' });
    expect(within(card).getByRole('link', { name: '9:30am, Edith' })).toHaveAttribute('href', '/today/visits/v1');
    const text = card.textContent ?? '';
    expect(text.indexOf('Risk to you')).toBeLessThan(text.indexOf('Time'));
    expect(card.querySelector('.govuk-warning-text')).toHaveTextContent('Steep steps to the door');
    expect(text).toContain('Needed: not done yet');
    expect(text).toContain('Key safe by the door, code 1234.');
    expect(text).toContain('Make a sandwich with the worker nearby');
    expect(text).not.toContain('Fill the kettle');
    expect(text.indexOf('Outcomes and steps')).toBeLessThan(text.indexOf('May cancel visits'));
    expect(within(card).getByRole('list', { name: 'If it happens: May cancel visits' })).toHaveTextContent('If Two visits cancelled, then The practitioner phones (Practitioner).');
    expect(within(card).getByText('Scheduled')).toBeInTheDocument();
  });

  it('says where the record is when one is on the phone', () => {
    render(<VisitCard visit={visit} record={{ status: 'waiting' } as never} href="/today/visits/v1" />);
    expect(screen.getByText('Waiting to send')).toHaveClass('govuk-tag--yellow');
  });
});
