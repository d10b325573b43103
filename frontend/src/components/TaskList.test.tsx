import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TaskList } from './TaskList';

describe('TaskList', () => {
  it('describes each task link by its hint and status', () => {
    render(
      <TaskList
        idPrefix="plan"
        tasks={[
          { title: 'Needs', href: '/plan/needs', status: { text: 'Completed' } },
          { title: 'Outcomes', href: '/plan/outcomes', hint: 'At least one, in the person’s words', status: { tag: { text: 'Incomplete', colour: 'blue' } } },
          { title: 'Agree the plan', status: { text: 'Cannot start yet' } },
        ]}
      />,
    );
    expect(screen.getByRole('link', { name: 'Needs' })).toHaveAccessibleDescription('Completed');
    expect(screen.getByRole('link', { name: 'Outcomes' })).toHaveAccessibleDescription('At least one, in the person’s words Incomplete');
    expect(screen.queryByRole('link', { name: 'Agree the plan' })).not.toBeInTheDocument();
    expect(screen.getByText('Cannot start yet')).toHaveClass('govuk-task-list__status--cannot-start-yet');
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });
});
