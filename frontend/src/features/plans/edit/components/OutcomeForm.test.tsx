import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { noDate } from '../../../../lib/dates';
import type { SaveResult } from '../../../../lib/forms';
import { OutcomeForm, type OutcomeFormValues } from './OutcomeForm';

const empty: OutcomeFormValues = { statement: '', kind: '', domain: '', targetDate: noDate, measure: '', supportRequired: '', achievement: 'NOT_STARTED' };

function setup(onSave = vi.fn(async (_values: OutcomeFormValues): Promise<SaveResult> => null)) {
  render(<OutcomeForm initial={empty} personName="Pat" editing={false} cancelHref="/plans/p1/edit/outcomes" onSave={onSave} />);
  return onSave;
}

describe('OutcomeForm', () => {
  it('checks required answers itself, links the summary to each field, and keeps what was typed', async () => {
    const onSave = setup();
    await userEvent.type(screen.getByLabelText('How will everyone know it is achieved? (optional)'), 'Makes breakfast unaided');
    await userEvent.type(screen.getByLabelText('Day'), '31');
    await userEvent.type(screen.getByLabelText('Month'), '2');
    await userEvent.type(screen.getByLabelText('Year'), '2027');
    await userEvent.click(screen.getByRole('button', { name: 'Add the outcome' }));

    expect(onSave).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary.parentElement).toHaveFocus();
    expect([...summary.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ["Enter the outcome in the person's words", '#statement'],
      ['Select the part of life the outcome is about', '#domain'],
      ['Target date must be a real date', '#targetDate-day'],
    ]);
    expect(screen.getByLabelText('What does the person want to achieve, change or keep the same?')).toHaveAccessibleDescription(
      /Error: Enter the outcome in the person's words/,
    );
    expect(screen.getByLabelText('How will everyone know it is achieved? (optional)')).toHaveValue('Makes breakfast unaided');
    expect(screen.getByLabelText('Day')).toHaveValue('31');
    expect(document.title).toMatch(/^Error: Add an outcome/);
  });

  it("shows the server's errors beside their fields and loses nothing typed", async () => {
    const onSave = vi.fn(async (_values: OutcomeFormValues): Promise<SaveResult> => ({
      fields: { statement: 'Statement is not valid: value is less than the required length.' },
      summary: [{ fieldId: 'statement', text: 'Statement is not valid: value is less than the required length.' }],
      problem: null,
    }));
    setup(onSave);
    await userEvent.type(screen.getByLabelText('What does the person want to achieve, change or keep the same?'), 'Walk to the shop');
    await userEvent.click(screen.getByLabelText('Achieve something new'));
    await userEvent.selectOptions(screen.getByLabelText('Which part of life is it about?'), 'COMMUNITY');
    await userEvent.click(screen.getByRole('button', { name: 'Add the outcome' }));

    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ statement: 'Walk to the shop', kind: 'ACHIEVE', domain: 'COMMUNITY' }));
    expect(screen.getByRole('link', { name: 'Statement is not valid: value is less than the required length.' })).toHaveAttribute('href', '#statement');
    expect(screen.getByLabelText('What does the person want to achieve, change or keep the same?')).toHaveValue('Walk to the shop');
    expect(screen.getByLabelText('Achieve something new')).toBeChecked();
    expect(screen.getByLabelText('Which part of life is it about?')).toHaveValue('COMMUNITY');
  });

  it('says what no field can (a conflicting save) in the summary, and keeps the answers', async () => {
    setup(
      vi.fn(async (_values: OutcomeFormValues): Promise<SaveResult> => ({
        fields: {},
        summary: [],
        problem: { kind: 'conflict' as const, message: 'Someone else saved this since you opened it.' },
      })),
    );
    await userEvent.type(screen.getByLabelText('What does the person want to achieve, change or keep the same?'), 'Walk to the shop');
    await userEvent.selectOptions(screen.getByLabelText('Which part of life is it about?'), 'COMMUNITY');
    await userEvent.click(screen.getByRole('button', { name: 'Add the outcome' }));
    expect(screen.getByRole('alert')).toHaveTextContent('There is a problemSomeone else saved this since you opened it.');
    expect(screen.getByLabelText('What does the person want to achieve, change or keep the same?')).toHaveValue('Walk to the shop');
  });
});
