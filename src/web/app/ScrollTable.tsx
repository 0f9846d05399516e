// Every table that may scroll sideways on a narrow screen goes through here (ScrollTable.test.ts
// holds `kt-table-scroll` to this file). The box is a region in the tab order, so keyboard users
// can scroll it too (axe: scrollable-region-focusable); it is named "Tabel: " and the caption's
// text (its own aria-label followed by the caption, through aria-labelledby), so the caption may
// be any content: counts, a name, visually hidden text. The table keeps the caption as its name.
// `className` adds to the table's own class `kt-table`.
import { useId, type ReactNode } from 'react';
import { Table, TableCaption } from '@utrecht/component-library-react';

export function ScrollTable({ caption, className, children }: { caption: ReactNode; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <div id={id} className="kt-table-scroll" role="region" aria-label="Tabel:" aria-labelledby={`${id} ${id}-caption`} tabIndex={0}>
      <Table className={className ? `kt-table ${className}` : 'kt-table'}>
        <TableCaption id={`${id}-caption`}>{caption}</TableCaption>
        {children}
      </Table>
    </div>
  );
}
