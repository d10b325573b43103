import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InsetText } from './InsetText';

describe('InsetText', () => {
  it('sets its content apart', () => {
    render(<InsetText>The person asked for a copy in large print.</InsetText>);
    expect(screen.getByText('The person asked for a copy in large print.')).toHaveClass('govuk-inset-text');
  });
});
