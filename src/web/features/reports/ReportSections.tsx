// The parts every report page is made of: its table of contents, a section per part (h2 that the
// contents link to), and a slot where a lazily loaded chart shows "loading" until it is there.
import { Suspense, type ReactNode } from 'react';
import { Heading2 } from '@utrecht/component-library-react';
import { Loading } from '../../app/QueryStatus';

/** Navigation to the report's sections: [id, title] pairs, linking to `#<id>-title`. */
export function ReportContents({ label, sections }: { label: string; sections: readonly (readonly [string, string])[] }) {
  return (
    <nav aria-label={label} className="kt-report-toc">
      <ul className="utrecht-unordered-list">
        {sections.map(([id, title]) => (
          <li key={id} className="utrecht-unordered-list__item">
            <a className="utrecht-link utrecht-link--html-a" href={`#${id}-title`}>
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ReportSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="kt-section">
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      {children}
    </section>
  );
}

export function ChartSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="de grafiek" />}>{children}</Suspense>;
}
