import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Fieldset } from './Fieldset';

describe('Fieldset', () => {
  it('is a group named by its legend', () => {
    render(
      <Fieldset legend="Address" legendSize="m">
        <input aria-label="Town" />
      </Fieldset>,
    );
    expect(screen.getByRole('group', { name: 'Address' })).toContainElement(screen.getByLabelText('Town'));
  });

  it('puts the legend in the h1 when it is the page heading', () => {
    render(
      <Fieldset legend="Where do they live?" isPageHeading describedBy="where-hint">
        <p id="where-hint">Their usual address</p>
      </Fieldset>,
    );
    const group = screen.getByRole('group', { name: 'Where do they live?' });
    expect(screen.getByRole('heading', { level: 1, name: 'Where do they live?' })).toBeInTheDocument();
    expect(group).toHaveAccessibleDescription('Their usual address');
  });
});
