// One table of the report as the server's report-tables.ts defines it: caption, column and row
// headers, groups with a heading (a team, a provision category), totals in bold; long lists hide
// their all-zero rows behind a checkbox.
import { useState } from 'react';
import { Checkbox, FormField, FormLabel, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { formatNumber } from '../../app/format';
import { ScrollTable } from '../../app/ScrollTable';
import type { ReportRow, ReportTable as ReportTableModel } from '../../../server/modules/reports/report-tables';

/** A row with only zeros (a total never is one). */
function isZeroRow(row: ReportRow): boolean {
  return !row.total && row.values.every((v) => v === 0);
}

/** The table with its all-zero rows left out, and the groups left empty. */
function withoutZeroRows(table: ReportTableModel): { table: ReportTableModel; hidden: number } {
  let hidden = 0;
  const groups = table.groups
    .map((group) => {
      const rows = group.rows.filter((row) => {
        const zero = isZeroRow(row);
        if (zero) hidden += 1;
        return !zero;
      });
      // A group whose every row is zero goes altogether, its subtotal too.
      if (group.label !== null && !rows.some((r) => !r.total)) return { ...group, rows: [] };
      return { ...group, rows };
    })
    .filter((group) => group.rows.length > 0);
  return { table: { ...table, groups }, hidden };
}

function cellText(row: ReportRow, value: number | null, decimals: number, mark: string | null, columnDecimals?: number): string {
  if (mark) return mark;
  if (value === null) return '–';
  return `${formatNumber(value, columnDecimals ?? row.decimals ?? decimals)}${row.suffix ? ` ${row.suffix}` : ''}`;
}

export function ReportTable({ table }: { table: ReportTableModel }) {
  const [showZeros, setShowZeros] = useState(false);
  const withoutZeros = withoutZeroRows(table);
  // Offer the checkbox only where there is something to hide.
  const toggle = !!table.zeroRowsToggle && withoutZeros.hidden > 0;
  const { table: shown, hidden } = toggle && !showZeros ? withoutZeros : { table, hidden: 0 };
  const decimals = table.decimals ?? 0;
  const width = table.columns.length + 1;
  const toggleId = `${table.id}-nullen`;
  const hasRows = shown.groups.some((g) => g.rows.length > 0);

  return (
    <div className="kt-report-table">
      {toggle && (
        <>
          <FormField
            type="checkbox"
            className="kt-choice"
            input={<Checkbox id={toggleId} appearance="custom" checked={showZeros} onChange={(e) => setShowZeros(e.target.checked)} aria-describedby={`${toggleId}-status`} />}
            label={
              <FormLabel htmlFor={toggleId} type="checkbox" checked={showZeros}>
                Toon ook rijen met alleen nullen<span className="kt-visually-hidden"> in de tabel “{table.title}”</span>
              </FormLabel>
            }
          />
          <p id={`${toggleId}-status`} className="utrecht-paragraph kt-muted kt-table-status" aria-live="polite">
            {showZeros ? 'Alle rijen worden getoond.' : hidden === 1 ? '1 rij met alleen nullen is verborgen.' : `${hidden} rijen met alleen nullen zijn verborgen.`}
          </p>
        </>
      )}
      {!hasRows ? (
        <Paragraph>
          {table.title}: niets te tonen in deze periode.
        </Paragraph>
      ) : (
        <ScrollTable caption={table.title} className="kt-report">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{table.rowHeader}</TableHeaderCell>
              {table.columns.map((column) => (
                <TableHeaderCell key={column.label} scope="col" className="kt-num">
                  {column.short ? (
                    <>
                      <span aria-hidden="true">{column.short}</span>
                      <span className="kt-visually-hidden">{column.label}</span>
                    </>
                  ) : (
                    column.label
                  )}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          {shown.groups.map((group, groupIndex) => (
            <TableBody key={`${group.label ?? ''}-${groupIndex}`}>
              {group.label !== null && (
                <TableRow className="kt-report__group">
                  <TableHeaderCell scope="rowgroup" colSpan={width}>
                    {group.label}
                  </TableHeaderCell>
                </TableRow>
              )}
              {group.rows.map((row) => (
                <TableRow key={row.label} className={row.total ? 'kt-report__total' : undefined}>
                  <TableHeaderCell scope="row">{row.label}</TableHeaderCell>
                  {row.values.map((value, i) => (
                    <TableCell key={table.columns[i]?.label ?? i} className="kt-num">
                      {cellText(row, value, decimals, row.marks[i] ?? null, table.columns[i]?.decimals)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          ))}
        </ScrollTable>
      )}
      {table.note && <Paragraph className="kt-muted kt-report__note">{table.note}</Paragraph>}
    </div>
  );
}
