import type { AuditEventAction, Basis, Section } from '../gql/graphql';

/**
 * Sections of a person's record and plan (schema.graphql: enum Section), and
 * how the viewer's access to each (viewerAccess) reads to people. The server
 * decides; the app only explains what it decided.
 */

/** The API's sections, from the generated enum: a new section fails the type check in the tables below. */
export type SectionName = Section;

/** One entry of viewerAccess, as the API sends it. */
export interface SectionAccessLike {
  section: string;
  allowed: boolean;
  basis?: string | null | undefined;
  codedOnly: boolean;
  /** Why the section is withheld from the person themself (third-party information), when it is. */
  withheldFromPerson?: string | null | undefined;
}

/** What each section holds, in words that finish "…you have no basis to see". */
export const sectionLabels: Record<SectionName, string> = {
  IDENTITY: 'identity details',
  CONTACT: 'contact details, carers and contacts',
  COMMUNICATION: 'communication needs',
  CAPACITY: 'capacity and advocacy',
  SAFEGUARDING: 'safeguarding',
  FINANCE: 'finance and charging',
  NEEDS: 'needs',
  OUTCOMES: 'outcomes and progress',
  VISITS: 'visits',
  WORKER_SUPPORT: 'what the worker does',
  OTHER_SUPPORT: 'other support',
  RISKS: 'risks and contingencies',
  REVIEW: 'review arrangements',
  INVOLVEMENT: 'involvement and sharing',
};

/** Why a section is shown: words that finish "Shown to you because…". */
export const basisReasons: Record<string, string> = {
  ALLOCATED: 'you are the allocated practitioner',
  TEAM_MEMBER: 'you work in the allocated team',
  TEAM_MANAGER: 'you manage the allocated team',
  EMERGENCY_ACCESS: 'you have emergency access, which is time-limited and reviewed',
  SERVICE_PROVIDER: 'your service delivers the plan',
  PROVIDER_DUTY: 'you visit the person under this plan',
  CARER_SHARE: 'you are a carer with a copy of the plan',
  CONSENT_SHARE: 'the person agreed to share it with you',
  BEST_INTERESTS: "it was shared with you in the person's best interests",
  PERSON_REQUEST: 'the person asked for you to have a copy',
  ADVOCACY: "you are the person's independent advocate",
  OWN_RECORD: 'it is your own record',
  PSEUDONYMISED_STATS: 'it is used for pseudonymised statistics',
  INFORMATION_GOVERNANCE: 'you work in information governance',
  SEARCH: 'you searched for the person, to see who they are and ask for a basis',
  STATUTORY_RETURN: "it goes into the authority's statutory return to NHS England (Client Level Data)",
} satisfies Record<Basis, string>;

/** What an audit event records (schema: AuditEventAction), in words. */
export const auditActions: Record<string, string> = {
  DISCLOSURE: 'Was shown the record',
  CHANGE: 'Changed the record',
  EMERGENCY_ACCESS: 'Used emergency access',
} satisfies Record<AuditEventAction, string>;

export function sectionLabel(section: string): string {
  return sectionLabels[section as SectionName] ?? section.toLowerCase().replaceAll('_', ' ');
}

/** The viewer's access to one section; undefined when the server did not say. */
export function accessTo(access: readonly SectionAccessLike[] | null | undefined, section: SectionName): SectionAccessLike | undefined {
  return access?.find((entry) => entry.section === section);
}

/** Whether the section's free text is shown to the viewer. */
export function canRead(access: readonly SectionAccessLike[] | null | undefined, section: SectionName): boolean {
  const entry = accessTo(access, section);
  return Boolean(entry?.allowed && !entry.codedOnly);
}

/** Whether at least the section's coded values (statuses, dates, flags) are shown. */
export function canReadCoded(access: readonly SectionAccessLike[] | null | undefined, section: SectionName): boolean {
  return Boolean(accessTo(access, section)?.allowed);
}

/**
 * Why a section is not shown, in one sentence, from viewerAccess: no basis at
 * all, or only coded values (analysts).
 */
export function withheldReason(section: SectionName, entry: SectionAccessLike | undefined): string {
  const label = sectionLabel(section);
  if (!entry?.allowed && entry?.withheldFromPerson) {
    return `Your practitioner has kept ${label} from your copy because it holds information about someone else: ${entry.withheldFromPerson}`;
  }
  if (entry?.allowed && entry.codedOnly) {
    return `Only coded values of ${label} are shared with you, for statistics; what people wrote is withheld.`;
  }
  return `You have no basis to see ${label}.`;
}

/** Why a section is shown, or null when it is not. */
export function shownReason(entry: SectionAccessLike | undefined): string | null {
  if (!entry?.allowed || !entry.basis) return null;
  return basisReasons[entry.basis] ?? entry.basis.toLowerCase().replaceAll('_', ' ');
}
