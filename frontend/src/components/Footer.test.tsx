import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Footer } from './Footer';

describe('Footer', () => {
  it('is the contentinfo landmark with support links and no Crown copyright', () => {
    render(<Footer links={[{ href: '/accessibility', text: 'Accessibility statement' }]}>Run by Example County Council</Footer>);
    const footer = screen.getByRole('contentinfo');
    expect(screen.getByRole('heading', { name: 'Support links' })).toHaveClass('govuk-visually-hidden');
    expect(screen.getByRole('link', { name: 'Accessibility statement' })).toHaveAttribute('href', '/accessibility');
    expect(footer).toHaveTextContent('Run by Example County Council');
    expect(footer).not.toHaveTextContent('Crown copyright');
  });
});
