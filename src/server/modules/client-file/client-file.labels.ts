// The fixed texts of the client's file. Pure, no I/O.

/** Why a journal entry is not in the file. Its kind of sensitivity is not named: that would tell. */
export const WITHHELD_REASON =
  'Dit contact is door de auteur gemarkeerd als gevoelig. Alleen de auteur en de vaste medewerker van de casus kunnen het lezen; daarom staat het niet in dit overzicht. Vraag de vaste medewerker van de casus om een volledig overzicht.';

/** Why a document is not in the file (its mark is not named either). */
export const DOCUMENT_WITHHELD_REASON =
  'Dit document is gemarkeerd als gevoelig. Alleen wie het opsloeg en de vaste medewerker van de casus kunnen het zien; daarom staat het niet in dit overzicht. Vraag de vaste medewerker van de casus om een volledig overzicht.';

/** Where the files of the documents are: in the JSON download, not in the PDF. */
export const DOCUMENT_FILES_NOTE = 'De bestanden zelf staan in de download als JSON (het veld contentBase64 van elk document); hier staat alleen welke documenten er zijn.';

/**
 * Why the overview of who looked at the file is not in it: the reader may not read the client's
 * access log (accessLogReadable). Addressed to the client, who reads the file.
 */
export const ACCESS_LOG_WITHHELD_REASON =
  'Wie dit dossier heeft ingezien of gewijzigd, staat niet in dit overzicht. Dat overzicht mogen alleen de vaste medewerker van de casus en de medewerker kwaliteit en privacy maken. Vraag hen om dit overzicht: u heeft er recht op.';

export const fileAbout =
  'Dit is het overzicht van de gegevens die het buurtteam over u heeft vastgelegd (inzage volgens artikel 5.3.2 van de Wmo 2015), met het overzicht van wie uw gegevens heeft ingezien of gewijzigd (NEN 7513). Het bevat de gegevens waartoe de samensteller toegang heeft.';

/** A code without a label: `wettelijke_plicht` → `wettelijke plicht`. */
export function codeText(code: string): string {
  return code.replace(/_/g, ' ');
}
