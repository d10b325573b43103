import type { OutcomeAchievement, OutcomeStepStatus, PlanStatus, RiskKind, RiskLikelihood, VisitStatus } from '../../gql/graphql';
import { planStatusTags, type TagColour } from '../../components';

/** Words for the plan's coded values, shared by the plan page and the edit pages. */

export const outcomeKinds = {
  ACHIEVE: 'Achieve something new',
  CHANGE: 'Change something',
  KEEP_THE_SAME: 'Keep something the same',
} as const;

export const outcomeDomains = {
  PERSONAL_CARE: 'Personal care',
  NUTRITION: 'Food and drink',
  HOME_SAFETY: 'Being safe at home',
  MOBILITY: 'Getting around',
  HOME_ENVIRONMENT: 'Looking after the home',
  RELATIONSHIPS: 'Family and relationships',
  SOCIAL: 'Social life',
  WORK_LEARNING: 'Work, training or learning',
  COMMUNITY: 'Community and local services',
  CARING_RESPONSIBILITIES: 'Caring for others',
  OTHER: 'Something else',
} as const;

export const achievements: Record<string, { text: string; colour: TagColour }> = {
  NOT_STARTED: { text: 'Not started', colour: 'grey' },
  IN_PROGRESS: { text: 'In progress', colour: 'blue' },
  ACHIEVED: { text: 'Achieved', colour: 'green' },
  PARTLY_ACHIEVED: { text: 'Partly achieved', colour: 'yellow' },
  NOT_ACHIEVED: { text: 'Not achieved', colour: 'red' },
} satisfies Record<OutcomeAchievement, { text: string; colour: TagColour }>;

export const stepStatuses = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
} as const satisfies Record<OutcomeStepStatus, string>;

/** R6's four kinds of risk, in the order the plan discusses them. */
export const riskKinds = {
  TO_PERSON_FROM_NEEDS: { heading: 'Risks to the person from their needs', short: 'To the person, from their needs', hint: 'What could happen because of the needs reablement works on.' },
  TO_PERSON_FROM_OUTCOME: {
    heading: 'Risks to the person from the outcomes they choose',
    short: 'To the person, from an outcome they choose',
    hint: 'Positive risk-taking: weigh the benefits the person wants against the risk.',
  },
  TO_PLAN: { heading: 'Risks to the plan', short: 'To the plan', hint: 'What could stop the plan working. Each needs an agreed contingency (R7).' },
  TO_WORKER: { heading: 'Risks to the worker', short: 'To the reablement worker', hint: 'A registered manager confirms these are mitigated before visits start (R31).' },
} as const;

export type RiskKindName = keyof typeof riskKinds;

/** R6's kinds are the API's: a new kind of risk fails the type check here until it has words. */
export const riskKindsChecked: Record<RiskKind, unknown> = riskKinds;

/**
 * The plan statuses' words (components/Tag.tsx, which knows nothing of the
 * API) cover every status the API has (R2): a new status fails the type
 * check here until it has words.
 */
export const planStatusWords: Record<PlanStatus, { text: string; colour: TagColour }> = planStatusTags;

export const riskKindOrder = Object.keys(riskKinds) as RiskKindName[];

export { riskCategories } from '../../lib/riskCategories';

export const likelihoods = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' } as const satisfies Record<RiskLikelihood, string>;

export const visitStatuses: Record<string, { text: string; colour: TagColour }> = {
  SCHEDULED: { text: 'Scheduled', colour: 'blue' },
  IN_PROGRESS: { text: 'In progress', colour: 'yellow' },
  COMPLETED: { text: 'Completed', colour: 'green' },
  MISSED: { text: 'Missed', colour: 'red' },
  CANCELLED: { text: 'Cancelled', colour: 'grey' },
} satisfies Record<VisitStatus, { text: string; colour: TagColour }>;

export const label = <T extends Record<string, string>>(labels: T, value: string | null | undefined): string =>
  value ? ((labels as Record<string, string>)[value] ?? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ')) : '';
