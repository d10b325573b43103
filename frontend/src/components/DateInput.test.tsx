import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DateInput, dateInputErrorTarget, emptyDate, type DateParts } from './DateInput';

function Harness(props: { error?: string; errorParts?: Array<'day' | 'month' | 'year'> }) {
  const [value, setValue] = useState<DateParts>(emptyDate);
  return (
    <>
      <DateInput id="review-date" legend="When is the review due?" hint="For example, 27 3 2027" value={value} onChange={setValue} {...props} />
      <output>{JSON.stringify(value)}</output>
    </>
  );
}

describe('DateInput', () => {
  it('is a group of labelled day, month and year fields, described by hint and error', () => {
    render(<Harness error="The review date must include a month" errorParts={['month']} />);
    const group = screen.getByRole('group', { name: 'When is the review due?' });
    expect(group).toHaveAccessibleDescription('For example, 27 3 2027 Error: The review date must include a month');
    expect(screen.getByLabelText('Day')).toHaveAttribute('id', 'review-date-day');
    expect(screen.getByLabelText('Month')).toHaveClass('govuk-input--error');
    expect(screen.getByLabelText('Day')).not.toHaveClass('govuk-input--error');
    expect(screen.getByLabelText('Year')).toHaveAttribute('inputmode', 'numeric');
    expect(dateInputErrorTarget('review-date', ['month'])).toBe('review-date-month');
  });

  it('marks every part when the error is about the whole date', () => {
    render(<Harness error="Enter the review date" />);
    for (const label of ['Day', 'Month', 'Year']) expect(screen.getByLabelText(label)).toHaveClass('govuk-input--error');
    expect(dateInputErrorTarget('review-date')).toBe('review-date-day');
  });

  it('reports what is typed, part by part', async () => {
    render(<Harness />);
    await userEvent.type(screen.getByLabelText('Day'), '27');
    await userEvent.type(screen.getByLabelText('Month'), '3');
    await userEvent.type(screen.getByLabelText('Year'), '2027');
    expect(screen.getByRole('status')).toHaveTextContent('{"day":"27","month":"3","year":"2027"}');
  });
});
