import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Checkboxes } from './Checkboxes';

const items = [
  { value: 'OT', label: 'Occupational therapy' },
  { value: 'AT', label: 'Assistive technology', hint: 'Alarms, sensors, aids' },
  { value: 'HEALTH', label: 'Health services', conditional: <p>Name the service</p> },
  { divider: 'or' },
  { value: 'NONE', label: 'No other support', exclusive: true },
];

describe('Checkboxes', () => {
  it('groups the options under the legend, described by hint and error', () => {
    render(<Checkboxes name="support" legend="What other support will they get?" hint="Select all that apply" error="Select the other support, or no other support" items={items} />);
    const group = screen.getByRole('group', { name: 'What other support will they get?' });
    expect(group).toHaveAccessibleDescription('Select all that apply Error: Select the other support, or no other support');
    expect(screen.getByRole('checkbox', { name: 'Occupational therapy' })).toHaveAttribute('id', 'support');
    expect(screen.getByRole('checkbox', { name: 'Assistive technology' })).toHaveAccessibleDescription('Alarms, sensors, aids');
  });

  it('treats "none" as exclusive of the others', async () => {
    const onChange = vi.fn();
    render(<Checkboxes name="support" legend="Other support" items={items} onChange={onChange} />);
    await userEvent.click(screen.getByLabelText('Occupational therapy'));
    await userEvent.click(screen.getByLabelText('Assistive technology'));
    expect(onChange).toHaveBeenLastCalledWith(['OT', 'AT']);
    await userEvent.click(screen.getByLabelText('No other support'));
    expect(onChange).toHaveBeenLastCalledWith(['NONE']);
    expect(screen.getByRole('checkbox', { name: 'Occupational therapy' })).not.toBeChecked();
    await userEvent.click(screen.getByLabelText('Occupational therapy'));
    expect(onChange).toHaveBeenLastCalledWith(['OT']);
    expect(screen.getByRole('checkbox', { name: 'No other support' })).not.toBeChecked();
  });

  it('reveals conditional content while checked', async () => {
    render(<Checkboxes name="support" legend="Other support" items={items} />);
    const health = screen.getByRole('checkbox', { name: 'Health services' });
    expect(health).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(health);
    expect(health).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById(health.getAttribute('aria-controls') ?? '')).not.toHaveClass('govuk-checkboxes__conditional--hidden');
  });
});
