import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Radios } from './Radios';

const items = [
  { value: 'yes', label: 'Yes', hint: 'They agreed the plan' },
  { value: 'no', label: 'No', conditional: <p>Record why not</p> },
  { divider: 'or' },
  { value: 'unsure', label: 'Not sure yet' },
];

describe('Radios', () => {
  it('groups the options under the legend, described by hint and error', () => {
    render(<Radios name="agreed" legend="Did the person agree the plan?" hint="Ask them directly" error="Select whether the person agreed the plan" items={items} />);
    const group = screen.getByRole('group', { name: 'Did the person agree the plan?' });
    expect(group).toHaveAttribute('aria-describedby', 'agreed-hint agreed-error');
    expect(group).toHaveAccessibleDescription('Ask them directly Error: Select whether the person agreed the plan');
    expect(screen.getAllByRole('radio')).toHaveLength(3);
  });

  it('gives the first option the bare prefix as its id, for the error summary to link to', () => {
    render(<Radios name="agreed" idPrefix="plan-agreed" legend="Agreed?" items={items} />);
    expect(screen.getByRole('radio', { name: 'Yes' })).toHaveAttribute('id', 'plan-agreed');
    expect(screen.getByRole('radio', { name: 'No' })).toHaveAttribute('id', 'plan-agreed-2');
    expect(screen.getByRole('radio', { name: 'Not sure yet' })).toHaveAttribute('id', 'plan-agreed-3');
  });

  it('describes an option by its own hint', () => {
    render(<Radios name="agreed" legend="Agreed?" items={items} />);
    expect(screen.getByRole('radio', { name: 'Yes' })).toHaveAccessibleDescription('They agreed the plan');
  });

  it('selects, reports the value and reveals conditional content', async () => {
    const onChange = vi.fn();
    render(<Radios name="agreed" legend="Agreed?" items={items} onChange={onChange} />);
    const no = screen.getByRole('radio', { name: 'No' });
    expect(no).not.toHaveAttribute('aria-expanded');
    expect(document.getElementById('conditional-agreed-2')).toHaveClass('govuk-radios__conditional--hidden');
    await userEvent.click(screen.getByLabelText('No'));
    expect(no).toBeChecked();
    expect(no).toHaveAttribute('aria-controls', 'conditional-agreed-2');
    expect(document.getElementById('conditional-agreed-2')).not.toHaveClass('govuk-radios__conditional--hidden');
    expect(onChange).toHaveBeenCalledWith('no');
  });

  it('follows a controlled value', () => {
    render(<Radios name="agreed" legend="Agreed?" items={items} value="unsure" onChange={() => undefined} />);
    expect(screen.getByRole('radio', { name: 'Not sure yet' })).toBeChecked();
  });
});
