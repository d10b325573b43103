import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NotificationBanner } from './NotificationBanner';

describe('NotificationBanner', () => {
  it('is a region labelled by its title for important information', () => {
    render(<NotificationBanner>The review is overdue.</NotificationBanner>);
    const region = screen.getByRole('region', { name: 'Important' });
    expect(region).toHaveTextContent('The review is overdue.');
    expect(region).not.toHaveFocus();
  });

  it('after a successful action is an alert that takes focus', () => {
    render(<NotificationBanner type="success">Plan agreed</NotificationBanner>);
    const alert = screen.getByRole('alert', { name: 'Success' });
    expect(alert).toHaveFocus();
    expect(alert).toHaveClass('govuk-notification-banner--success');
    expect(screen.getByText('Plan agreed')).toHaveClass('govuk-notification-banner__heading');
  });

  it('can leave focus where it is', () => {
    render(
      <NotificationBanner type="success" title="Saved" disableAutoFocus>
        Visit recorded
      </NotificationBanner>,
    );
    expect(screen.getByRole('alert', { name: 'Saved' })).not.toHaveFocus();
  });
});
