import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorMessage } from './ErrorMessage';

describe('ErrorMessage', () => {
  it('says "Error:" to screen readers before the message', () => {
    render(<ErrorMessage id="dob-error">Enter a date of birth</ErrorMessage>);
    const message = screen.getByText('Enter a date of birth', { exact: false });
    expect(message).toHaveAttribute('id', 'dob-error');
    expect(message).toHaveTextContent('Error: Enter a date of birth');
    expect(screen.getByText('Error:')).toHaveClass('govuk-visually-hidden');
  });
});
