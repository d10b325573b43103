import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { areaOf, firstName, VisitList } from './VisitList';

describe('the day as a compact list (issue 13)', () => {
  it('names the area, not the door, and the first name', () => {
    expect(areaOf('12 Fell Road, Kendal, LA9 4XY')).toBe('Kendal');
    expect(areaOf('Flat 2\nStation Street\nWindermere')).toBe('Windermere');
    expect(areaOf('LA9 4XY')).toBe('');
    expect(firstName('Edith May')).toBe('Edith');
    expect(firstName(null)).toBe('The person');
  });

  it('makes each visit one link with its time, name, area, flags and the risk to the worker', () => {
    render(
      <VisitList
        hrefOf={(id) => `/today/visits/${id}`}
        visits={[
          {
            id: 'v1',
            startsAt: '2026-07-01T08:30:00Z',
            status: 'SCHEDULED',
            plan: { person: { preferredName: 'Edith', visitAddress: '12 Fell Road, Kendal, LA9 4XY', autism: true }, risks: [{ id: 'r1', kind: 'TO_WORKER', category: null }] },
          },
        ]}
      />,
    );
    const link = screen.getByRole('link');
    expect(link).toHaveAttribute('href', '/today/visits/v1');
    expect(link).toHaveTextContent(/9:30am\s*Edith, Kendal\s*Autistic\s*Risk to you/);
  });
});
