// Team (teamleider): the team's counts, caseload per worker and open cases with waiting days, and the
// road to specialist care: cases over three months and toewijzingen late to start.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Checkbox, FormField, FormLabel, Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { FIRST_MEETING_NORM_DAYS, waitsOverNorm } from '../../../server/modules/cases/case-rules';
import { RouterLink } from '../../app/links';
import { WAITS_OVER_NORM } from '../../app/WaitingDays';
import { ScrollTable } from '../../app/ScrollTable';
import { formatNumber } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useTeamOverview, type TeamOverview } from './api';
import { CasesTable } from './CasesTable';
import { LegalTermsTable } from './LegalTermsTable';
import { LateStartsTable, LongRunningTable } from './RoadTables';
import { LATE_START_DAYS } from '../../../server/modules/reports/flow-rules';

const NO_WORKER = 'geen';

export function TeamPage() {
  const overview = useTeamOverview();
  return (
    <>
      <PageTitle title="Team" />
      <QueryStatus query={overview} what="het teamoverzicht">
        {(o) => <TeamView overview={o} />}
      </QueryStatus>
    </>
  );
}

function TeamView({ overview }: { overview: TeamOverview }) {
  const [onlyOverNorm, setOnlyOverNorm] = useState(false);
  // A worker's name in the caseload leads to their cases: ?medewerker=<id> (or "geen"), kept in the
  // address so that the back button and a reload keep the choice.
  const [params] = useSearchParams();
  const workerParam = params.get('medewerker');
  const worker = workerParam === null ? null : overview.workers.find((w) => (w.workerId ?? NO_WORKER) === workerParam) ?? null;
  const cases = overview.cases.filter((c) => (!onlyOverNorm || waitsOverNorm(c)) && (!worker || (c.leadWorker?.id ?? null) === worker.workerId));
  const workerName = worker ? (worker.workerId ? worker.name : 'zonder regisseur') : null;
  // Choosing a worker (or all) moves focus to the list it changed, as a link to it would.
  const listHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current && workerParam === null) return;
    firstRender.current = false;
    listHeading.current?.focus();
    listHeading.current?.scrollIntoView({ block: 'start' });
  }, [workerParam]);
  const figures: [string, string][] = [
    ['Open casussen', formatNumber(overview.openCases)],
    ['Wachten op kennismaking', formatNumber(overview.awaitingFirstMeeting)],
    [WAITS_OVER_NORM, formatNumber(overview.overNorm)],
    ['Te triëren aanmeldingen', formatNumber(overview.registrationsToTriage)],
    ['Gemiddelde dagen tot kennismaking (laatste 90 dagen)', formatNumber(overview.meanDaysToFirstMeeting, 1)],
  ];
  return (
    <>
      <p className="utrecht-paragraph kt-lead">{overview.team.name}</p>
      <section aria-labelledby="kerncijfers-title" className="kt-section">
        <Heading2 id="kerncijfers-title">Kerncijfers</Heading2>
        <dl className="kt-figures">
          {figures.map(([label, value]) => (
            <div key={label} className="kt-figures__item">
              <dt className="kt-figures__label">{label}</dt>
              <dd className="kt-figures__value">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="termijnen-title" className="kt-section">
        <Heading2 id="termijnen-title">Wettelijke termijnen maatwerk</Heading2>
        <LegalTermsTable terms={overview.legalTerms} />
      </section>
      <section aria-labelledby="late-starts-title" className="kt-section">
        <Heading2 id="late-starts-title">Zorg die niet op tijd start</Heading2>
        <Paragraph>
          De aanbieder meldt de start binnen 5 werkdagen (iWmo-bericht 305). Is er meer dan {LATE_START_DAYS} dagen na de startdatum nog geen start gemeld, dan is de zorg niet begonnen of niet gemeld: bel de aanbieder.
        </Paragraph>
        <LateStartsTable starts={overview.lateStarts} />
      </section>
      <section aria-labelledby="long-running-title" className="kt-section">
        <Heading2 id="long-running-title">Langer dan drie maanden</Heading2>
        <Paragraph>Het werkkader zegt: het buurtteam komt in principe voor drie maanden. Bespreek in het team wat deze casussen nog nodig hebben.</Paragraph>
        <LongRunningTable cases={overview.longRunning} />
      </section>
      <section aria-labelledby="caseload-title" className="kt-section">
        <Heading2 id="caseload-title">Caseload per medewerker</Heading2>
        <ScrollTable caption="Open casussen per medewerker">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Medewerker</TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">Open casussen</TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">Wachten op kennismaking</TableHeaderCell>
              <TableHeaderCell scope="col" className="kt-num">{WAITS_OVER_NORM}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.workers.map((w) => (
              <TableRow key={w.workerId ?? 'geen'}>
                <TableHeaderCell scope="row">
                  <RouterLink to={{ search: `?medewerker=${encodeURIComponent(w.workerId ?? NO_WORKER)}` }} aria-label={`Open casussen van ${w.workerId ? w.name : 'Geen regisseur'}`}>
                    {w.workerId ? w.name : 'Geen regisseur'}
                  </RouterLink>
                </TableHeaderCell>
                <TableCell className="kt-num">{formatNumber(w.openCases)}</TableCell>
                <TableCell className="kt-num">{formatNumber(w.awaitingFirstMeeting)}</TableCell>
                <TableCell className="kt-num">{formatNumber(w.overNorm)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      </section>
      <section aria-labelledby="team-casussen-title" className="kt-section">
        <Heading2 id="team-casussen-title" tabIndex={-1} ref={listHeading}>{workerName ? `Open casussen van ${workerName}` : 'Open casussen'}</Heading2>
        {worker && (
          <Paragraph>
            <RouterLink to={{ search: '' }}>Toon de casussen van het hele team</RouterLink>
          </Paragraph>
        )}
        <FormField
          type="checkbox"
          className="kt-choice"
          input={<Checkbox id="alleen-boven-norm" appearance="custom" checked={onlyOverNorm} onChange={(e) => setOnlyOverNorm(e.target.checked)} />}
          label={
            <FormLabel htmlFor="alleen-boven-norm" type="checkbox" checked={onlyOverNorm}>
              Alleen wie langer dan {FIRST_MEETING_NORM_DAYS} dagen wacht op de kennismaking
            </FormLabel>
          }
        />
        <div aria-live="polite" className="kt-visually-hidden">
          {cases.length === 1 ? '1 casus getoond' : `${cases.length} casussen getoond`}
        </div>
        <CasesTable
          cases={cases}
          caption={`${onlyOverNorm ? `Open casussen die langer dan ${FIRST_MEETING_NORM_DAYS} dagen wachten` : 'Open casussen'}${workerName ? ` van ${workerName}` : ' van het team'}, langst wachtend eerst`}
          empty={onlyOverNorm ? `Geen open casussen die langer dan ${FIRST_MEETING_NORM_DAYS} dagen wachten.` : workerName ? `Geen open casussen ${worker?.workerId ? `van ${workerName}` : 'zonder regisseur'}.` : 'Het team heeft geen open casussen.'}
        />
      </section>
    </>
  );
}
