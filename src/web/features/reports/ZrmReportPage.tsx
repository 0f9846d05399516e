// ZRM-voortgang: per life domain, how self-reliance moved from the nulmeting to the latest
// measurement in the year, with the Wilcoxon signed-rank test (GET /api/v1/reports/zrm).
import { useState } from 'react';
import { Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { pointer, suppressionMarker } from '../../../server/modules/reports/small-numbers';
import { SelectField, type Option } from '../../app/fields';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { ResultCount } from '../../app/ResultCount';
import { useReference } from '../../app/reference';
import { ScrollTable } from '../../app/ScrollTable';
import { useZrmReport } from './api';
import { SuppressionNote } from './SuppressionNote';

const FIRST_YEAR = 2010;
const number = (value: number | null, digits = 2) => (value === null ? '–' : value.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const pValue = (p: number | null) => (p === null ? '–' : p < 0.001 ? '< 0,001' : number(p, 3));

export function ZrmReportPage() {
  const reference = useReference();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [team, setTeam] = useState('');
  const report = useZrmReport(year, team);
  const years: Option[] = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }));
  const teams: Option[] = [{ value: '', label: 'Hele organisatie' }, ...(reference.data?.teams ?? []).map((t) => ({ value: t.code, label: t.name }))];
  const domainLabel = new Map((reference.data?.codes.zrm_domains ?? []).map((d) => [d.code, d.label]));

  return (
    <>
      <PageTitle title="ZRM-voortgang" />
      <Paragraph>
        Per leefgebied: cliënten met een nulmeting en een latere periodieke of eindmeting in het gekozen jaar. De laatste meting in het jaar wordt vergeleken met de
        nulmeting. De p-waarde komt uit de Wilcoxon-rangtekentoets (tweezijdig; cliënten zonder verandering tellen niet mee). Zie ook het{' '}
        <RouterLink to="/cijfers/jaarverslag">jaarverslag</RouterLink>.
      </Paragraph>
      <form aria-label="Welke periode" className="kt-row kt-report-controls" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="zrm-jaar" label="Jaar" value={String(year)} options={years} placeholder={null} onChange={(v) => setYear(Number(v))} />
        <SelectField id="zrm-team" label="Team" value={team} options={teams} placeholder={null} onChange={setTeam} />
      </form>
      {/* What a new choice gives, for screen readers: in how many life domains clients were measured (a suppressed number counts). */}
      <ResultCount
        hidden
        count={report.data ? Object.values(report.data.domains).filter((d) => d.n !== 0).length : null}
        singular="leefgebied met metingen"
        plural="leefgebieden met metingen"
        suffix={report.data ? `in ${report.data.year}` : undefined}
      />
      <QueryStatus query={report} what="de ZRM-voortgang">
        {(r) => {
          // The analyst's report: a suppressed figure shows its marker ("<5", "x") instead of "–".
          const suppression = r.suppression;
          const shown = (code: string, field: string, text: string) => {
            const reason = suppression?.cells[pointer('domains', code, field)];
            return reason && suppression ? suppressionMarker(reason, suppression) : text;
          };
          return (
            <>
              {suppression && <SuppressionNote suppression={suppression} />}
              <ScrollTable caption={`ZRM-voortgang per leefgebied in ${r.year}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">Leefgebied</TableHeaderCell>
                    <TableHeaderCell scope="col">Cliënten</TableHeaderCell>
                    <TableHeaderCell scope="col">Gemiddeld bij de start</TableHeaderCell>
                    <TableHeaderCell scope="col">Gemiddeld laatste meting</TableHeaderCell>
                    <TableHeaderCell scope="col">Verandering</TableHeaderCell>
                    <TableHeaderCell scope="col">p-waarde</TableHeaderCell>
                    <TableHeaderCell scope="col">Betekenisvol (p &lt; 0,05)</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {Object.entries(r.domains).map(([code, d]) => (
                    <TableRow key={code}>
                      <TableHeaderCell scope="row">{domainLabel.get(code) ?? code}</TableHeaderCell>
                      <TableCell>{shown(code, 'n', String(d.n ?? '–'))}</TableCell>
                      <TableCell>{shown(code, 'mean_start', number(d.mean_start))}</TableCell>
                      <TableCell>{shown(code, 'mean_latest', number(d.mean_latest))}</TableCell>
                      <TableCell>{shown(code, 'mean_change', d.mean_change === null ? '–' : `${d.mean_change > 0 ? '+' : ''}${number(d.mean_change)}`)}</TableCell>
                      <TableCell>{shown(code, 'p_value', pValue(d.p_value))}</TableCell>
                      <TableCell>{shown(code, 'p_value', d.p_value === null ? '–' : d.p_value < 0.05 ? 'ja' : 'nee')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ScrollTable>
            </>
          );
        }}
      </QueryStatus>
    </>
  );
}
