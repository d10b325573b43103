import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChronologyEntryFieldsFragment } from '../../gql/graphql';
import { Timeline } from './Timeline';

const visit = (id: string, notes: string | null): ChronologyEntryFieldsFragment => ({
  __typename: 'ChronologyEntry',
  kind: 'VISIT',
  at: '2026-11-29T09:00:00Z',
  decision: null,
  plan: { __typename: 'Plan', id: 'pl2', version: 2 },
  visit: { __typename: 'Visit', id, status: 'COMPLETED', startsAt: '2026-11-29T09:00:00Z', durationMinutes: 45, notes, worker: { __typename: 'Account', id: 'w1', displayName: 'Wes Adeyemi' }, progress: [] },
  concern: null,
  review: null,
  amendment: null,
  share: null,
});

describe('Timeline', () => {
  it('shows each entry as its kind, what happened and when, in the order given (newest first from the API)', () => {
    render(
      <Timeline
        entries={[
          { ...visit('v1', null), kind: 'DECISION', visit: null, decision: 'AGREED', at: '2026-11-30T10:00:00Z' },
          visit('v2', 'Made her own tea'),
        ]}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Chronology, newest first' })).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('h2')?.textContent)).toEqual(['DecisionPlan agreed', 'VisitCompleted visit by Wes Adeyemi']);
    expect(items[1]).toHaveTextContent('Made her own tea');
    expect(items[1]).toHaveTextContent('29 November 2026');
    expect(within(items[1]!).getByRole('link', { name: 'plan version 2' })).toHaveAttribute('href', '/plans/pl2');
  });

  it('tells a withheld note (null) from an empty one', () => {
    render(<Timeline entries={[visit('v1', null), visit('v2', '')]} />);
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Not shared with you');
    expect(items[1]).toHaveTextContent('No notes recorded.');
  });
});
