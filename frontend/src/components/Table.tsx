import type { ReactNode } from 'react';
import { cx } from './classNames';
import { SummaryCard } from './SummaryCard';
import { fromTablet, useMediaQuery } from './useMediaQuery';

export interface TableColumn<Row> {
  /** Unique among the columns. */
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Left out of the card on small screens (e.g. the column the card title repeats). */
  hideInCard?: boolean;
}

export interface TableProps<Row> {
  caption: string;
  captionSize?: 's' | 'm' | 'l' | 'xl';
  /** Show the caption to screen readers only. */
  captionHidden?: boolean;
  columns: ReadonlyArray<TableColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Makes each row's first cell its header (th scope="row"). */
  firstCellIsHeader?: boolean;
  /** Plain-text title of a row's card on small screens. */
  cardTitle: (row: Row) => string;
  /** Richer card title, e.g. a link; defaults to the plain title. */
  cardTitleContent?: (row: Row) => ReactNode;
  /** Heading level of the card titles: one below the page's current heading. */
  cardHeadingLevel?: 2 | 3 | 4;
}

/**
 * govuk-table from 641px up; below that, one summary card per row, because a
 * table of several columns cannot be read on a phone without scrolling sideways.
 * Only one of the two is rendered, so ids and headings are not duplicated.
 */
export function Table<Row>(props: TableProps<Row>) {
  const wide = useMediaQuery(fromTablet);
  const { caption, columns, rows, rowKey } = props;

  if (!wide) {
    return (
      <section aria-label={caption} className="app-table-cards">
        <h2 className={cx(props.captionHidden ? 'govuk-visually-hidden' : `govuk-heading-${props.captionSize ?? 'm'}`)}>{caption}</h2>
        {rows.map((row) => (
          <SummaryCard
            key={rowKey(row)}
            title={props.cardTitle(row)}
            titleContent={props.cardTitleContent?.(row)}
            headingLevel={props.cardHeadingLevel ?? 3}
            rows={columns.filter((column) => !column.hideInCard).map((column) => ({ id: column.key, key: column.header, value: column.cell(row) }))}
          />
        ))}
      </section>
    );
  }

  return (
    <table className="govuk-table">
      <caption className={cx('govuk-table__caption', props.captionHidden ? 'govuk-visually-hidden' : `govuk-table__caption--${props.captionSize ?? 'm'}`)}>{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {columns.map((column) => (
            <th key={column.key} scope="col" className={cx('govuk-table__header', column.numeric && 'govuk-table__header--numeric')}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="govuk-table__row">
            {columns.map((column, index) =>
              index === 0 && props.firstCellIsHeader ? (
                <th key={column.key} scope="row" className="govuk-table__header">
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} className={cx('govuk-table__cell', column.numeric && 'govuk-table__cell--numeric')}>
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
