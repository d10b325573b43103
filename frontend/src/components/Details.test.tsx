import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Details } from './Details';

describe('Details', () => {
  it('opens from its summary, which is operable by keyboard', async () => {
    render(<Details summary="What counts as a social outcome?">Seeing friends, going to a place of worship.</Details>);
    const details = screen.getByText('What counts as a social outcome?').closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await userEvent.click(screen.getByText('What counts as a social outcome?'));
    expect(details.open).toBe(true);
  });
});
