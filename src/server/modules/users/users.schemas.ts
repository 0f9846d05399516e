// Shapes for creating and listing users. Shared with the web app.
import { z } from 'zod';
import { ROLES } from '../../access/permissions';
import { MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES } from '../auth/password-rules';

export const TEAM_ROLES = ['medewerker', 'teamleider'] as const;

export const newUser = z
  .object({
    email: z.email('Geen geldig e-mailadres').max(254),
    name: z.string().trim().min(1, 'Vul een naam in').max(200),
    password: z.string().min(MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES.tooShort).max(1024),
    role: z.enum(ROLES, 'Kies een rol: medewerker, teamleider, kwaliteit, analist of beheerder'),
    teamCode: z.string().optional(),
  })
  .refine((u) => !(TEAM_ROLES as readonly string[]).includes(u.role) || !!u.teamCode, {
    path: ['teamCode'],
    message: 'Een medewerker of teamleider hoort bij een team',
  });
export type NewUser = z.infer<typeof newUser>;

export const worker = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) });
export type Worker = z.infer<typeof worker>;
