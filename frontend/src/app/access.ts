import { isAuditorOnly, isOutsideViewer, isVisitWorker } from '../lib/roles';

/**
 * Which parts of the app each role may use: the one place the app decides
 * it (issue 13). The router guards each part with it (RequireArea), and the
 * service navigation lists only the parts a viewer may use, so a route a
 * role cannot use is neither linked nor reachable by typing its address.
 * The API decides what data anyone sees; this only keeps people out of
 * screens that are not for them. Add a home for a new role here.
 */
export type Area = 'today' | 'home' | 'service' | 'team' | 'caseload' | 'records' | 'due' | 'find' | 'audit';

interface AreaRule {
  /** Where the area starts, for the navigation. */
  href: string;
  /** Whether an account holding these roles may use it. */
  allows: (roles: readonly string[]) => boolean;
  /** Its navigation label, if it has one, for these roles. */
  nav?: (roles: readonly string[]) => string | undefined;
}

const staff = (roles: readonly string[], allowed: readonly string[]) => allowed.some((role) => roles.includes(role));

export const areas: Readonly<Record<Area, AreaRule>> = {
  today: { href: '/today', allows: (roles) => roles.includes('WORKER'), nav: () => "Today's visits" },
  // The person's, a carer's or an advocate's own home, in plain English.
  home: { href: '/home', allows: (roles) => isOutsideViewer(roles), nav: () => 'Home' },
  // The registered manager's service today, and the team manager's team.
  service: { href: '/service', allows: (roles) => roles.includes('REGISTERED_MANAGER'), nav: () => 'Service today' },
  team: { href: '/team', allows: (roles) => roles.includes('MANAGER'), nav: () => 'Team' },
  // The caseload: practitioners' and managers' work, and for outside viewers what was shared with them.
  caseload: {
    href: '/caseload',
    allows: (roles) => roles.length > 0 && !isVisitWorker(roles) && !isAuditorOnly(roles),
    // Outside viewers reach what was shared with them from their home.
    nav: (roles) => (isOutsideViewer(roles) ? undefined : 'Caseload'),
  },
  // People's records and plans, reached from the caseload.
  records: { href: '/caseload', allows: (roles) => roles.length > 0 && !isVisitWorker(roles) && !isAuditorOnly(roles) },
  audit: { href: '/audit', allows: (roles) => roles.includes('AUDITOR'), nav: () => 'Audit log' },
  due: { href: '/due', allows: (roles) => staff(roles, ['PRACTITIONER', 'MANAGER', 'REGISTERED_MANAGER']), nav: () => 'Due' },
  // Searching the whole authority is for practitioners and managers (findPeople).
  find: { href: '/people/find', allows: (roles) => staff(roles, ['PRACTITIONER', 'MANAGER']), nav: () => 'Find a person' },
};

/** Whether an account holding these roles may use the area. */
export function canUse(area: Area, roles: readonly string[]): boolean {
  return areas[area].allows(roles);
}

/** The navigation items for these roles, in order. */
export function navigationAreas(roles: readonly string[]): Array<{ href: string; text: string }> {
  return (Object.keys(areas) as Area[]).flatMap((area) => {
    const rule = areas[area];
    const text = rule.allows(roles) ? rule.nav?.(roles) : undefined;
    return text ? [{ href: rule.href, text }] : [];
  });
}
