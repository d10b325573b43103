import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Select } from './Select';

describe('Select', () => {
  it('is a labelled combobox described by its hint and error', async () => {
    render(
      <Select
        id="team"
        label="Team"
        hint="The team that will hold the case"
        error="Select a team"
        options={[
          { value: '', text: 'Choose a team' },
          { value: 'north', text: 'Reablement North' },
          { value: 'south', text: 'Reablement South' },
        ]}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Team' });
    expect(select).toHaveAccessibleDescription('The team that will hold the case Error: Select a team');
    expect(select).toHaveClass('govuk-select--error');
    await userEvent.selectOptions(select, 'Reablement South');
    expect(select).toHaveValue('south');
  });
});
