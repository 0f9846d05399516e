// Aanmeldingen: the team's registrations awaiting triage (or all / triaged).
import { useState } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { SelectField } from '../../app/fields';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { ResultCount } from '../../app/ResultCount';
import { useRegistrations } from './api';
import { RegistrationsTable } from './RegistrationsTable';

type Status = 'untriaged' | 'triaged' | 'all';
const STATUS_OPTIONS = [
  { value: 'untriaged', label: 'Wachten op triage' },
  { value: 'triaged', label: 'Getrieerd' },
  { value: 'all', label: 'Alle aanmeldingen' },
];
const CAPTIONS: Record<Status, string> = {
  untriaged: 'Aanmeldingen die wachten op triage, langst wachtend eerst',
  triaged: 'Getrieerde aanmeldingen',
  all: 'Alle aanmeldingen van het team',
};

export function RegistrationQueuePage() {
  const [status, setStatus] = useState<Status>('untriaged');
  const registrations = useRegistrations(status);
  return (
    <>
      <PageTitle title="Aanmeldingen" />
      <Paragraph>De aanmeldingen van uw team. Kies een aanmelding om de triage te doen.</Paragraph>
      <div className="kt-toolbar">
        <SelectField id="aanmeldingen-status" label="Toon" value={status} onChange={(v) => setStatus(v as Status)} options={STATUS_OPTIONS} placeholder={null} />
      </div>
      {/* The table or its empty line shows the result; a screen reader hears how many after a new choice. */}
      <ResultCount hidden count={registrations.data?.length ?? null} singular="aanmelding" plural="aanmeldingen" />
      <QueryStatus query={registrations} what="de aanmeldingen">
        {(list) => <RegistrationsTable registrations={list} caption={CAPTIONS[status]} empty={status === 'untriaged' ? 'Er wachten geen aanmeldingen op triage.' : 'Geen aanmeldingen gevonden.'} />}
      </QueryStatus>
    </>
  );
}
