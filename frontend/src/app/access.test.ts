import { describe, expect, it } from 'vitest';
import { canUse, navigationAreas } from './access';

describe('which parts of the app each role may use (issue 13)', () => {
  it('keeps a worker to their visits', () => {
    const worker = ['WORKER'];
    expect(canUse('today', worker)).toBe(true);
    for (const area of ['due', 'caseload', 'audit', 'records', 'find', 'home', 'service', 'team'] as const) expect(canUse(area, worker)).toBe(false);
    expect(navigationAreas(worker)).toEqual([{ href: '/today', text: "Today's visits" }]);
  });

  it('gives practitioners their caseload, due list and search, and auditors only the log', () => {
    expect(navigationAreas(['PRACTITIONER']).map((a) => a.href)).toEqual(['/caseload', '/due', '/people/find']);
    expect(navigationAreas(['AUDITOR']).map((a) => a.href)).toEqual(['/audit']);
    expect(canUse('records', ['AUDITOR'])).toBe(false);
  });

  it('gives a carer and the person their own home, and nothing of the staff screens', () => {
    expect(navigationAreas(['CARER'])).toEqual([{ href: '/home', text: 'Home' }]);
    expect(navigationAreas(['PERSON'])).toEqual([{ href: '/home', text: 'Home' }]);
    for (const area of ['due', 'find', 'audit', 'team', 'service', 'today'] as const) expect(canUse(area, ['CARER'])).toBe(false);
  });

  it("gives managers their team's or service's home beside the due list", () => {
    expect(navigationAreas(['MANAGER']).map((a) => a.href)).toEqual(['/team', '/caseload', '/due', '/people/find']);
    expect(navigationAreas(['REGISTERED_MANAGER']).map((a) => a.href)).toEqual(['/service', '/caseload', '/due']);
    expect(canUse('home', ['MANAGER'])).toBe(false);
  });
});
