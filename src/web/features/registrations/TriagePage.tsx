// Triage of one registration: the question and the client, then the outcome. Generalist support
// opens a case and goes there; every other outcome shows the confirmation with the advice.
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { TRIAGE_LABELS } from '../../../server/modules/registrations/triage';
import { DateText } from '../../app/DateText';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useRegistration, type Registration } from './api';
import { RegistrationSummary } from './RegistrationSummary';
import { TriageForm } from './TriageForm';

export function TriagePage() {
  const { id = '' } = useParams();
  const registration = useRegistration(id);
  const navigate = useNavigate();
  const [justSaved, setJustSaved] = useState(false);

  function handleDone(result: Registration) {
    if (result.caseId) navigate(`/casussen/${result.caseId}`);
    else setJustSaved(true);
  }

  return (
    <>
      <PageTitle title="Triage" />
      <QueryStatus query={registration} what="de aanmelding">
        {(r) => (
          <>
            <RegistrationSummary registration={r} />
            {r.triageOutcome ? (
              <TriageResult registration={r} justSaved={justSaved} />
            ) : (
              <section aria-labelledby="triage-form-title" className="kt-section">
                <Heading2 id="triage-form-title">Uitkomst kiezen</Heading2>
                <TriageForm registration={r} onDone={handleDone} />
              </section>
            )}
          </>
        )}
      </QueryStatus>
    </>
  );
}

function TriageResult({ registration, justSaved }: { registration: Registration; justSaved: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (justSaved) ref.current?.focus();
  }, [justSaved]);
  const outcome = registration.triageOutcome!;
  return (
    <section aria-labelledby="triage-result-title" className="kt-section">
      <div ref={ref} tabIndex={-1}>
        {justSaved && (
          <Alert type="ok" role="status">
            <Paragraph>De triage is opgeslagen. Geef de bewoner het verwijsadvies mee.</Paragraph>
          </Alert>
        )}
        <Heading2 id="triage-result-title">Uitkomst van de triage</Heading2>
      </div>
      <DataList appearance="rows" className="kt-datalist">
        <DataListItem>
          <DataListKey>Uitkomst</DataListKey>
          <DataListValue>{TRIAGE_LABELS[outcome]}</DataListValue>
        </DataListItem>
        {registration.triageTeamName && (
          <DataListItem>
            <DataListKey>Buurtteam</DataListKey>
            <DataListValue>{registration.triageTeamName}</DataListValue>
          </DataListItem>
        )}
        {registration.triageAdvice && (
          <DataListItem>
            <DataListKey>Verwijsadvies</DataListKey>
            <DataListValue multiline>
              <span className="kt-pre-line">{registration.triageAdvice}</span>
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>Getrieerd op</DataListKey>
          <DataListValue>
            <DateText value={registration.triagedAt} withTime />
          </DataListValue>
        </DataListItem>
      </DataList>
      {registration.caseId && (
        <Paragraph>
          <RouterLink to={`/casussen/${registration.caseId}`}>Naar de casus</RouterLink>
        </Paragraph>
      )}
      <Paragraph>
        <RouterLink to="/aanmeldingen">Terug naar de aanmeldingen</RouterLink>
      </Paragraph>
    </section>
  );
}
