import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusTag, Tag, humaniseStatus } from './Tag';

describe('Tag', () => {
  it('shows its text with the colour modifier (blue needs none)', () => {
    render(
      <>
        <Tag colour="red">Overdue</Tag>
        <Tag>New</Tag>
      </>,
    );
    expect(screen.getByText('Overdue')).toHaveClass('govuk-tag', 'govuk-tag--red');
    expect(screen.getByText('New').className).toBe('govuk-tag');
  });

  it('words and colours plan statuses, and words unknown ones plainly in grey', () => {
    render(
      <>
        <StatusTag status="UNDER_REVIEW" />
        <StatusTag status="ACTIVE" />
        <StatusTag status="AWAITING_SIGNATURE" />
      </>,
    );
    expect(screen.getByText('Under review')).toHaveClass('govuk-tag--yellow');
    expect(screen.getByText('Active')).toHaveClass('govuk-tag--green');
    expect(screen.getByText('Awaiting signature')).toHaveClass('govuk-tag--grey');
    expect(humaniseStatus('ENDED')).toBe('Ended');
  });
});
