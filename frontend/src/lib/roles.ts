/**
 * Roles as the server names them (the GraphQL Role enum), how the app names
 * them to people, and where each lands after signing in.
 */
import type { Role as GeneratedRole } from '../gql/graphql';

/** The API's roles, from the generated enum: a new role fails the type check where roles are listed. */
export type Role = GeneratedRole;

/** Roles in the order the sign-in page lists its groups, with their names. */
export const roleGroups: ReadonlyArray<{ role: Role; one: string; many: string }> = [
  { role: 'PRACTITIONER', one: 'Practitioner', many: 'Practitioners' },
  { role: 'MANAGER', one: 'Team manager', many: 'Team managers' },
  { role: 'REGISTERED_MANAGER', one: 'Registered manager', many: 'Registered managers' },
  { role: 'WORKER', one: 'Reablement worker', many: 'Reablement workers' },
  { role: 'ANALYST', one: 'Analyst', many: 'Analysts' },
  { role: 'AUDITOR', one: 'Auditor', many: 'Auditors' },
  { role: 'RETURNS_OFFICER', one: 'Statutory returns officer', many: 'Statutory returns officers' },
  { role: 'CARER', one: 'Carer', many: 'Carers' },
  { role: 'ADVOCATE', one: 'Advocate', many: 'Advocates' },
  { role: 'RECIPIENT', one: 'Recipient of a copy', many: 'Recipients of copies' },
  { role: 'PERSON', one: 'Person receiving reablement', many: 'People receiving reablement' },
];

/** Which role names an account holding several: the one with most responsibility. */
const precedence: readonly Role[] = ['REGISTERED_MANAGER', 'MANAGER', 'AUDITOR', 'ANALYST', 'RETURNS_OFFICER', 'PRACTITIONER', 'WORKER', 'ADVOCATE', 'CARER', 'RECIPIENT', 'PERSON'];

/** An account's main role (a manager who also practises is a manager). */
export function primaryRole(roles: readonly string[]): string | undefined {
  return precedence.find((role) => roles.includes(role)) ?? roles[0];
}

/** The name of a role for people; unknown roles in plain words. */
export function roleName(role: string): string {
  const group = roleGroups.find((g) => g.role === role);
  if (group) return group.one;
  const words = role.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Roles whose work starts from a caseload rather than from today's visits. */
const caseloadRoles: readonly string[] = ['PRACTITIONER', 'MANAGER', 'REGISTERED_MANAGER'] satisfies readonly Role[];

/** Whether the account's work is today's visits (a worker without caseload duties). */
export function isVisitWorker(roles: readonly string[]): boolean {
  return roles.includes('WORKER') && !roles.some((role) => caseloadRoles.includes(role));
}

/** Whether the account only audits: it sees the log, never a care record (consent.md). */
export function isAuditorOnly(roles: readonly string[]): boolean {
  return roles.includes('AUDITOR') && roles.every((role) => role === 'AUDITOR' || role === 'ANALYST');
}

/**
 * Where to go after signing in (issue 13: each lands on their own home):
 * workers to today's visits, auditors to the log, a registered manager to
 * their service's day, a team manager to their team, the person, carers
 * and advocates to their own home, practitioners to the caseload.
 */
export function homePathFor(roles: readonly string[]): '/today' | '/caseload' | '/audit' | '/home' | '/team' | '/service' {
  if (isAuditorOnly(roles)) return '/audit';
  if (isVisitWorker(roles)) return '/today';
  if (roles.includes('REGISTERED_MANAGER')) return '/service';
  if (roles.includes('MANAGER')) return '/team';
  if (isOutsideViewer(roles)) return '/home';
  return '/caseload';
}

/** Roles of council staff; anyone else signs in to see what was shared with them. */
const staffRoles: readonly string[] = ['PRACTITIONER', 'MANAGER', 'REGISTERED_MANAGER', 'WORKER', 'ANALYST', 'AUDITOR', 'RETURNS_OFFICER'] satisfies readonly Role[];

/** Whether the account is outside the council: a carer, an advocate, another recipient or the person. */
export function isOutsideViewer(roles: readonly string[]): boolean {
  return roles.length > 0 && !roles.some((role) => staffRoles.includes(role));
}
