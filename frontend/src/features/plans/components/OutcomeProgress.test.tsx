import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OutcomeProgress, progressCounts, progressText } from './OutcomeProgress';

const steps = [
  { id: 's3', position: 3, description: 'Walk to the shop', status: 'NOT_STARTED', targetDate: '2027-02-01' },
  { id: 's1', position: 1, description: 'Walk to the gate', status: 'DONE' },
  { id: 's2', position: 2, description: 'Walk to the end of the road', status: 'IN_PROGRESS' },
];

describe('OutcomeProgress', () => {
  it('says in words how far the outcome has got', () => {
    expect(progressText(progressCounts(steps))).toBe('1 of 3 steps done, 1 in progress');
    expect(progressText(progressCounts([{ status: 'DONE' }]))).toBe('1 of 1 step done');
    expect(progressText(progressCounts([]))).toBe('No steps yet');
  });

  it('draws one bar segment per step, hidden from screen readers because the words say it', () => {
    const { container } = render(<OutcomeProgress steps={steps} idPrefix="o1" />);
    expect(screen.getByText('1 of 3 steps done, 1 in progress')).toBeVisible();
    const bar = container.querySelector('.app-progress__bar');
    expect(bar).toHaveAttribute('aria-hidden', 'true');
    expect(bar?.querySelectorAll('.app-progress__segment')).toHaveLength(3);
    expect(bar?.querySelectorAll('.app-progress__segment--done')).toHaveLength(1);
    expect(bar?.querySelectorAll('.app-progress__segment--in-progress')).toHaveLength(1);
  });

  it('lists the steps in order, each with its status and target date in text', () => {
    render(<OutcomeProgress steps={steps} idPrefix="o1" />);
    const items = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      '✓Walk to the gateDone',
      '…Walk to the end of the roadIn progress',
      '3Walk to the shopNot started, by 1 February 2027',
    ]);
    // The markers are decoration: the status is in the text.
    for (const item of items) expect(item.querySelector('.app-steps__marker')).toHaveAttribute('aria-hidden', 'true');
  });

  it('shows no picture for an outcome without steps', () => {
    const { container } = render(<OutcomeProgress steps={[]} idPrefix="o2" />);
    expect(screen.getByText('No steps yet')).toBeVisible();
    expect(container.querySelector('.app-progress__bar')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });
});
