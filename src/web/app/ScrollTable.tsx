// A table with its caption in a box that scrolls sideways on a narrow screen; the box is a named
// region in the tab order, so keyboard users can scroll it too (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';
import { Table, TableCaption } from '@utrecht/component-library-react';

export function ScrollTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="kt-table-scroll" role="region" aria-label={`Tabel: ${caption}`} tabIndex={0}>
      <Table className="kt-table">
        <TableCaption>{caption}</TableCaption>
        {children}
      </Table>
    </div>
  );
}
