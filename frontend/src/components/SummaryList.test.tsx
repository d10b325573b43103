import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SummaryList } from './SummaryList';

describe('SummaryList', () => {
  it('pairs each key with its value in a description list', () => {
    render(
      <SummaryList
        rows={[
          { key: 'Name', value: 'Ada Lovelace', actions: [{ href: '/people/1/name', text: 'Change', visuallyHiddenText: 'name' }] },
          { key: 'Date of birth', value: '10 December 1815' },
        ]}
      />,
    );
    const terms = screen.getAllByRole('term');
    const definitions = screen.getAllByRole('definition');
    expect(terms.map((term) => term.textContent)).toEqual(['Name', 'Date of birth']);
    expect(definitions[0]).toHaveTextContent('Ada Lovelace');
    // A row without actions in a list that has them gets the no-actions modifier.
    expect(terms[1]?.parentElement).toHaveClass('govuk-summary-list__row--no-actions');
  });

  it('names change links fully for screen readers', () => {
    render(<SummaryList rows={[{ key: 'Name', value: 'Ada', actions: [{ href: '/change', text: 'Change', visuallyHiddenText: 'name' }] }]} />);
    const link = screen.getByRole('link', { name: 'Change name' });
    expect(within(link).getByText('name')).toHaveClass('govuk-visually-hidden');
  });
});
