import { personFlags, type FlagKey } from '../../lib/personFlags';
import { canRead, canReadCoded, type SectionAccessLike } from '../../lib/sections';

/** A person as the caseload query returns them (only what the caseload reads). */
export interface CaseloadNode {
  id: string;
  legalName?: string | null;
  preferredName?: string | null;
  advocacy?: string | null;
  lacksCapacityForPlanning?: boolean | null;
  autism?: boolean | null;
  deafblind?: boolean | null;
  allocatedPractitioner?: { id: string; displayName: string } | null;
  viewerAccess: readonly SectionAccessLike[];
  plans: {
    edges?: ReadonlyArray<{
      node?: {
        id: string;
        version: number;
        status: string;
        /** Still in progress (R2), as the server decides it. */
        inProgress: boolean;
        firstReviewDue?: string | null;
        reviews?: ReadonlyArray<{ id: string; due?: string | null; heldAt?: string | null; decision?: string | null }> | null;
      } | null;
    } | null> | null;
  };
}

/** One row of the caseload, ready to render. */
export interface CaseloadRow {
  id: string;
  /** What the person likes to be called; null when not shared. */
  preferredName: string | null;
  /** Full legal name; null when not shared. */
  legalName: string | null;
  /** The newest plan version, if any. */
  plan: { id: string; version: number; status: string } | null;
  /** When the next review is due (YYYY-MM-DD), if one is. */
  nextReview: string | null;
  /** Whether the next review date has passed. */
  overdue: boolean;
  /** Flags, when the viewer may see them. */
  flags: FlagKey[];
  /** False when the viewer has no basis for the sections the flags come from. */
  flagsShared: boolean;
  allocatedTo: string | null;
}

/**
 * When the newest plan's next review is due: the earliest review not yet
 * held and not declined, or else the first review date the plan set. Ended
 * plans have none.
 */
export function nextReviewDue(plan: NonNullable<NonNullable<NonNullable<CaseloadNode['plans']['edges']>[number]>['node']> | null | undefined): string | null {
  // A plan still in progress (as the server says, R2) has reviews to come.
  if (!plan?.inProgress) return null;
  const pending = (plan.reviews ?? [])
    .filter((review) => !review.heldAt && review.decision !== 'DECLINED' && review.due)
    .map((review) => review.due as string)
    .sort();
  if (pending[0]) return pending[0];
  const held = (plan.reviews ?? []).some((review) => review.heldAt);
  return held ? null : (plan.firstReviewDue ?? null);
}

export function caseloadRow(node: CaseloadNode, today: string | null | undefined): CaseloadRow {
  const plan = node.plans.edges?.[0]?.node ?? null;
  const nextReview = nextReviewDue(plan);
  const access = node.viewerAccess;
  return {
    id: node.id,
    preferredName: canRead(access, 'CONTACT') ? (node.preferredName ?? null) || null : null,
    legalName: canRead(access, 'IDENTITY') ? (node.legalName ?? null) || null : null,
    plan: plan ? { id: plan.id, version: plan.version, status: plan.status } : null,
    nextReview,
    overdue: Boolean(nextReview && today && nextReview < today),
    flags: personFlags(node),
    flagsShared: canReadCoded(access, 'CAPACITY') && canReadCoded(access, 'COMMUNICATION'),
    allocatedTo: node.allocatedPractitioner?.displayName ?? null,
  };
}

/** The name to show for a row, or null when no name is shared. */
export function displayName(row: Pick<CaseloadRow, 'preferredName' | 'legalName'>): string | null {
  return row.preferredName ?? row.legalName;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Client-side filters: a name search and flags (all of them must apply). */
export interface ClientFilters {
  name: string;
  flags: readonly FlagKey[];
}

export function matchesClientFilters(row: CaseloadRow, filters: ClientFilters): boolean {
  const query = fold(filters.name.trim());
  if (query) {
    const names = [row.preferredName, row.legalName].filter((n): n is string => Boolean(n)).map(fold);
    if (!query.split(/\s+/).every((word) => names.some((name) => name.includes(word)))) return false;
  }
  return filters.flags.every((flag) => row.flags.includes(flag));
}
