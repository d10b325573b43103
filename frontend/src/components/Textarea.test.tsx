import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Textarea } from './Textarea';

describe('Textarea', () => {
  it('is labelled and described by its hint and error', () => {
    render(<Textarea id="outcome" label="What does the person want to achieve?" hint="In their own words" error="Enter what the person wants to achieve" />);
    const textarea = screen.getByRole('textbox', { name: 'What does the person want to achieve?' });
    expect(textarea.tagName).toBe('TEXTAREA');
    expect(textarea).toHaveAttribute('aria-describedby', 'outcome-hint outcome-error');
    expect(textarea).toHaveAccessibleDescription('In their own words Error: Enter what the person wants to achieve');
    expect(textarea).toHaveClass('govuk-textarea--error');
    expect(textarea).toHaveAttribute('rows', '5');
  });
});
