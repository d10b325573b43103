import type { SectionAccessLike } from '../../lib/sections';

type Maybe<T> = T | null | undefined;

export interface StepData {
  id: string;
  description?: Maybe<string>;
  position: number;
  targetDate?: Maybe<string>;
  status?: Maybe<string>;
}

export interface OutcomeData {
  id: string;
  statement?: Maybe<string>;
  kind?: Maybe<string>;
  domain?: Maybe<string>;
  supportRequired?: Maybe<string>;
  measure?: Maybe<string>;
  targetDate?: Maybe<string>;
  achievement?: Maybe<string>;
  position: number;
  steps?: Maybe<readonly StepData[]>;
}

export interface ContingencyData {
  id: string;
  measures?: Maybe<string>;
  trigger?: Maybe<string>;
  whoActs?: Maybe<string>;
}

export interface RiskData {
  id: string;
  kind?: Maybe<string>;
  category?: Maybe<string>;
  description?: Maybe<string>;
  wellbeingImpact?: Maybe<string>;
  likelihood?: Maybe<string>;
  likelihoodEvidence?: Maybe<string>;
  benefits?: Maybe<string>;
  strategy?: Maybe<string>;
  environmentAssessmentRequired?: Maybe<boolean>;
  environmentAssessmentDoneAt?: Maybe<string>;
  mitigationConfirmedAt?: Maybe<string>;
  contingencies?: Maybe<readonly ContingencyData[]>;
}

export interface VisitData {
  id: string;
  startsAt: string;
  durationMinutes?: Maybe<number>;
  status: string;
  /** Null for viewers outside the council, who see no staff accounts. */
  worker?: Maybe<{ id: string; displayName: string }>;
}

export interface ReviewData {
  id: string;
  kind?: Maybe<string>;
  due?: Maybe<string>;
  heldAt?: Maybe<string>;
  decision?: Maybe<string>;
  result?: Maybe<string>;
  reviewer?: Maybe<{ id: string; displayName: string }>;
}

/** A plan version as the plan page renders it; gated fields may be null. */
export interface PlanData {
  id: string;
  /** Still in progress (R2), as the server decides it. */
  inProgress: boolean;
  version: number;
  revision: number;
  status: string;
  createdAt?: Maybe<string>;
  agreedAt?: Maybe<string>;
  commencedAt?: Maybe<string>;
  endedAt?: Maybe<string>;
  endReason?: Maybe<string>;
  visitFrequency?: Maybe<string>;
  visitDurationMinutes?: Maybe<number>;
  workerTasks?: Maybe<string>;
  fluctuatingNeeds?: Maybe<string>;
  otherSupport?: Maybe<string>;
  noOtherSupport?: Maybe<boolean>;
  reviewFrequency?: Maybe<string>;
  firstReviewDue?: Maybe<string>;
  plannedStart?: Maybe<string>;
  plannedEnd?: Maybe<string>;
  interimMeasures?: Maybe<boolean>;
  person: { id: string; preferredName?: Maybe<string>; legalName?: Maybe<string>; viewerAccess: readonly SectionAccessLike[] };
  supersedes?: Maybe<{ id: string; version: number; amendments?: Maybe<ReadonlyArray<{ id: string; details?: Maybe<string>; resultingPlan?: Maybe<{ id: string }> }>> }>;
  supersededBy?: Maybe<{ id: string; version: number; status: string }>;
  serviceTeam?: Maybe<{ id: string; name: string }>;
  reviewResponsible?: Maybe<{ id: string; displayName: string; jobTitle?: Maybe<string> }>;
  needs?: Maybe<ReadonlyArray<{ id: string; area?: Maybe<string>; description?: Maybe<string>; effect?: Maybe<string> }>>;
  outcomes?: Maybe<{ edges?: Maybe<ReadonlyArray<Maybe<{ node?: Maybe<OutcomeData> }>>> }>;
  risks?: Maybe<readonly RiskData[]>;
  reviews?: Maybe<readonly ReviewData[]>;
  viewerAccess: readonly SectionAccessLike[];
}

/** The outcomes of a plan in order, steps in order within each. */
export function outcomesOf(plan: Pick<PlanData, 'outcomes'>): OutcomeData[] {
  return (plan.outcomes?.edges ?? [])
    .flatMap((edge) => (edge?.node ? [edge.node] : []))
    .sort((a, b) => a.position - b.position)
    .map((outcome) => ({ ...outcome, steps: sortSteps(outcome.steps ?? []) }));
}

export function sortSteps(steps: readonly StepData[]): StepData[] {
  return [...steps].sort((a, b) => a.position - b.position);
}

export function planPersonName(plan: Pick<PlanData, 'person'>): string | null {
  const access = plan.person.viewerAccess;
  const contact = access.find((a) => a.section === 'CONTACT');
  const identity = access.find((a) => a.section === 'IDENTITY');
  const preferred = contact?.allowed && !contact.codedOnly ? plan.person.preferredName?.trim() : null;
  const legal = identity?.allowed && !identity.codedOnly ? plan.person.legalName?.trim() : null;
  return preferred || legal || null;
}
