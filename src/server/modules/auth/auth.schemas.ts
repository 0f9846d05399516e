// Request and response shapes of login, logout and the current user. Shared with the web app.
import { z } from 'zod';
import { ROLES } from '../../access/permissions';

export const loginBody = z.object({
  email: z.string().trim().min(1, 'Vul uw e-mailadres in').max(254),
  password: z.string().min(1, 'Vul uw wachtwoord in').max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

/** The 401 message when a session has ended by idleness or age; the web app shows it on the login page. */
export const SESSION_EXPIRED_MESSAGE = 'Uw sessie is verlopen; log opnieuw in.';

export const passwordChange = z.object({
  currentPassword: z.string().min(1, 'Vul uw huidige wachtwoord in').max(1024),
  // A NUL character (which could never be typed at the login) is refused for every field by http/input-check.ts.
  newPassword: z.string().min(1, 'Vul een nieuw wachtwoord in').max(1024),
});
export type PasswordChange = z.infer<typeof passwordChange>;

/** What the login page needs to know before anyone logs in. */
export const authConfig = z.object({ oidc: z.boolean() });
export type AuthConfig = z.infer<typeof authConfig>;

/** Why an OpenID Connect login went back to the login page (`/inloggen?fout=…`): codes, never personal data. */
export const OIDC_ERRORS = {
  oidc_failed: 'Inloggen via uw organisatieaccount is niet gelukt. Probeer het opnieuw.',
  oidc_expired: 'Het inloggen via uw organisatieaccount duurde te lang of is al gebruikt. Probeer het opnieuw.',
  oidc_cancelled: 'Inloggen via uw organisatieaccount is afgebroken.',
  oidc_unverified: 'Uw organisatieaccount geeft geen bevestigd e-mailadres door. Neem contact op met de beheerder.',
  oidc_no_account: 'Er is geen actief account in Keukentafel voor uw organisatieaccount. Vraag de beheerder om een account.',
  oidc_subject_mismatch: 'Dit Keukentafel-account is gekoppeld aan een ander organisatieaccount. Neem contact op met de beheerder.',
} as const;
export type OidcErrorCode = keyof typeof OIDC_ERRORS;

export const me = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  roleLabel: z.string(),
  team: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  permissions: z.array(z.string()),
  /** Send back as the x-csrf-token header on every state-changing request. */
  csrfToken: z.string(),
  /** The session ends after this many minutes without a request: the web app warns before (WCAG 2.2.1). */
  sessionIdleMinutes: z.number(),
});
export type Me = z.infer<typeof me>;
