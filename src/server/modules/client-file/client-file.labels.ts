// Dutch words for the codes in the client's file that have no code list of the organisation.
// Pure, no I/O.

export const GENDER_LABELS: Record<string, string> = { v: 'Vrouw', m: 'Man', x: 'Anders of onbekend' };

export const HOUSEHOLD_ROLE_LABELS: Record<string, string> = { hoofdclient: 'Hoofdcliënt', huishoudlid: 'Huishoudlid' };

/** The marks of a sensitive journal entry (contacts.sensitivity). */
export const SENSITIVITY_LABELS: Record<string, string> = {
  huiselijk_geweld: 'Gevoelig: huiselijk geweld',
  gezondheid: 'Gevoelig: gezondheid',
  justitie: 'Gevoelig: justitie',
};

/** The legal grounds of a disclosure to a third party (disclosures.ground). */
export const DISCLOSURE_GROUND_LABELS: Record<string, string> = {
  toestemming: 'Toestemming van de cliënt',
  wettelijke_plicht: 'Wettelijke plicht',
  meldrecht: 'Meldrecht (meldcode, Veilig Thuis)',
  conflict_van_plichten: 'Conflict van plichten',
};

/** Why a journal entry is not in the file. Its kind of sensitivity is not named: that would tell. */
export const WITHHELD_REASON =
  'Dit contact is door de auteur gemarkeerd als gevoelig. Alleen de auteur en de medewerkers van de casus kunnen het lezen; daarom staat het niet in dit overzicht. Vraag de regisseur van de casus om een volledig overzicht.';

export const fileAbout =
  'Dit is het overzicht van de gegevens die het buurtteam over u heeft vastgelegd (inzage volgens artikel 5.3.2 van de Wmo 2015), met het overzicht van wie uw gegevens heeft ingezien of gewijzigd (NEN 7513). Het bevat de gegevens waartoe de samensteller toegang heeft.';

/** A code without a label: `wettelijke_plicht` → `wettelijke plicht`. */
export function codeText(code: string): string {
  return code.replace(/_/g, ' ');
}
