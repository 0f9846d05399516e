// Verzoek tot vernietiging: kwaliteit records a client's written request (Wmo 2015 art. 5.3.5); it
// joins the queue with the legal term of 3 months.
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { destructionRequestBody } from '../../../server/modules/retention/retention.schemas';
import { requestDueOn } from '../../../server/modules/retention/retention-rules';
import { isIsoDate, todayInNetherlands } from '../../../server/lib/dates';
import { DateText } from '../../app/DateText';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { RouterLink } from '../../app/links';
import { PageTitle } from '../../app/PageTitle';
import { useFormSubmit } from '../../app/use-form-submit';
import { useDestructionRequest, type DestructionItem } from './api';
import { maxLengthOf } from '../../app/form-limits';

export function DestructionRequestPage() {
  const { clientId = '' } = useParams();
  const request = useDestructionRequest(clientId);
  const form = useFormErrors('verzoek');
  const [receivedOn, setReceivedOn] = useState(todayInNetherlands());
  const [note, setNote] = useState('');
  const [recorded, setRecorded] = useState<DestructionItem | null>(null);
  const done = useRef<HTMLDivElement>(null);

  const { submit, busy } = useFormSubmit(form, {
    values: { receivedOn, note },
    schema: destructionRequestBody,
    send: (body) => request.mutateAsync(body),
    onSuccess: (item) => {
      setRecorded(item);
      setTimeout(() => done.current?.focus());
    },
  });

  return (
    <>
      <PageTitle title="Verzoek tot vernietiging vastleggen" />
      <Paragraph>
        Een cliënt mag schriftelijk vragen om zijn of haar gegevens te vernietigen. Het verzoek moet binnen 3 maanden na ontvangst zijn afgehandeld: vernietigd, of
        afgewezen als de gegevens van aanzienlijk belang zijn voor een ander. Het verzoek komt op de lijst Bewaartermijn en vernietiging. Wie het vastlegt, stelt de
        vernietiging daarmee voor; een andere medewerker kwaliteit bevestigt haar.
      </Paragraph>
      {recorded ? (
        <div ref={done} tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>
              Het verzoek is vastgelegd. Uiterlijk afhandelen op <DateText value={recorded.dueOn} />. Een andere medewerker kwaliteit moet de vernietiging bevestigen.
            </Paragraph>
            <Paragraph>
              <RouterLink to="/bewaartermijn">Naar Bewaartermijn en vernietiging</RouterLink>
            </Paragraph>
          </Alert>
        </div>
      ) : (
        <form noValidate onSubmit={submit} className="kt-form" aria-label="Verzoek tot vernietiging">
          <ErrorSummary form={form} />
          <TextField
            id={form.idFor('receivedOn')}
            label="Datum ontvangst"
            type="date"
            size="s"
            value={receivedOn}
            onChange={setReceivedOn}
            max={todayInNetherlands()}
            error={form.errorFor('receivedOn')}
            description={isIsoDate(receivedOn) ? <>Uiterlijk afhandelen op <DateText value={requestDueOn(receivedOn)} />.</> : 'De wettelijke termijn is 3 maanden na ontvangst.'}
            required
          />
          <TextareaField id={form.idFor('note')} maxLength={maxLengthOf(destructionRequestBody, 'note')} label="Toelichting" optional value={note} onChange={setNote} rows={3} error={form.errorFor('note')} description="Bijvoorbeeld hoe het verzoek binnenkwam. Geen medische of andere gevoelige details." />
          <FormActions submitLabel="Verzoek vastleggen" busy={busy} />
        </form>
      )}
    </>
  );
}
