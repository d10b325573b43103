import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SectionAccessLike } from '../lib/sections';
import { GatedSection, sharedBecause } from './GatedSection';

const access: SectionAccessLike[] = [
  { section: 'OUTCOMES', allowed: true, basis: 'CARER_SHARE', codedOnly: false },
  { section: 'RISKS', allowed: false, basis: null, codedOnly: false },
  { section: 'NEEDS', allowed: true, basis: 'PSEUDONYMISED_STATS', codedOnly: true },
];

describe('GatedSection', () => {
  it('shows the content of a section the viewer may see', () => {
    render(
      <GatedSection section="OUTCOMES" access={access} heading="Outcomes" id="outcomes">
        <p>Make breakfast</p>
      </GatedSection>,
    );
    expect(screen.getByRole('region', { name: 'Outcomes' })).toHaveTextContent('Make breakfast');
    expect(screen.queryByText('Not shared with you')).toBeNull();
    expect(sharedBecause(access, 'OUTCOMES')).toBe('Shown to you because you are a carer with a copy of the plan.');
  });

  it('says "Not shared with you" with the reason, under the same heading, instead of the content', () => {
    render(
      <GatedSection section="RISKS" access={access} heading="Risks" id="risks">
        <p>A large dog</p>
      </GatedSection>,
    );
    const region = screen.getByRole('region', { name: 'Risks' });
    expect(region).toHaveTextContent('Not shared with you');
    expect(region).toHaveTextContent('You have no basis to see risks and contingencies.');
    expect(screen.queryByText('A large dog')).toBeNull();
  });

  it('treats a section it was not told about as not shared', () => {
    render(
      <GatedSection section="FINANCE" access={access} heading="Finance">
        <p>Charges</p>
      </GatedSection>,
    );
    expect(screen.getByText('Not shared with you')).toBeVisible();
    expect(screen.queryByText('Charges')).toBeNull();
  });

  it('shows coded-only sections only where coded values are enough, and says why free text is missing', () => {
    const { rerender } = render(
      <GatedSection section="NEEDS" access={access} heading="Needs">
        <p>Free text</p>
      </GatedSection>,
    );
    expect(screen.getByText(/Only coded values of needs are shared with you/)).toBeVisible();
    rerender(
      <GatedSection section="NEEDS" access={access} heading="Needs" coded>
        <p>3 needs</p>
      </GatedSection>,
    );
    expect(screen.getByText('3 needs')).toBeVisible();
  });
});
