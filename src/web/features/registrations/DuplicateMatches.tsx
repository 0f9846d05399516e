// Possible existing clients found by the duplicate check, each with "Deze cliënt gebruiken".
import { ClientTable } from '../../app/ClientTable';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { fullName } from '../../app/format';
import { DUPLICATE_REASON_LABELS, type DuplicateMatch } from '../clients/api';

export function DuplicateMatches({ matches, onUse }: { matches: DuplicateMatch[]; onUse: (match: DuplicateMatch) => void }) {
  if (matches.length === 0) {
    return <Paragraph>Geen mogelijke dubbele inschrijving gevonden. U kunt de aanmelding als nieuwe cliënt opslaan.</Paragraph>;
  }
  return (
    <>
      <Paragraph>
        Er {matches.length === 1 ? 'is 1 cliënt' : `zijn ${matches.length} cliënten`} gevonden die mogelijk dezelfde persoon {matches.length === 1 ? 'is' : 'zijn'}. Gebruik de bestaande cliënt als het dezelfde persoon is, zodat
        niemand zijn verhaal twee keer hoeft te vertellen.
      </Paragraph>
      <ClientTable
        caption="Mogelijk dezelfde persoon"
        clients={matches}
        extra={[
          { header: 'Waarom', cell: (match) => DUPLICATE_REASON_LABELS[match.reason] ?? match.reason },
          {
            header: 'Actie',
            hidden: true,
            cell: (match) => (
              <Button appearance="secondary-action-button" type="button" onClick={() => onUse(match)} aria-label={`Deze cliënt gebruiken: ${fullName(match)}`}>
                Deze cliënt gebruiken
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
