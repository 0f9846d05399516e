// Noodtoegang (break the glass): find a person outside the own team by BSN, or by last name and
// birth date, state why, and open their file read-only for 24 hours. Everything is logged.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { EMERGENCY_ACCESS_HOURS, emergencyRequest, emergencySearch } from '../../../server/modules/emergency/emergency.schemas';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { QueryStatus } from '../../app/QueryStatus';
import { useFormSubmit } from '../../app/use-form-submit';
import { useEmergencySearch, useGrantEmergencyAccess, useMyEmergencyAccess, type EmergencyMatch } from './api';
import { maxLengthOf } from '../../app/form-limits';

export function EmergencyAccessPage() {
  const [matches, setMatches] = useState<EmergencyMatch[] | null>(null);
  const [chosen, setChosen] = useState<EmergencyMatch | null>(null);
  return (
    <>
      <PageTitle title="Noodtoegang" />
      <Paragraph lead>
        Soms moet u het dossier zien van iemand die niet bij uw team hoort, bijvoorbeeld bij een crisis buiten kantooruren. Met noodtoegang kunt u het dossier
        {` ${EMERGENCY_ACCESS_HOURS} uur`} inzien, niet wijzigen. U geeft een reden op; de toegang en alles wat u bekijkt worden vastgelegd en door de
        functionaris kwaliteit en privacy beoordeeld.
      </Paragraph>
      <MyAccesses />
      {chosen ? (
        <ReasonForm match={chosen} onCancel={() => setChosen(null)} />
      ) : (
        <>
          <SearchForm onResult={setMatches} />
          {matches && <Matches matches={matches} onChoose={setChosen} />}
        </>
      )}
    </>
  );
}

function SearchForm({ onResult }: { onResult: (matches: EmergencyMatch[]) => void }) {
  const form = useFormErrors('noodtoegang-zoeken');
  const search = useEmergencySearch();
  const [values, setValues] = useState({ bsn: '', lastName: '', birthDate: '' });
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const { submit, busy } = useFormSubmit(form, {
    values: values.bsn.trim() ? { bsn: values.bsn } : { lastName: values.lastName, birthDate: values.birthDate },
    schema: emergencySearch,
    send: (body) => search.mutateAsync(body),
    onSuccess: onResult,
  });

  return (
    <section aria-labelledby="noodtoegang-zoeken-title" className="kt-section">
      <Heading2 id="noodtoegang-zoeken-title">Persoon zoeken</Heading2>
      <Paragraph>Zoek op het BSN, of op de achternaam met de geboortedatum. Alleen een exacte overeenkomst wordt getoond.</Paragraph>
      <form noValidate onSubmit={submit} className="kt-form" aria-label="Persoon zoeken voor noodtoegang">
        <ErrorSummary form={form} />
        <TextField id={form.idFor('bsn')} label="BSN" value={values.bsn} onChange={set('bsn')} error={form.errorFor('bsn')} inputMode="numeric" autoComplete="off" size="m" optional />
        <Paragraph>of</Paragraph>
        <TextField id={form.idFor('lastName')} label="Achternaam" value={values.lastName} onChange={set('lastName')} error={form.errorFor('lastName')} autoComplete="off" optional />
        <TextField id={form.idFor('birthDate')} label="Geboortedatum" type="date" value={values.birthDate} onChange={set('birthDate')} error={form.errorFor('birthDate')} size="m" optional />
        <FormActions submitLabel="Zoeken" busy={busy} busyText="Bezig met zoeken…" />
      </form>
    </section>
  );
}

function Matches({ matches, onChoose }: { matches: EmergencyMatch[]; onChoose: (match: EmergencyMatch) => void }) {
  return (
    <section aria-labelledby="noodtoegang-resultaat-title" className="kt-section" aria-live="polite">
      <Heading2 id="noodtoegang-resultaat-title">Gevonden</Heading2>
      {matches.length === 0 ? (
        <Paragraph>Niemand gevonden met deze gegevens. Controleer het BSN of de schrijfwijze van de achternaam en de geboortedatum.</Paragraph>
      ) : (
        <UnorderedList>
          {matches.map((m) => (
            <UnorderedListItem key={m.id}>
              <strong>{fullName(m)}</strong>, geboren <DateText value={m.birthDate} empty="onbekend" />
              {m.teams.length > 0 ? ` (bekend bij ${m.teams.join(', ')})` : ' (bij geen team bekend)'}{' '}
              {m.accessible ? (
                <RouterLink to={`/clienten/${m.id}`}>U heeft al toegang: open het dossier</RouterLink>
              ) : (
                <Button type="button" appearance="secondary-action-button" onClick={() => onChoose(m)}>
                  Noodtoegang vragen voor {fullName(m)}
                </Button>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function ReasonForm({ match, onCancel }: { match: EmergencyMatch; onCancel: () => void }) {
  const form = useFormErrors('noodtoegang-reden');
  const grant = useGrantEmergencyAccess();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');

  const { submit, busy } = useFormSubmit(form, {
    values: { clientId: match.id, reason },
    schema: emergencyRequest,
    send: (body) => grant.mutateAsync(body),
    onSuccess: () => navigate(`/clienten/${match.id}`),
  });

  return (
    <section aria-labelledby="noodtoegang-reden-title" className="kt-section">
      <Heading2 id="noodtoegang-reden-title">Reden voor noodtoegang tot {fullName(match)}</Heading2>
      <Alert type="warning">
        <Paragraph>
          U opent een dossier buiten uw team. Dat mag alleen als het nodig is voor uw werk met deze persoon en niet kan wachten. Uw reden, de toegang en alles
          wat u bekijkt worden vastgelegd en beoordeeld.
        </Paragraph>
      </Alert>
      <form noValidate onSubmit={submit} className="kt-form" aria-label="Reden voor noodtoegang">
        <ErrorSummary form={form} />
        <TextareaField
          id={form.idFor('reason')}
          maxLength={maxLengthOf(emergencyRequest, 'reason')}
          label="Waarom heeft u dit dossier nu nodig"
          description="Bijvoorbeeld: crisismelding van de politie buiten kantooruren; ik moet weten wie de vaste medewerker is en welke afspraken er zijn."
          value={reason}
          onChange={setReason}
          rows={4}
          error={form.errorFor('reason')}
          required
        />
        <FormActions submitLabel="Dossier openen met noodtoegang" busy={busy} busyText="Bezig met openen…" onCancel={onCancel} />
      </form>
    </section>
  );
}

function MyAccesses() {
  const mine = useMyEmergencyAccess();
  return (
    <QueryStatus query={mine} what="uw noodtoegang">
      {(grants) =>
        grants.length === 0 ? null : (
          <section aria-labelledby="noodtoegang-actief-title" className="kt-section">
            <Heading3 id="noodtoegang-actief-title">Uw lopende noodtoegang</Heading3>
            <UnorderedList>
              {grants.map((g) => (
                <UnorderedListItem key={g.id}>
                  <RouterLink to={`/clienten/${g.clientId}`}>{g.clientName}</RouterLink>, tot <DateText value={g.expiresAt} withTime />
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </section>
        )
      }
    </QueryStatus>
  );
}
