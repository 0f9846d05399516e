// Wachtwoord wijzigen: the logged-in user chooses a new password. The rules are checked here for
// quick feedback (the same pure rules as the server) and again by the server, which also knows
// the organisation's list of leaked passwords.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { passwordChange, type PasswordChange } from '../../../server/modules/auth/auth.schemas';
import { MIN_PASSWORD_LENGTH, passwordProblems } from '../../../server/modules/auth/password-rules';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors, zodFieldErrors } from '../../app/form-errors';
import { PageTitle } from '../../app/PageTitle';
import { useFormSubmit } from '../../app/use-form-submit';

export function PasswordPage() {
  const me = useMe();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const form = useFormErrors('password');
  const change = useMutation({ mutationFn: (body: PasswordChange) => api.post<null>('/api/v1/auth/password', body) });

  const { submit, busy } = useFormSubmit(form, {
    values: { currentPassword, newPassword },
    // The schema first; then the password rules (the same as the server's) and the repeat.
    check: (body) => {
      const parsed = passwordChange.safeParse(body);
      if (!parsed.success) return zodFieldErrors(parsed.error);
      const problems = passwordProblems(newPassword, { email: me.email, name: me.name }).map((message) => ({ path: 'newPassword', message }));
      if (repeat !== newPassword) problems.push({ path: 'repeat', message: 'De twee nieuwe wachtwoorden zijn niet gelijk' });
      return problems;
    },
    send: (body) => change.mutateAsync(body),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setRepeat('');
      setDone(true);
    },
  });

  return (
    <>
      <PageTitle title="Wachtwoord wijzigen" />
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.</Paragraph>
        </Alert>
      )}
      <Paragraph>
        Kies een wachtwoord van minstens {MIN_PASSWORD_LENGTH} tekens dat u nergens anders gebruikt, bijvoorbeeld een zin van een paar woorden. Niet uw naam of
        e-mailadres, en geen bekend wachtwoord.
      </Paragraph>
      <form
        noValidate
        onSubmit={(event) => {
          setDone(false);
          submit(event);
        }}
        className="kt-form"
        aria-label="Wachtwoord wijzigen"
      >
        <ErrorSummary form={form} />
        <TextField
          id={form.idFor('currentPassword')}
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={form.errorFor('currentPassword')}
          required
        />
        <TextField
          id={form.idFor('newPassword')}
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          description={`Minstens ${MIN_PASSWORD_LENGTH} tekens.`}
          value={newPassword}
          onChange={setNewPassword}
          error={form.errorFor('newPassword')}
          required
        />
        <TextField
          id={form.idFor('repeat')}
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          error={form.errorFor('repeat')}
          required
        />
        <FormActions submitLabel="Wachtwoord wijzigen" busy={busy} />
      </form>
    </>
  );
}
