import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button, ButtonLink } from './Button';

describe('Button', () => {
  it('is a submit button by default, with the variant class', async () => {
    const onSubmit = vi.fn((event: SubmitEvent) => event.preventDefault());
    render(
      <form onSubmit={(event) => onSubmit(event.nativeEvent as SubmitEvent)}>
        <Button variant="secondary">Save and continue</Button>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Save and continue' });
    expect(button).toHaveAttribute('type', 'submit');
    expect(button).toHaveClass('govuk-button', 'govuk-button--secondary');
    await userEvent.click(button);
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('can be a plain button', () => {
    render(<Button type="button" variant="warning">Withdraw the service</Button>);
    expect(screen.getByRole('button', { name: 'Withdraw the service' })).toHaveAttribute('type', 'button');
  });

  it('as a link keeps the link and is announced as a button', () => {
    render(
      <ButtonLink href="/plans/new" isStartButton>
        Start a plan
      </ButtonLink>,
    );
    const link = screen.getByRole('button', { name: 'Start a plan' });
    expect(link.tagName).toBe('A');
    expect(link).toHaveAttribute('href', '/plans/new');
    expect(link).toHaveClass('govuk-button--start');
  });
});
