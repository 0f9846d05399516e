// Inloggen: e-mail and password, or the organisation account (OpenID Connect) when configured; a
// clear Dutch error on failure, and why the user is here when their session ended.
import { useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, ButtonLink, Heading2, Page, PageContent, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { loginBody, OIDC_ERRORS, SESSION_EXPIRED_MESSAGE, type AuthConfig } from '../../../server/modules/auth/auth.schemas';
import { api, ApiError } from '../../app/api';
import { startPath, useAuth } from '../../app/auth';
import { ErrorSummary } from '../../app/ErrorSummary';
import { TextField } from '../../app/fields';
import { FormActions } from '../../app/FormActions';
import { useFormErrors } from '../../app/form-errors';
import { PageTitle } from '../../app/PageTitle';
import { queryKeys } from '../../app/query-keys';
import { useFormSubmit } from '../../app/use-form-submit';

/** The message of an OpenID Connect login that came back with `?fout=…`, if any. */
function oidcError(code: string | null): string | null {
  return code && Object.hasOwn(OIDC_ERRORS, code) ? OIDC_ERRORS[code as keyof typeof OIDC_ERRORS] : null;
}

export function LoginPage() {
  const { me, login, sessionExpired } = useAuth();
  const [searchParams] = useSearchParams();
  const config = useQuery({ queryKey: queryKeys.auth.config, queryFn: () => api.get<AuthConfig>('/api/v1/auth/config'), staleTime: Infinity });
  const notice = oidcError(searchParams.get('fout')) ?? (sessionExpired ? SESSION_EXPIRED_MESSAGE : null);
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors('login');
  const { submit, busy } = useFormSubmit(form, {
    values: { email, password },
    schema: loginBody,
    send: (body) => login(body.email, body.password),
    onSuccess: (result) => navigate(from && from !== '/inloggen' ? from : startPath(result), { replace: true }),
    // A failed login empties the password. The summary shows the server's message (a 429 says how long to wait), but one text for a wrong address or password.
    onError: (error) => {
      setPassword('');
      if (!(error instanceof ApiError && error.status === 401)) return false;
      form.show([], 'Het e-mailadres of het wachtwoord klopt niet. Probeer het opnieuw.');
      return true;
    },
  });

  if (me) return <Navigate to={from && from !== '/inloggen' ? from : startPath(me)} replace />;

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
            {notice && (
              <Alert type={sessionExpired && !searchParams.get('fout') ? 'info' : 'error'} role="status">
                <Paragraph>{notice}</Paragraph>
              </Alert>
            )}
            {config.data?.oidc && (
              <section aria-labelledby="login-oidc">
                <Heading2 id="login-oidc">Met uw organisatieaccount</Heading2>
                {/* A plain link: the server redirects to the organisation's login page and back. */}
                <ButtonLink href="/api/v1/auth/oidc/start" appearance="primary-action-button">
                  Inloggen met uw organisatieaccount
                </ButtonLink>
              </section>
            )}
            {config.data?.oidc && <Heading2>Met e-mailadres en wachtwoord</Heading2>}
            <Paragraph>Log in met het e-mailadres en wachtwoord van uw account bij de buurtteamorganisatie.</Paragraph>
            <form noValidate onSubmit={submit} className="kt-form" aria-label="Inloggen">
              <ErrorSummary form={form} />
              <TextField id={form.idFor('email')} label="E-mailadres" type="email" autoComplete="username" value={email} onChange={setEmail} error={form.errorFor('email')} required />
              <TextField id={form.idFor('password')} label="Wachtwoord" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={form.errorFor('password')} required />
              <FormActions submitLabel="Inloggen" busy={busy} busyText="Bezig met inloggen…" />
            </form>
          </main>
        </PageContent>
      </Page>
    </>
  );
}
