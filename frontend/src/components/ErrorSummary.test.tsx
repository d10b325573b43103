import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary';
import { Radios } from './Radios';
import { TextInput } from './TextInput';

function Form() {
  return (
    <>
      <ErrorSummary
        errors={[
          { fieldId: 'name', text: 'Enter a name' },
          { fieldId: 'agreed', text: 'Select whether they agreed' },
        ]}
      />
      <TextInput id="name" label="Name" error="Enter a name" />
      <Radios name="agreed" legend="Agreed?" error="Select whether they agreed" items={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} />
    </>
  );
}

describe('ErrorSummary', () => {
  it('takes focus when shown, and is an alert titled "There is a problem"', () => {
    render(<Form />);
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    expect(summary.parentElement).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: 'There is a problem' })).toBeInTheDocument();
  });

  it('links each error to its field', () => {
    render(<Form />);
    expect(screen.getByRole('link', { name: 'Enter a name' })).toHaveAttribute('href', '#name');
    expect(screen.getByRole('link', { name: 'Select whether they agreed' })).toHaveAttribute('href', '#agreed');
  });

  it('moves focus to the field when a link is followed', async () => {
    render(<Form />);
    await userEvent.click(screen.getByRole('link', { name: 'Enter a name' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await userEvent.click(screen.getByRole('link', { name: 'Select whether they agreed' }));
    expect(screen.getByRole('radio', { name: 'Yes' })).toHaveFocus();
  });

  it('renders nothing without errors', () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows the rule behind a refusal in small print, apart from the words that say what to do (issue 12, item 7)', () => {
    render(<ErrorSummary errors={[]} description="Ask the registered manager of the reablement service to confirm it." rule="R31" />);
    const summary = screen.getByRole('alert');
    expect(screen.getByText('Ask the registered manager of the reablement service to confirm it.')).not.toHaveTextContent('R31');
    expect(summary).toHaveTextContent('Rule R31 of the reablement procedures');
    expect(screen.getByText('Rule R31 of the reablement procedures')).toHaveClass('govuk-body-s');
  });
});
