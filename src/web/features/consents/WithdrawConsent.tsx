// Withdrawing a consent is a confirmation step: the date, an optional note, then "Ja, intrekken".
// The consent stays in the register as withdrawn; a stale version gets the 409 summary.
import { useEffect, useRef, useState } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { defaultWithdrawalDate } from '../../../server/modules/consents/consent-rules';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextareaField, TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { today } from '../../app/format';
import { useFormSubmit } from '../../app/use-form-submit';
import { useReloadConsents, useWithdrawConsent, type Consent } from './api';

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

  const { submit, busy } = useFormSubmit(form, {
    values: { withdrawnOn, note, version: consent.version },
    check: () => (withdrawnOn ? [] : [{ path: 'withdrawnOn', message: 'Vul de datum van intrekking in' }]),
    send: (body) => withdraw.mutateAsync(body),
    onSuccess: onWithdrawn,
  });

  return (
    <form ref={ref} tabIndex={-1} noValidate onSubmit={submit} className="kt-panel kt-form" aria-labelledby={questionId}>
      <ErrorSummary form={form} onReload={() => void reload().then(form.clear)} />
      <Alert type="warning">
        <Paragraph id={questionId}>
          Weet u zeker dat u de toestemming voor {consent.recipientName} wilt intrekken?
        </Paragraph>
        <Paragraph>Vanaf de datum van intrekking mag u op grond van deze toestemming geen gegevens meer delen. De toestemming blijft zichtbaar in het dossier.</Paragraph>
      </Alert>
      <TextField id={form.idFor('withdrawnOn')} label="Datum intrekking" type="date" value={withdrawnOn} onChange={setWithdrawnOn} error={form.errorFor('withdrawnOn')} size="s" required />
      <TextareaField id={form.idFor('note')} label="Toelichting bij de intrekking" description="Bijvoorbeeld hoe de cliënt het liet weten." value={note} onChange={setNote} rows={2} error={form.errorFor('note')} optional />
      <FormActions submitLabel="Ja, intrekken" busy={busy} busyText="Bezig met intrekken…" onCancel={onCancel} />
    </form>
  );
}
