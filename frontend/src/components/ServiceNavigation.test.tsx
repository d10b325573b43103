import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setViewportWidth } from '../test/viewport';
import { ServiceNavigation } from './ServiceNavigation';

const items = [
  { href: '/caseload', text: 'Caseload', current: true },
  { href: '/today', text: "Today's visits" },
];

describe('ServiceNavigation', () => {
  it('names the service and marks the current page', () => {
    setViewportWidth(1024);
    render(<ServiceNavigation serviceName="Reablement" serviceUrl="/" items={items} />);
    expect(screen.getByRole('region', { name: 'Service information' })).toHaveTextContent('Reablement');
    const nav = screen.getByRole('navigation', { name: 'Menu' });
    expect(nav).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Caseload' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: "Today's visits" })).not.toHaveAttribute('aria-current');
    expect(screen.queryByRole('button', { name: 'Menu' })).not.toBeInTheDocument();
  });

  it('collapses the links behind a Menu button on small screens', async () => {
    setViewportWidth(320);
    render(<ServiceNavigation serviceName="Reablement" items={items} />);
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveAttribute('aria-controls', 'navigation');
    expect(screen.queryByRole('link', { name: 'Caseload' })).not.toBeInTheDocument();
    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'Caseload' })).toBeVisible();
  });
});
