import { describe, expect, it } from 'vitest';
import { canUse, navigationAreas } from './access';

describe('which parts of the app each role may use (issue 13)', () => {
  it('keeps a worker to their visits', () => {
    const worker = ['WORKER'];
    expect(canUse('today', worker)).toBe(true);
    for (const area of ['due', 'caseload', 'audit', 'records', 'find'] as const) expect(canUse(area, worker)).toBe(false);
    expect(navigationAreas(worker)).toEqual([{ href: '/today', text: "Today's visits" }]);
  });

  it('gives practitioners their caseload, due list and search, and auditors only the log', () => {
    expect(navigationAreas(['PRACTITIONER']).map((a) => a.href)).toEqual(['/caseload', '/due', '/people/find']);
    expect(navigationAreas(['AUDITOR']).map((a) => a.href)).toEqual(['/audit']);
    expect(canUse('records', ['AUDITOR'])).toBe(false);
  });

  it('shows a carer what was shared with them, and nothing of the staff screens', () => {
    expect(navigationAreas(['CARER'])).toEqual([{ href: '/caseload', text: 'Shared with you' }]);
    expect(canUse('due', ['CARER'])).toBe(false);
  });
});
