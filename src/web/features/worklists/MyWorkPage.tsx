// Mijn werk: my open cases, what is due first on top, and the team's registrations to triage.
import { Heading2 } from '@utrecht/component-library-react';
import { useAuth } from '../../app/auth';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { RegistrationsTable } from '../registrations/RegistrationsTable';
import { useMyWork } from './api';
import { CasesTable } from './CasesTable';

export function MyWorkPage() {
  const work = useMyWork();
  const { can } = useAuth();
  return (
    <>
      <PageTitle title="Mijn werk" />
      <QueryStatus query={work} what="uw werk">
        {(w) => (
          <>
            <section aria-labelledby="mijn-casussen-title" className="kt-section">
              <Heading2 id="mijn-casussen-title">Mijn open casussen</Heading2>
              <CasesTable cases={w.cases} caption="Wat het eerst moet staat bovenaan" empty="U heeft geen open casussen." showDue />
            </section>
            {can('registrations:write') && (
              <section aria-labelledby="te-trieren-title" className="kt-section">
                <Heading2 id="te-trieren-title">Aanmeldingen om te triëren</Heading2>
                <RegistrationsTable registrations={w.registrationsToTriage} caption="Aanmeldingen van het team, langst wachtend eerst" empty="Er wachten geen aanmeldingen op triage." />
              </section>
            )}
          </>
        )}
      </QueryStatus>
    </>
  );
}
