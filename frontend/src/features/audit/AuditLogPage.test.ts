import { describe, expect, it } from 'vitest';
import { emptyDate } from '../../components';
import { auditWhere } from './AuditLogPage';

describe("the audit log's filter", () => {
  it('asks for nothing when nothing is typed', () => {
    expect(auditWhere({ viewer: ' ', from: emptyDate, to: emptyDate, flaggedOnly: false })).toBeNull();
  });

  it('filters by viewer, a whole-day date range and flagged access', () => {
    expect(auditWhere({ viewer: ' priya ', from: { day: '1', month: '11', year: '2026' }, to: { day: '30', month: '11', year: '2026' }, flaggedOnly: true })).toEqual({
      viewerNameContainsFold: 'priya',
      occurredAtGTE: '2026-11-01T00:00:00.000Z',
      occurredAtLT: '2026-12-01T00:00:00.000Z',
      flagged: true,
    });
  });
});
