import type { ReactNode } from 'react';
import { cx } from './classNames';

/** govuk-frontend 6's tag colours; blue is the default (no modifier). */
export type TagColour = 'blue' | 'grey' | 'green' | 'teal' | 'purple' | 'magenta' | 'red' | 'orange' | 'yellow';

export interface TagProps {
  colour?: TagColour;
  children: ReactNode;
  className?: string;
}

/** govuk-tag: a short status label. Tags are not links or buttons. */
export function Tag({ colour = 'blue', children, className }: TagProps) {
  return <strong className={cx('govuk-tag', colour !== 'blue' && `govuk-tag--${colour}`, className)}>{children}</strong>;
}

/** A plan's lifecycle (domain R2) as people read it, and its colour. */
export const planStatusTags = {
  DRAFT: { text: 'Draft', colour: 'grey' },
  AGREED: { text: 'Agreed', colour: 'teal' },
  ACTIVE: { text: 'Active', colour: 'green' },
  UNDER_REVIEW: { text: 'Under review', colour: 'yellow' },
  ENDED: { text: 'Ended', colour: 'purple' },
  REFUSED: { text: 'Refused', colour: 'orange' },
  WITHDRAWN: { text: 'Withdrawn', colour: 'red' },
  SUPERSEDED: { text: 'Superseded', colour: 'grey' },
} as const satisfies Record<string, { text: string; colour: TagColour }>;

export type PlanStatus = keyof typeof planStatusTags;

/** "UNDER_REVIEW" → "Under review", for statuses without their own wording. */
export function humaniseStatus(status: string): string {
  const words = status.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A status tag: known plan statuses get their wording and colour; anything
 * else is shown grey in plain words, so a new server status still reads well.
 */
export function StatusTag({ status, colours = planStatusTags }: { status: string; colours?: Record<string, { text: string; colour: TagColour }> }) {
  const known = colours[status];
  return <Tag colour={known?.colour ?? 'grey'}>{known?.text ?? humaniseStatus(status)}</Tag>;
}
