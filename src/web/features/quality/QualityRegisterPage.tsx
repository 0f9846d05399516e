// Kwaliteit: the registers of complaints, objections and incidents, with counts per kind and
// filters by kind and status (and team, for kwaliteit who sees every team).
import { useState } from 'react';
import { Heading2, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { QUALITY_KIND_PLURALS, QUALITY_KINDS } from '../../../server/modules/quality/quality-rules';
import { useAuth, useMe } from '../../app/auth';
import { DateText } from '../../app/DateText';
import { SelectField } from '../../app/fields';
import { RouterButtonLink, RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { ResultCount } from '../../app/ResultCount';
import { useReference } from '../../app/reference';
import { ScrollTable } from '../../app/ScrollTable';
import { useQualityReports, type QualityReportList, type QualityReportQuery } from './api';
import { KIND_OPTIONS, kindText, STATUS_OPTIONS, statusText } from './labels';

export function QualityRegisterPage() {
  const me = useMe();
  const { can } = useAuth();
  const reference = useReference();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [teamId, setTeamId] = useState('');
  const filters: QualityReportQuery = {
    kind: (kind || undefined) as QualityReportQuery['kind'],
    status: (status || undefined) as QualityReportQuery['status'],
    teamId: teamId || undefined,
  };
  const reports = useQualityReports(filters);
  const filtered = !!(kind || status || teamId);
  const teamOptions = (reference.data?.teams ?? []).map((t) => ({ value: t.id, label: t.name }));

  return (
    <>
      <PageTitle title="Kwaliteit: klachten, bezwaren en incidenten" />
      <Paragraph>
        {me.team ? `De meldingen van team ${me.team.name}.` : 'De meldingen van alle teams.'} Kies een melding om de behandeling vast te leggen: stappen, evaluatie en de les
        voor de organisatie.
      </Paragraph>
      {can('quality:file') && (
        <Paragraph>
          <RouterButtonLink to="/kwaliteit/melden">Melding doen</RouterButtonLink>
        </Paragraph>
      )}
      <form aria-label="Meldingen filteren" className="kt-row kt-toolbar" onSubmit={(e) => e.preventDefault()}>
        <SelectField id="kwaliteit-soort" label="Soort" value={kind} onChange={setKind} options={KIND_OPTIONS} placeholder="Alle soorten" />
        <SelectField id="kwaliteit-status" label="Status" value={status} onChange={setStatus} options={STATUS_OPTIONS} placeholder="Alle statussen" />
        {!me.team && <SelectField id="kwaliteit-team" label="Team" value={teamId} onChange={setTeamId} options={teamOptions} placeholder="Alle teams" />}
      </form>
      {/* Outside the loading state, so a new choice is announced: how many, or that there are none. */}
      <ResultCount
        count={reports.data?.reports.length ?? null}
        singular="melding"
        plural="meldingen"
        suffix={filtered ? 'met deze keuze' : undefined}
        none={filtered ? 'Geen meldingen met deze keuze.' : 'Er zijn nog geen klachten, bezwaren of incidenten gemeld.'}
      />
      <QueryStatus query={reports} what="de meldingen">
        {(list) => <RegisterView list={list} />}
      </QueryStatus>
    </>
  );
}

function RegisterView({ list }: { list: QualityReportList }) {
  return (
    <>
      <section aria-labelledby="kwaliteit-aantallen" className="kt-section">
        <Heading2 id="kwaliteit-aantallen">Aantallen</Heading2>
        <dl className="kt-figures">
          {QUALITY_KINDS.map((k) => (
            <div key={k} className="kt-figures__item">
              <dt className="kt-figures__label">{QUALITY_KIND_PLURALS[k]}</dt>
              <dd className="kt-figures__value">{list.countsByKind[k]}</dd>
            </div>
          ))}
        </dl>
      </section>
      {list.reports.length > 0 && (
        <ScrollTable caption="Meldingen, laatst ontvangen eerst">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Titel</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Team</TableHeaderCell>
              <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
              <TableHeaderCell scope="col">Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.reports.map((r) => (
              <TableRow key={r.id}>
                <TableHeaderCell scope="row">
                  <RouterLink to={`/kwaliteit/meldingen/${r.id}`}>{r.title}</RouterLink>
                </TableHeaderCell>
                <TableCell>{kindText(r.kind, r.category)}</TableCell>
                <TableCell>{r.teamName ?? 'Geen team'}</TableCell>
                <TableCell>
                  <DateText value={r.receivedOn} />
                </TableCell>
                <TableCell>{statusText(r.status)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
    </>
  );
}
