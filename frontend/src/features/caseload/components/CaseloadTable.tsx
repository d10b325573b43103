import { Link, StatusTag, Table, Tag, TagList, type TableColumn } from '../../../components';
import { formatDate } from '../../../lib/format';
import { flagLabels, type FlagKey } from '../../../lib/personFlags';
import { displayName, type CaseloadRow } from '../model';

const flagColours: Record<FlagKey, 'orange' | 'purple' | 'teal' | 'magenta'> = {
  advocate: 'orange',
  capacity: 'purple',
  autism: 'teal',
  deafblind: 'magenta',
};

/** The flags of one person as tags; says so when they are not shared. */
export function CaseloadFlags({ row }: { row: Pick<CaseloadRow, 'flags' | 'flagsShared'> }) {
  if (!row.flagsShared) return <span className="govuk-hint govuk-!-margin-0">Not shared with you</span>;
  if (row.flags.length === 0) return <span className="govuk-visually-hidden">None</span>;
  return <TagList label="Flags" tags={row.flags.map((flag) => ({ text: flagLabels[flag], colour: flagColours[flag] }))} />;
}

function rowTitle(row: CaseloadRow): string {
  return displayName(row) ?? 'Name not shared with you';
}

function NameCell({ row }: { row: CaseloadRow }) {
  const name = displayName(row);
  return (
    <>
      <Link className="govuk-link" href={`/people/${row.id}`}>
        {name ?? (
          <>
            Name not shared<span className="govuk-visually-hidden"> (record {row.id})</span>
          </>
        )}
      </Link>
      {row.legalName && row.preferredName && row.legalName !== row.preferredName && (
        <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 app-block">
          <span className="govuk-visually-hidden">Legal name: </span>
          {row.legalName}
        </span>
      )}
    </>
  );
}

function PlanCell({ row }: { row: CaseloadRow }) {
  if (!row.plan) return <>No plan yet</>;
  return (
    <>
      <StatusTag status={row.plan.status} />
      <span className="govuk-visually-hidden">, </span>
      <span className="govuk-hint govuk-!-font-size-16 govuk-!-margin-bottom-0 app-block">Version {row.plan.version}</span>
    </>
  );
}

function ReviewCell({ row }: { row: CaseloadRow }) {
  if (!row.nextReview) return <>None due</>;
  return (
    <>
      {formatDate(row.nextReview)}
      {row.overdue && (
        <>
          {' '}
          <Tag colour="red">Overdue</Tag>
        </>
      )}
    </>
  );
}

const columns: ReadonlyArray<TableColumn<CaseloadRow>> = [
  { key: 'name', header: 'Name', cell: (row) => <NameCell row={row} />, hideInCard: true },
  { key: 'plan', header: 'Plan status', cell: (row) => <PlanCell row={row} /> },
  { key: 'review', header: 'Next review due', cell: (row) => <ReviewCell row={row} /> },
  { key: 'flags', header: 'Flags', cell: (row) => <CaseloadFlags row={row} /> },
];

/**
 * The caseload: a table from 641px, one card per person below (Table does
 * this). Renders props only.
 */
export function CaseloadTable({ rows, caption }: { rows: readonly CaseloadRow[]; caption: string }) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      captionHidden
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      firstCellIsHeader
      cardTitle={rowTitle}
      cardTitleContent={(row) => (
        <Link className="govuk-link" href={`/people/${row.id}`}>
          {rowTitle(row)}
          {row.legalName && row.preferredName && row.legalName !== row.preferredName && ` (${row.legalName})`}
        </Link>
      )}
      cardHeadingLevel={3}
    />
  );
}
