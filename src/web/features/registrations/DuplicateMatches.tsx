// Possible existing clients found by the duplicate check, each with "Deze cliënt gebruiken".
import { Button, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
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
      <Table className="kt-table">
        <TableCaption>Mogelijk dezelfde persoon</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
            <TableHeaderCell scope="col">Postcode</TableHeaderCell>
            <TableHeaderCell scope="col">BSN</TableHeaderCell>
            <TableHeaderCell scope="col">Waarom</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="kt-visually-hidden">Actie</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {matches.map((match) => (
            <TableRow key={match.id}>
              <TableHeaderCell scope="row">{fullName(match)}</TableHeaderCell>
              <TableCell>
                <DateText value={match.birthDate} />
              </TableCell>
              <TableCell>{match.postcode ?? '–'}</TableCell>
              <TableCell>{match.bsnMasked ?? '–'}</TableCell>
              <TableCell>{DUPLICATE_REASON_LABELS[match.reason] ?? match.reason}</TableCell>
              <TableCell>
                <Button appearance="secondary-action-button" type="button" onClick={() => onUse(match)} aria-label={`Deze cliënt gebruiken: ${fullName(match)}`}>
                  Deze cliënt gebruiken
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
