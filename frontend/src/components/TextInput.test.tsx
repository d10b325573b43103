import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TextInput } from './TextInput';

describe('TextInput', () => {
  it('is labelled by its label and described by its hint', () => {
    render(<TextInput id="nhs-number" label="NHS number" hint="For example, 485 777 3456" inputMode="numeric" />);
    const input = screen.getByLabelText('NHS number');
    expect(input).toHaveAttribute('id', 'nhs-number');
    expect(input).toHaveAttribute('name', 'nhs-number');
    expect(input).toHaveAccessibleDescription('For example, 485 777 3456');
  });

  it('in its error state is described by hint then error, with "Error:" read out', () => {
    render(<TextInput id="name" label="Full name" hint="As on their records" error="Enter the person's full name" />);
    const input = screen.getByLabelText('Full name');
    expect(input).toHaveAttribute('aria-describedby', 'name-hint name-error');
    expect(input).toHaveAccessibleDescription("As on their records Error: Enter the person's full name");
    expect(input).toHaveClass('govuk-input--error');
    expect(input.closest('.govuk-form-group')).toHaveClass('govuk-form-group--error');
  });

  it('has no description when there is neither hint nor error', () => {
    render(<TextInput id="town" label="Town" />);
    expect(screen.getByLabelText('Town')).not.toHaveAttribute('aria-describedby');
  });

  it('can be the page heading', () => {
    render(<TextInput id="q" label="What is their name?" isPageHeading labelSize="l" />);
    expect(screen.getByRole('heading', { level: 1, name: 'What is their name?' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'What is their name?' })).toBeInTheDocument();
  });

  it('passes typing through', async () => {
    render(<TextInput id="postcode" label="Postcode" autoComplete="postal-code" />);
    await userEvent.type(screen.getByLabelText('Postcode'), 'LS1 4AP');
    expect(screen.getByLabelText('Postcode')).toHaveValue('LS1 4AP');
    expect(screen.getByLabelText('Postcode')).toHaveAttribute('autocomplete', 'postal-code');
  });

  it('keeps prefix and suffix out of the accessible name', () => {
    render(<TextInput id="hours" label="Hours a week" suffix="hours" width={3} />);
    expect(screen.getByRole('textbox', { name: 'Hours a week' })).toHaveClass('govuk-input--width-3');
  });
});
