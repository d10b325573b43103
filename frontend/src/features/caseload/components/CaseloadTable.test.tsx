import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setViewportWidth } from '../../../test/viewport';
import { caseloadRow, matchesClientFilters, nextReviewDue, type CaseloadNode } from '../model';
import { CaseloadTable } from './CaseloadTable';

const sections = ['IDENTITY', 'CONTACT', 'COMMUNICATION', 'CAPACITY'];
const allowed = sections.map((section) => ({ section, allowed: true, basis: 'TEAM_MEMBER', codedOnly: false }));

function person(id: string, fields: Partial<CaseloadNode>, plan?: { status: string; inProgress: boolean; firstReviewDue?: string; reviews?: Array<{ id: string; due: string; heldAt?: string; decision?: string }> }): CaseloadNode {
  return {
    id,
    viewerAccess: allowed,
    advocacy: 'NOT_NEEDED',
    lacksCapacityForPlanning: false,
    autism: false,
    deafblind: false,
    ...fields,
    plans: { edges: plan ? [{ node: { id: `${id}-plan`, version: 1, ...plan } }] : [] },
  };
}

const today = '2026-11-22';
const nodes = [
  person('p1', { preferredName: 'Pat', legalName: 'Patricia Lawson', advocacy: 'REFERRAL_WAITING', autism: true }, { status: 'ACTIVE', inProgress: true, firstReviewDue: '2026-11-20' }),
  person('p2', { preferredName: 'Joe', legalName: 'Joseph Okoro', lacksCapacityForPlanning: true, deafblind: true }, { status: 'DRAFT', inProgress: true }),
  person('p3', { preferredName: 'Ann', legalName: 'Ann Smith', viewerAccess: [{ section: 'IDENTITY', allowed: true, basis: 'TEAM_MEMBER', codedOnly: false }] }),
];

describe('caseload rows', () => {
  it('derives the flags a practitioner needs at a glance', () => {
    expect(caseloadRow(nodes[0]!, today).flags).toEqual(['advocate', 'autism']);
    expect(caseloadRow(nodes[1]!, today).flags).toEqual(['capacity', 'deafblind']);
    expect(caseloadRow(person('p4', { advocacy: 'IN_PLACE' }), today).flags).toEqual([]);
  });

  it('knows when flags are not shared, rather than showing none', () => {
    const row = caseloadRow(nodes[2]!, today);
    expect(row.flagsShared).toBe(false);
    expect(row.preferredName).toBeNull();
    expect(row.legalName).toBe('Ann Smith');
  });

  it('takes the next review from pending reviews, else the first review date, and marks it overdue', () => {
    const plan = { id: 'x', version: 1, status: 'ACTIVE', inProgress: true, firstReviewDue: '2026-12-01' };
    expect(nextReviewDue({ ...plan, reviews: [{ id: 'r1', due: '2026-12-10' }, { id: 'r2', due: '2026-11-30', decision: 'DECLINED' }] })).toBe('2026-12-10');
    expect(nextReviewDue({ ...plan, reviews: [] })).toBe('2026-12-01');
    expect(nextReviewDue({ ...plan, reviews: [{ id: 'r1', due: '2026-11-01', heldAt: '2026-11-01T10:00:00Z' }] })).toBeNull();
    expect(nextReviewDue({ ...plan, status: 'ENDED', inProgress: false })).toBeNull();
    expect(caseloadRow(nodes[0]!, today).overdue).toBe(true);
  });

  it('searches names and filters by every flag chosen', () => {
    const rows = nodes.map((node) => caseloadRow(node, today));
    const names = (filters: Parameters<typeof matchesClientFilters>[1]) => rows.filter((row) => matchesClientFilters(row, filters)).map((row) => row.id);
    expect(names({ name: 'patricia', flags: [] })).toEqual(['p1']);
    expect(names({ name: 'JOE okoro', flags: [] })).toEqual(['p2']);
    expect(names({ name: '', flags: ['autism'] })).toEqual(['p1']);
    expect(names({ name: '', flags: ['capacity', 'deafblind'] })).toEqual(['p2']);
    expect(names({ name: '', flags: ['capacity', 'autism'] })).toEqual([]);
  });
});

describe('CaseloadTable', () => {
  const rows = nodes.map((node) => caseloadRow(node, today));

  it('shows names, plan status, next review and flags as tags in a table from 641px', () => {
    setViewportWidth(1024);
    render(<CaseloadTable rows={rows} caption="People in the caseload" />);
    const table = screen.getByRole('table', { name: 'People in the caseload' });
    const [, pat, joe, ann] = within(table).getAllByRole('row');
    expect(within(pat!).getByRole('link', { name: 'Pat' })).toHaveAttribute('href', '/people/p1');
    expect(pat).toHaveTextContent('Patricia Lawson');
    expect(within(pat!).getByText('Active')).toHaveClass('govuk-tag--green');
    expect(within(pat!).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(within(within(pat!).getByRole('list', { name: 'Flags' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Advocate required',
      'Autism',
    ]);
    expect(within(joe!).getByRole('list', { name: 'Flags' })).toHaveTextContent('Lacks capacity for planning');
    expect(within(joe!).getByText('Deafblind')).toHaveClass('govuk-tag');
    expect(ann).toHaveTextContent('No plan yet');
    expect(ann).toHaveTextContent('Not shared with you');
  });

  it('turns each person into a summary card below 641px', () => {
    setViewportWidth(320);
    render(<CaseloadTable rows={rows} caption="People in the caseload" />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('heading', { level: 3, name: 'Pat (Patricia Lawson)' })).toBeVisible();
    expect(screen.getAllByRole('list', { name: 'Flags' })).toHaveLength(2);
  });
});
