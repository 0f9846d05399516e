// The annual report (and the Uitstroom report) as one CSV file (web download and CLI), written from the report's tables
// (report-tables.ts, the same the page and the Excel file show): a title line (and the explanation
// of suppressed small numbers on the second), then per table a title row, a header row and its
// rows, tables separated by an empty line. A table whose rows come in groups (a team, a provision
// category) has the group in its first column.
// Pure: no I/O. Comma separated, RFC 4180 quoting, '\n' line ends, decimal point, empty = null;
// a text a spreadsheet would run as a formula (a provider's name) is written as text (csvField).
import type { PublishedAnnualReport } from './reports.schemas';
import { buildReportTables, fileCell, fileHeader, hasGroupColumn, tableList, type ReportLabels, type ReportScope, type ReportTable } from './report-tables';
import { csvField } from '../exchange/csv';

type Cell = string | number | null;

function field(value: Cell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : csvField(value);
}

export function renderReportCsv(report: PublishedAnnualReport, labels: ReportLabels, scope: ReportScope = {}): string {
  const model = buildReportTables(report, labels, scope);
  return renderTablesCsv(model.title, model.suppression, tableList(model));
}

/** Any report's tables as one CSV file, in the layout above (the Uitstroom report uses it too). */
export function renderTablesCsv(title: string, suppression: string | null, tables: readonly ReportTable[]): string {
  const sections: Cell[][][] = [suppression ? [[title], [suppression]] : [[title]]];
  for (const table of tables) {
    const grouped = hasGroupColumn(table);
    const rows = table.groups.flatMap((group) => group.rows.map((row): Cell[] => [...(grouped ? [group.label ?? ''] : []), row.label, ...row.values.map((_, i) => fileCell(row, i))]));
    sections.push([[table.title], fileHeader(table), ...rows]);
  }
  return sections.map((rows) => rows.map((row) => row.map(field).join(',')).join('\n')).join('\n\n') + '\n';
}
