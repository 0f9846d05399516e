// Inloggen: e-mail and password; a clear Dutch error on failure.
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Button, Page, PageContent, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { loginBody } from '../../../server/modules/auth/auth.schemas';
import { ApiError } from '../../app/api';
import { startPath, useAuth } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextField } from '../../app/fields';
import { useFormErrors } from '../../app/form-errors';
import { PageTitle } from '../../app/PageTitle';

export function LoginPage() {
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors('login');

  if (me) return <Navigate to={from && from !== '/inloggen' ? from : startPath(me)} replace />;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = loginBody.safeParse({ email, password });
    if (!parsed.success) return form.showZod(parsed.error);
    setBusy(true);
    try {
      const result = await login(parsed.data.email, parsed.data.password);
      navigate(from && from !== '/inloggen' ? from : startPath(result), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) form.show([], 'Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw.');
      else if (error instanceof ApiError && error.status === 429) form.show([], 'Te veel mislukte pogingen. Wacht een paar minuten en probeer het dan opnieuw.');
      else form.showApiError(error);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <SkipLink href="#main">Naar de inhoud</SkipLink>
      <Page className="kt-page">
        <PageHeader className="kt-header">
          <div className="kt-header__bar">
            <Paragraph className="kt-brand">Keukentafel</Paragraph>
          </div>
        </PageHeader>
        <PageContent className="kt-content">
          <main id="main" tabIndex={-1} className="kt-main kt-main--narrow">
            <PageTitle title="Inloggen" />
            <Paragraph>Log in met het e-mailadres en wachtwoord van uw account bij de buurtteamorganisatie.</Paragraph>
            <form noValidate onSubmit={(e) => void handleSubmit(e)} className="kt-form" aria-label="Inloggen">
              <ErrorSummary form={form} />
              <TextField id={form.idFor('email')} label="E-mailadres" type="email" autoComplete="username" value={email} onChange={setEmail} error={form.errorFor('email')} required />
              <TextField id={form.idFor('password')} label="Wachtwoord" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={form.errorFor('password')} required />
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                Inloggen
              </Button>
            </form>
          </main>
        </PageContent>
      </Page>
    </>
  );
}
