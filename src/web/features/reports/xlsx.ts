// The Excel download, made in the browser from the report's tables (the server's report-tables.ts,
// the same the page and the CSV show): a sheet "Toelichting" (what, which period, which team, when,
// the notes) and one sheet per table with the CSV's columns. write-excel-file is loaded only when
// someone asks for the file.
import type { Cell, Row, Sheet } from 'write-excel-file/browser';
import { fileCell, fileHeader, hasGroupColumn, tableList, type AnnualReportTables, type ReportTable } from '../../../server/modules/reports/report-tables';

type FileContent = Blob;

function bold(value: string): Cell {
  return { value, type: String, fontWeight: 'bold' };
}

function tableSheet(table: ReportTable): Sheet<FileContent> {
  const grouped = hasGroupColumn(table);
  const rows: Row[] = table.groups.flatMap((group) =>
    group.rows.map((row): Row => {
      const name: Cell = row.total ? bold(row.label) : row.label;
      const format = (row.decimals ?? table.decimals ?? 0) > 0 ? '0.00' : '0';
      // A suppressed figure is written as its marker ("<5", "x"), the way the screen shows it.
      const values: Cell[] = row.values.map((_, i) => {
        const cell = fileCell(row, i);
        if (cell === null) return null;
        if (typeof cell === 'string') return { value: cell, type: String, align: 'right' as const };
        return { value: cell, type: Number, format, ...(row.total ? { fontWeight: 'bold' as const } : {}) };
      });
      return [...(grouped ? [group.label ?? ''] : []), name, ...values];
    }),
  );
  const labelWidth = Math.min(60, Math.max(table.rowHeader.length, ...table.groups.flatMap((g) => g.rows.map((r) => r.label.length))) + 2);
  return {
    sheet: table.sheet,
    data: [fileHeader(table).map(bold), ...rows],
    columns: [...(grouped ? [{ width: 26 }] : []), { width: labelWidth }, ...table.columns.map((c) => ({ width: Math.max(8, c.label.length + 2) }))],
    stickyRowsCount: 1,
  };
}

function aboutSheet(model: AnnualReportTables, facts: [string, string][]): Sheet<FileContent> {
  const suppression: [string, string][] = model.suppression ? [['Afgeschermde kleine aantallen', model.suppression]] : [];
  return {
    sheet: 'Toelichting',
    data: [
      [bold(model.title)],
      [],
      ...[...facts, ...suppression].map(([k, v]): Row => [bold(k), v]),
      [],
      [bold('Tabblad'), bold('Tabel'), bold('Toelichting')],
      ...tableList(model).map((t): Row => [t.sheet, t.title, t.note ?? '']),
    ],
    columns: [{ width: 30 }, { width: 80 }, { width: 100 }],
  };
}

/** The workbook of the report's tables; `facts` (organisation, when made) go on the first sheet under the title. */
export async function reportWorkbook(model: AnnualReportTables, facts: [string, string][]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile([aboutSheet(model, facts), ...tableList(model).map(tableSheet)]).toBlob();
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
