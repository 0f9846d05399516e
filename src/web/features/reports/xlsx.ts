// The Excel download, made in the browser from the same table models as the screen: a sheet
// "Toelichting" (what, which period, which team, when) and one sheet per table with Dutch headers.
// write-excel-file is loaded only when someone asks for the file.
import type { Cell, Row, Sheet } from 'write-excel-file/browser';
import type { ReportTableModel } from './report-tables';

type FileContent = Blob;

function bold(value: string): Cell {
  return { value, type: String, fontWeight: 'bold' };
}

function tableSheet(table: ReportTableModel): Sheet<FileContent> {
  const grouped = table.groups.some((g) => g.label !== null);
  const header: Row = [...(grouped ? [bold(table.groupHeader ?? 'Groep')] : []), bold(table.rowHeader), ...table.columns.map((c) => bold(c.label))];
  const rows: Row[] = table.groups.flatMap((group) =>
    group.rows.map((row): Row => {
      const name: Cell = row.total ? bold(row.label) : row.label;
      // A suppressed figure is written as its marker ("<5", "x"), the way the screen shows it.
      const values: Cell[] = row.values.map((v, i) => (row.marks?.[i] ? { value: row.marks[i], type: String, align: 'right' as const } : v === null ? null : { value: v, type: Number, format: (row.decimals ?? table.decimals ?? 0) > 0 ? '0.00' : '0', ...(row.total ? { fontWeight: 'bold' as const } : {}) }));
      return [...(grouped ? [group.label ?? ''] : []), name, ...values];
    }),
  );
  const labelWidth = Math.min(60, Math.max(table.rowHeader.length, ...table.groups.flatMap((g) => g.rows.map((r) => r.label.length))) + 2);
  return {
    sheet: table.sheet,
    data: [header, ...rows],
    columns: [...(grouped ? [{ width: 26 }] : []), { width: labelWidth }, ...table.columns.map((c) => ({ width: Math.max(8, c.label.length + 2) }))],
    stickyRowsCount: 1,
  };
}

function aboutSheet(title: string, facts: [string, string][], tables: ReportTableModel[]): Sheet<FileContent> {
  return {
    sheet: 'Toelichting',
    data: [[bold(title)], [], ...facts.map(([k, v]): Row => [bold(k), v]), [], [bold('Tabblad'), bold('Tabel'), bold('Toelichting')], ...tables.map((t): Row => [t.sheet, t.caption, t.note ?? ''])],
    columns: [{ width: 30 }, { width: 80 }, { width: 100 }],
  };
}

export async function reportWorkbook(title: string, facts: [string, string][], tables: ReportTableModel[]): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile([aboutSheet(title, facts, tables), ...tables.map(tableSheet)]).toBlob();
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
