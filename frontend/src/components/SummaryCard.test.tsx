import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SummaryCard } from './SummaryCard';

describe('SummaryCard', () => {
  it('titles the card with a heading and adds the title to every action', () => {
    render(
      <SummaryCard
        title="Outcome 1"
        headingLevel={3}
        actions={[{ href: '/outcomes/1/delete', text: 'Delete' }]}
        rows={[{ key: 'Target date', value: '1 March 2027', actions: [{ href: '/outcomes/1/date', text: 'Change', visuallyHiddenText: 'target date' }] }]}
      />,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Outcome 1' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Delete (Outcome 1)' })).toHaveAttribute('href', '/outcomes/1/delete');
    expect(screen.getByRole('link', { name: 'Change target date (Outcome 1)' })).toBeInTheDocument();
  });
});
