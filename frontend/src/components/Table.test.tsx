import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setViewportWidth } from '../test/viewport';
import { Table, type TableColumn } from './Table';

interface Person {
  id: string;
  name: string;
  status: string;
  visits: number;
}

const rows: Person[] = [
  { id: '1', name: 'Ada Lovelace', status: 'Active', visits: 12 },
  { id: '2', name: 'Charles Babbage', status: 'Draft', visits: 0 },
];
const columns: Array<TableColumn<Person>> = [
  { key: 'name', header: 'Name', cell: (p) => p.name, hideInCard: true },
  { key: 'status', header: 'Plan status', cell: (p) => p.status },
  { key: 'visits', header: 'Visits', cell: (p) => p.visits, numeric: true },
];

const table = <Table caption="Your caseload" columns={columns} rows={rows} rowKey={(p) => p.id} cardTitle={(p) => p.name} firstCellIsHeader />;

describe('Table', () => {
  it('from 641px is a captioned table with column and row headers', () => {
    setViewportWidth(1024);
    render(table);
    const grid = screen.getByRole('table', { name: 'Your caseload' });
    expect(within(grid).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Name', 'Plan status', 'Visits']);
    expect(within(grid).getByRole('rowheader', { name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(within(grid).getByRole('cell', { name: '12' })).toHaveClass('govuk-table__cell--numeric');
  });

  it('below 641px is one summary card per row, titled by the row', () => {
    setViewportWidth(320);
    render(table);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const region = screen.getByRole('region', { name: 'Your caseload' });
    const cards = within(region).getAllByRole('heading', { level: 3 });
    expect(cards.map((h) => h.textContent)).toEqual(['Ada Lovelace', 'Charles Babbage']);
    const first = cards[0]?.closest('.govuk-summary-card') as HTMLElement;
    expect(within(first).getAllByRole('term').map((dt) => dt.textContent)).toEqual(['Plan status', 'Visits']);
    expect(within(first).getAllByRole('definition').map((dd) => dd.textContent)).toEqual(['Active', '12']);
  });
});
