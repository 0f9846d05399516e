// The logged-in user on whose behalf a service call runs.
import type { Role } from './permissions';

export interface Actor {
  organisationId: string;
  userId: string;
  role: Role;
  /** The team the user works in; null for roles without a team. */
  teamId: string | null;
  name: string;
  /** Clients this user opened through break-the-glass and whose access has not expired (read only). */
  emergencyClientIds: readonly string[];
}
