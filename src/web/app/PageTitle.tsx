// The one h1 of a screen. Sets document.title and, after navigation inside the app, moves focus
// to the heading so screen reader users hear where they landed.
import { useEffect, useRef } from 'react';
import { Heading1 } from '@utrecht/component-library-react';

let firstRender = true;

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Keukentafel`;
  }, [title]);
}

export function PageTitle({ title, children }: { title: string; children?: React.ReactNode }) {
  usePageTitle(title);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstRender) {
      firstRender = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="kt-page-title">
      {children ?? title}
    </Heading1>
  );
}
