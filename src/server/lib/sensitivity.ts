// The "sensitive" mark on a journal entry or a plan item: domestic violence, health or justice.
// A marked entry is shown to its author and the case's workers only (access.policy.ts); colleagues
// in the team see that it exists, never its text nor which of the three marks it carries.
// Shared with the web app.
import { z } from 'zod';

export const SENSITIVITIES = ['huiselijk_geweld', 'gezondheid', 'justitie'] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const SENSITIVITY_LABELS: Record<Sensitivity, string> = {
  huiselijk_geweld: 'Huiselijk geweld',
  gezondheid: 'Gezondheid',
  justitie: 'Justitie',
};

/** null: not sensitive. */
export const sensitivity = z.enum(SENSITIVITIES, 'Kies bij gevoelig: geen, huiselijk geweld, gezondheid of justitie').nullable();

/** What a colleague reads in place of a withheld journal entry. */
export const WITHHELD_NOTE = 'Afgeschermde notitie: alleen zichtbaar voor de betrokken medewerkers van deze casus.';
/** What a colleague reads in place of a withheld life domain or agreement of the krachtplan. */
export const WITHHELD_DOMAIN = 'Afgeschermd leefgebied: alleen zichtbaar voor de betrokken medewerkers van deze casus.';
export const WITHHELD_AGREEMENT = 'Afgeschermde afspraak: alleen zichtbaar voor de betrokken medewerkers van deze casus.';
