import type { TagColour } from '../../components';
import { riskCategories as categoryWords } from '../../lib/riskCategories';

/** Words for coded values on the worker's screens. */

/** The same words as the plan screen uses: one list of risk categories. */
export const riskCategories: Record<string, string> = categoryWords;

export const riskKindNames: Record<string, string> = {
  TO_WORKER: 'Risk to you',
  TO_PERSON_FROM_NEEDS: 'Risk to the person from their needs',
  TO_PERSON_FROM_OUTCOME: 'Risk to the person from an outcome they choose',
  TO_PLAN: 'Risk to the plan',
};

export const stepStatuses = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
} as const;

/** What happened at a visit (the API's VisitOutcome). */
export const visitOutcomes = {
  VISITED: 'I visited',
  NO_REPLY: 'No reply at the door',
  DECLINED: 'The person did not want the visit',
  CANCELLED: 'The visit was cancelled',
} as const;

export const concernKinds = {
  SAFEGUARDING: { text: 'Safeguarding', hint: 'Someone may be at risk of abuse or neglect. It goes to the practitioner and their team manager.' },
  HEALTH: { text: 'Health', hint: 'For example breathless, in pain or unwell. It goes to the practitioner at once.' },
  HOME_ENVIRONMENT: { text: 'Home environment', hint: undefined },
  EQUIPMENT: { text: 'Equipment', hint: undefined },
  OTHER: { text: 'Something else', hint: undefined },
} as const;

export type ConcernKindName = keyof typeof concernKinds;

export const visitStatuses: Record<string, { text: string; colour: TagColour }> = {
  SCHEDULED: { text: 'Scheduled', colour: 'blue' },
  IN_PROGRESS: { text: 'In progress', colour: 'yellow' },
  COMPLETED: { text: 'Recorded', colour: 'green' },
  MISSED: { text: 'Missed', colour: 'red' },
  CANCELLED: { text: 'Cancelled', colour: 'grey' },
};
