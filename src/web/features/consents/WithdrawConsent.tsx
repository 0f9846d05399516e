// Withdrawing a consent is a confirmation step: the date, an optional note, then "Ja, intrekken".
// The consent stays in the register as withdrawn; a stale version gets the 409 summary.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { defaultWithdrawalDate } from '../../../server/modules/consents/consent-rules';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField, TextField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useReloadConsents, useWithdrawConsent, type Consent } from './api';
import { send, SubmitOrCancel } from './form-parts';

export function WithdrawConsent({ consent, onCancel, onWithdrawn }: { consent: Consent; onCancel: () => void; onWithdrawn: (consent: Consent) => void }) {
  const withdraw = useWithdrawConsent(consent.clientId, consent.id);
  const reload = useReloadConsents(consent.clientId);
  const form = useFormErrors(`intrekken-${consent.id}`);
  const [withdrawnOn, setWithdrawnOn] = useState(() => defaultWithdrawalDate(consent, today()));
  const [note, setNote] = useState('');
  const ref = useRef<HTMLFormElement>(null);
  const questionId = `intrekken-${consent.id}-vraag`;

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!withdrawnOn) return form.show([{ path: 'withdrawnOn', message: 'Vul de datum van intrekking in' }]);
    await send(form, async () => onWithdrawn(await withdraw.mutateAsync({ withdrawnOn, note, version: consent.version })));
  }

  return (
    <form ref={ref} tabIndex={-1} noValidate onSubmit={(e) => void confirm(e)} className="kt-panel kt-form" aria-labelledby={questionId}>
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <Alert type="warning">
        <Paragraph id={questionId}>
          Weet u zeker dat u de toestemming voor {consent.recipientName} wilt intrekken?
        </Paragraph>
        <Paragraph>Vanaf de datum van intrekking mag u op grond van deze toestemming geen gegevens meer delen. De toestemming blijft zichtbaar in het dossier.</Paragraph>
      </Alert>
      <TextField id={form.idFor('withdrawnOn')} label="Datum intrekking" type="date" value={withdrawnOn} onChange={setWithdrawnOn} error={form.errorFor('withdrawnOn')} size="s" required />
      <TextareaField id={form.idFor('note')} label="Toelichting bij de intrekking" description="Bijvoorbeeld hoe de cliënt het liet weten." value={note} onChange={setNote} rows={2} error={form.errorFor('note')} optional />
      <SubmitOrCancel label="Ja, intrekken" busy={withdraw.isPending} onCancel={onCancel} />
    </form>
  );
}
