// Request and response shapes of login, logout and the current user. Shared with the web app.
import { z } from 'zod';
import { ROLES } from '../../access/permissions';

export const loginBody = z.object({
  email: z.string().trim().min(1, 'Vul uw e-mailadres in').max(254),
  password: z.string().min(1, 'Vul uw wachtwoord in').max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

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
});
export type Me = z.infer<typeof me>;
