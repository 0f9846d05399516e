// Possible existing clients found by the duplicate check. A client of the own team: "Deze cliënt
// gebruiken". A client the team does not hold (another team's, shown only by initials, last name and
// birth year; or one read through break-the-glass): "Koppelen", which asks for exact identification
// and a reason.
import { Button, Paragraph, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ClientTable } from '../../app/ClientTable';
import { fullName } from '../../app/format';
import { ScrollTable } from '../../app/ScrollTable';
import { DUPLICATE_REASON_LABELS, type DuplicateMatch } from './api';

type Known = Extract<DuplicateMatch, { kind: 'known' }>;
type Elsewhere = Extract<DuplicateMatch, { kind: 'elsewhere' }>;

/** What a check could compare (identity-rules.ts: duplicateCheckCovers), and whether a BSN was typed at all. */
export interface DuplicateCoverage {
  covers: { bsn: boolean; name: boolean };
  bsnTyped: boolean;
}

/** "Nothing found" says what was compared and what was not, so nobody saves a duplicate on a check that could not run. */
export function duplicateCoverageText({ covers, bsnTyped }: DuplicateCoverage): string {
  const noBsn = bsnTyped ? 'Het BSN is niet geldig; daarop is niet gezocht.' : 'Er is geen BSN ingevuld; daarop is niet gezocht.';
  if (!covers.bsn && !covers.name) {
    return `Nog niet gecontroleerd op dubbele inschrijving. ${bsnTyped ? 'Het BSN is niet geldig. ' : ''}Vul een geldig BSN in, of de naam met de geboortedatum of de postcode.`;
  }
  if (covers.bsn && covers.name) return 'Geen mogelijke dubbele inschrijving gevonden, op BSN en op naam. U kunt de gegevens als nieuwe cliënt opslaan.';
  if (covers.bsn) return 'Geen cliënt met dit BSN gevonden. Op naam is niet gezocht: vul ook de naam met de geboortedatum of de postcode in.';
  return `Geen mogelijke dubbele inschrijving gevonden op naam. ${noBsn} Weet u het BSN, vul het dan in en controleer opnieuw.`;
}

export function DuplicateMatches({ matches, coverage, onUse, onAttach }: { matches: DuplicateMatch[]; coverage: DuplicateCoverage; onUse: (match: Known) => void; onAttach: (match: DuplicateMatch) => void }) {
  if (matches.length === 0) return <Paragraph>{duplicateCoverageText(coverage)}</Paragraph>;
  const known = matches.filter((m): m is Known => m.kind === 'known');
  const elsewhere = matches.filter((m): m is Elsewhere => m.kind === 'elsewhere');
  return (
    <>
      <Paragraph>
        Er {matches.length === 1 ? 'is 1 cliënt' : `zijn ${matches.length} cliënten`} gevonden die mogelijk dezelfde persoon {matches.length === 1 ? 'is' : 'zijn'}. Gebruik de bestaande cliënt als het dezelfde persoon is, zodat
        niemand zijn verhaal twee keer hoeft te vertellen.
      </Paragraph>
      {known.length > 0 && (
        <ClientTable
          caption="Mogelijk dezelfde persoon"
          clients={known}
          extra={[
            { header: 'Waarom', cell: (match) => DUPLICATE_REASON_LABELS[match.reason] },
            {
              header: 'Actie',
              hidden: true,
              cell: (match) =>
                match.usable ? (
                  <Button appearance="secondary-action-button" type="button" onClick={() => onUse(match)} aria-label={`Deze cliënt gebruiken: ${fullName(match)}`}>
                    Deze cliënt gebruiken
                  </Button>
                ) : (
                  <Button appearance="secondary-action-button" type="button" onClick={() => onAttach(match)} aria-label={`Koppelen: ${fullName(match)}`}>
                    Koppelen
                  </Button>
                ),
            },
          ]}
        />
      )}
      {elsewhere.length > 0 && (
        <ScrollTable caption="Bekend bij een ander team">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Naam</TableHeaderCell>
              <TableHeaderCell scope="col">Geboortejaar</TableHeaderCell>
              <TableHeaderCell scope="col">Waarom</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="kt-visually-hidden">Actie</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {elsewhere.map((match, index) => (
              // No id: another team's client is shown only as far as it recognises the person.
              <TableRow key={index}>
                <TableHeaderCell scope="row">
                  {match.initials} {match.lastName}
                </TableHeaderCell>
                <TableCell>{match.birthYear ?? '–'}</TableCell>
                <TableCell>{DUPLICATE_REASON_LABELS[match.reason]}</TableCell>
                <TableCell>
                  <Button appearance="secondary-action-button" type="button" onClick={() => onAttach(match)} aria-label={`Koppelen: ${match.initials} ${match.lastName}`}>
                    Koppelen
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
    </>
  );
}
