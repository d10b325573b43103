import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WarningText } from './WarningText';

describe('WarningText', () => {
  it('says "Warning" to screen readers and hides the icon', () => {
    render(<WarningText>Risks to workers must be mitigated before reablement starts.</WarningText>);
    const strong = screen.getByText('Risks to workers must be mitigated before reablement starts.', { exact: false });
    expect(strong).toHaveTextContent('Warning Risks to workers');
    expect(screen.getByText('!')).toHaveAttribute('aria-hidden', 'true');
  });
});
