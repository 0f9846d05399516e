// Cijfers per team: aggregated counts and waiting times, never a client. For the analyst small
// numbers are suppressed: such a cell shows "<5" or "x", explained above the figures.
import { lazy, Suspense } from 'react';
import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useAuth } from '../../app/auth';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { Loading, QueryStatus } from '../../app/QueryStatus';
import { ScrollTable } from '../../app/ScrollTable';
import { SuppressionNote } from '../reports/SuppressionNote';
import { useTeamFigures } from './api';
import { figureText } from './figure-text';
import { WAITS_OVER_NORM } from '../../app/WaitingDays';

// ECharts is large: load it only on this screen.
const FiguresChart = lazy(() => import('./FiguresChart').then((m) => ({ default: m.FiguresChart })));

export function FiguresPage() {
  const figures = useTeamFigures();
  const { can } = useAuth();
  return (
    <>
      <PageTitle title="Cijfers per team" />
      <Paragraph>Geaggregeerde cijfers per buurtteam. Er staan geen cliëntgegevens in dit overzicht.</Paragraph>
      {can('reports:read') && (
        <Paragraph>
          De cijfers voor de gemeente staan in <RouterLink to="/cijfers/jaarverslag">het jaarverslag per jaar of kwartaal</RouterLink>.
        </Paragraph>
      )}
      <QueryStatus query={figures} what="de cijfers">
        {(f) =>
          f.teams.length === 0 ? (
            <Paragraph>Er zijn nog geen cijfers.</Paragraph>
          ) : (
            <>
              {f.suppression && <SuppressionNote suppression={f.suppression} />}
              <section aria-labelledby="grafiek-title" className="kt-section">
                <Heading2 id="grafiek-title">Open casussen en wachttijd</Heading2>
                <Suspense fallback={<Loading what="de grafiek" />}>
                  <FiguresChart figures={f} />
                </Suspense>
              </section>
              <section aria-labelledby="tabel-title" className="kt-section">
                <Heading2 id="tabel-title">Cijfers in een tabel</Heading2>
                <ScrollTable caption="Cijfers per team">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">Team</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kt-num">Open casussen</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kt-num">Wachten op kennismaking</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kt-num">{WAITS_OVER_NORM}</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kt-num">Gestart (90 dagen)</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kt-num">Afgesloten (90 dagen)</TableHeaderCell>
                      <TableHeaderCell scope="col" className="kt-num">Gem. dagen tot kennismaking</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {f.teams.map((t, i) => (
                      <TableRow key={t.teamId}>
                        <TableHeaderCell scope="row">{t.teamName}</TableHeaderCell>
                        <TableCell className="kt-num">{figureText(f, i, 'openCases')}</TableCell>
                        <TableCell className="kt-num">{figureText(f, i, 'awaitingFirstMeeting')}</TableCell>
                        <TableCell className="kt-num">{figureText(f, i, 'overNorm')}</TableCell>
                        <TableCell className="kt-num">{figureText(f, i, 'startedLast90Days')}</TableCell>
                        <TableCell className="kt-num">{figureText(f, i, 'closedLast90Days')}</TableCell>
                        <TableCell className="kt-num">{figureText(f, i, 'meanDaysToFirstMeeting', 1)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </ScrollTable>
              </section>
            </>
          )
        }
      </QueryStatus>
    </>
  );
}
