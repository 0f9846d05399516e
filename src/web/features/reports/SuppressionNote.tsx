// Why some figures of a report show "<5" or "x": the analyst's report leaves the organisation, so
// small numbers are suppressed (server: modules/reports/small-numbers.ts).
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { suppressionExplanation } from '../../../server/modules/reports/small-numbers';
import type { SuppressionInfo } from '../../../server/modules/reports/reports.schemas';

export function SuppressionNote({ suppression }: { suppression: SuppressionInfo }) {
  return (
    <section aria-labelledby="afgeschermd-title" className="kt-section">
      <Heading2 id="afgeschermd-title">Afgeschermde kleine aantallen</Heading2>
      <Paragraph>{suppressionExplanation(suppression)}</Paragraph>
    </section>
  );
}
