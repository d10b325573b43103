import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Header } from './Header';

describe('Header', () => {
  it('names the council, links home and carries no GOV.UK logo', () => {
    const { container } = render(<Header organisationName="Example County Council" />);
    expect(screen.getByRole('link', { name: 'Example County Council' })).toHaveAttribute('href', '/');
    expect(container.querySelector('svg, .govuk-logo, .govuk-header__logo')).toBeNull();
    expect(container.firstElementChild).toHaveClass('govuk-generic-header');
  });
});
