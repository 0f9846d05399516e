// Test data for the iWmo tests (not used by the module itself): example incoming files written out
// literally, with the namespaces spelled in full so they test the module's constants too, a valid
// 301 input, and small helpers. Test BSNs are from the 999900006–999999990 range.
import { expect } from 'vitest';
import type { Toewijzing301Input } from './build-301';
import type { XmlElement } from './iwmo-xml';

const NS = (n: string) => `xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo${n}="http://www.istandaarden.nl/iwmo/3_2/wmo${n}/schema"`;

const heenHeader = (n: string, code: string, id: string) => `
  <wmo${n}:Header>
    <wmo${n}:BerichtCode>${code}</wmo${n}:BerichtCode>
    <wmo${n}:BerichtVersie>3</wmo${n}:BerichtVersie>
    <wmo${n}:BerichtSubversie>2</wmo${n}:BerichtSubversie>
    <wmo${n}:Afzender>42420001</wmo${n}:Afzender>
    <wmo${n}:Ontvanger>0363</wmo${n}:Ontvanger>
    <wmo${n}:BerichtIdentificatie>
      <iwmo:Identificatie>${id}</iwmo:Identificatie>
      <iwmo:Dagtekening>2025-04-10</iwmo:Dagtekening>
    </wmo${n}:BerichtIdentificatie>
    <wmo${n}:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo${n}:XsdVersie>
  </wmo${n}:Header>`;

const client = (n: string) => `
    <wmo${n}:Bsn>999900006</wmo${n}:Bsn>
    <wmo${n}:Geboortedatum>
      <iwmo:Datum>1967-08-13</iwmo:Datum>
    </wmo${n}:Geboortedatum>
    <wmo${n}:Geslacht>1</wmo${n}:Geslacht>
    <wmo${n}:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>Wit</iwmo:Achternaam>
        <iwmo:Voorvoegsel>de</iwmo:Voorvoegsel>
      </iwmo:Geslachtsnaam>
      <iwmo:Voornamen>Tim</iwmo:Voornamen>
      <iwmo:Voorletters>T</iwmo:Voorletters>
    </wmo${n}:Naam>`;

/** A 305 with two starts: a specific product (02A01) and an aspecific one (category 07). */
export const FILE_305 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo305:Bericht ${NS('305')}>${heenHeader('305', '418', 'S00000000001')}
  <wmo305:Client>${client('305')}
    <wmo305:StartProducten>
      <wmo305:StartProduct>
        <wmo305:ToewijzingNummer>300201</wmo305:ToewijzingNummer>
        <wmo305:Product>
          <iwmo:Categorie>02</iwmo:Categorie>
          <iwmo:Code>02A01</iwmo:Code>
        </wmo305:Product>
        <wmo305:ToewijzingIngangsdatum>2025-04-07</wmo305:ToewijzingIngangsdatum>
        <wmo305:Begindatum>2025-04-08</wmo305:Begindatum>
        <wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>
      </wmo305:StartProduct>
      <wmo305:StartProduct>
        <wmo305:ToewijzingNummer>300202</wmo305:ToewijzingNummer>
        <wmo305:Product>
          <iwmo:Categorie>07</iwmo:Categorie>
        </wmo305:Product>
        <wmo305:ToewijzingIngangsdatum>2025-04-07</wmo305:ToewijzingIngangsdatum>
        <wmo305:Begindatum>2025-04-09</wmo305:Begindatum>
        <wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>
      </wmo305:StartProduct>
    </wmo305:StartProducten>
  </wmo305:Client>
</wmo305:Bericht>
`;

/** A 307 stopping the first start of FILE_305. */
export const FILE_307 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo307:Bericht ${NS('307')}>${heenHeader('307', '420', 'E00000000001')}
  <wmo307:Client>${client('307')}
    <wmo307:StopProducten>
      <wmo307:StopProduct>
        <wmo307:ToewijzingNummer>300201</wmo307:ToewijzingNummer>
        <wmo307:Product>
          <iwmo:Categorie>02</iwmo:Categorie>
          <iwmo:Code>02A01</iwmo:Code>
        </wmo307:Product>
        <wmo307:ToewijzingIngangsdatum>2025-04-07</wmo307:ToewijzingIngangsdatum>
        <wmo307:Begindatum>2025-04-08</wmo307:Begindatum>
        <wmo307:RedenBeeindiging>19</wmo307:RedenBeeindiging>
        <wmo307:Einddatum>2025-10-31</wmo307:Einddatum>
        <wmo307:StatusAanlevering>1</wmo307:StatusAanlevering>
      </wmo307:StopProduct>
    </wmo307:StopProducten>
  </wmo307:Client>
</wmo307:Bericht>
`;

/** A 315 asking for a specific product with an omvang and for a generic one with a budget. */
export const FILE_315 = `<?xml version="1.0" encoding="UTF-8"?>
<wmo315:Bericht ${NS('315')}>${heenHeader('315', '444', 'V00000000001')}
  <wmo315:Client>${client('315')}
    <wmo315:Commentaar>Graag snel</wmo315:Commentaar>
    <wmo315:AangevraagdeProducten>
      <wmo315:AangevraagdProduct>
        <wmo315:ReferentieAanbieder>VOT-2025-0001</wmo315:ReferentieAanbieder>
        <wmo315:Product>
          <iwmo:Categorie>02</iwmo:Categorie>
          <iwmo:Code>02A01</iwmo:Code>
        </wmo315:Product>
        <wmo315:ToewijzingIngangsdatum>2025-05-01</wmo315:ToewijzingIngangsdatum>
        <wmo315:ToewijzingEinddatum>2025-12-31</wmo315:ToewijzingEinddatum>
        <wmo315:Omvang>
          <iwmo:Volume>4</iwmo:Volume>
          <iwmo:Eenheid>04</iwmo:Eenheid>
          <iwmo:Frequentie>2</iwmo:Frequentie>
        </wmo315:Omvang>
        <wmo315:Verwijzer>
          <iwmo:Type>02</iwmo:Type>
          <iwmo:ZorgverlenerCode>01234567</iwmo:ZorgverlenerCode>
        </wmo315:Verwijzer>
      </wmo315:AangevraagdProduct>
      <wmo315:AangevraagdProduct>
        <wmo315:ReferentieAanbieder>VOT-2025-0002</wmo315:ReferentieAanbieder>
        <wmo315:BeschikkingNummer>77001</wmo315:BeschikkingNummer>
        <wmo315:BeschikkingIngangsdatum>2025-03-01</wmo315:BeschikkingIngangsdatum>
        <wmo315:ToewijzingIngangsdatum>2025-05-01</wmo315:ToewijzingIngangsdatum>
        <wmo315:ToewijzingEinddatum>2025-12-31</wmo315:ToewijzingEinddatum>
        <wmo315:Budget>125000</wmo315:Budget>
        <wmo315:Verwijzer>
          <iwmo:Type>01</iwmo:Type>
          <iwmo:Naam>Gemeente Amsterdam</iwmo:Naam>
        </wmo315:Verwijzer>
        <wmo315:Raamcontract>2</wmo315:Raamcontract>
        <wmo315:Commentaar>Generiek budget</wmo315:Commentaar>
      </wmo315:AangevraagdProduct>
    </wmo315:AangevraagdeProducten>
  </wmo315:Client>
</wmo315:Bericht>
`;

const retour302Header = (codes: string) => `
  <wmo302:Header>
    <wmo302:BerichtCode>415</wmo302:BerichtCode>
    <wmo302:BerichtVersie>3</wmo302:BerichtVersie>
    <wmo302:BerichtSubversie>2</wmo302:BerichtSubversie>
    <wmo302:Afzender>0363</wmo302:Afzender>
    <wmo302:Ontvanger>42420001</wmo302:Ontvanger>
    <wmo302:BerichtIdentificatie>
      <iwmo:Identificatie>K00000000001</iwmo:Identificatie>
      <iwmo:Dagtekening>2025-04-04</iwmo:Dagtekening>
    </wmo302:BerichtIdentificatie>
    <wmo302:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo302:XsdVersie>
    <wmo302:IdentificatieRetour>R-0001</wmo302:IdentificatieRetour>
    <wmo302:DagtekeningRetour>2025-04-05</wmo302:DagtekeningRetour>
    <wmo302:XsdVersieRetour>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo302:XsdVersieRetour>${codes}
  </wmo302:Header>`;

/** A 302 accepting our 301: the Header only, no RetourCodes (IV028). */
export const FILE_302_ACCEPTED = `<?xml version="1.0" encoding="UTF-8"?>
<wmo302:Bericht ${NS('302')}>${retour302Header('')}
</wmo302:Bericht>
`;

/** A 302 rejecting our 301 because the second assignment's number is not unique (9332). */
export const FILE_302_REJECTED = `<?xml version="1.0" encoding="UTF-8"?>
<wmo302:Bericht ${NS('302')}>${retour302Header(`
    <wmo302:RetourCodes>
      <wmo302:RetourCode>0200</wmo302:RetourCode>
    </wmo302:RetourCodes>`)}
  <wmo302:Client>
    <wmo302:Bsn>999900006</wmo302:Bsn>
    <wmo302:Geboortedatum>
      <iwmo:Datum>1967-08-13</iwmo:Datum>
    </wmo302:Geboortedatum>
    <wmo302:Geslacht>1</wmo302:Geslacht>
    <wmo302:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>Wit</iwmo:Achternaam>
      </iwmo:Geslachtsnaam>
      <iwmo:NaamGebruik>1</iwmo:NaamGebruik>
    </wmo302:Naam>
    <wmo302:Contactgegevens>
      <wmo302:Contact>
        <wmo302:Soort>01</wmo302:Soort>
        <wmo302:Adres>
          <iwmo:Huis>
            <iwmo:Huisnummer>10</iwmo:Huisnummer>
          </iwmo:Huis>
          <iwmo:Postcode>1234AB</iwmo:Postcode>
          <iwmo:LandCode>NL</iwmo:LandCode>
        </wmo302:Adres>
        <wmo302:RetourCodes>
          <wmo302:RetourCode>0200</wmo302:RetourCode>
        </wmo302:RetourCodes>
      </wmo302:Contact>
    </wmo302:Contactgegevens>
    <wmo302:ToegewezenProducten>
      <wmo302:ToegewezenProduct>
        <wmo302:ToewijzingNummer>300201</wmo302:ToewijzingNummer>
        <wmo302:Product>
          <iwmo:Categorie>02</iwmo:Categorie>
          <iwmo:Code>02A01</iwmo:Code>
        </wmo302:Product>
        <wmo302:Toewijzingsdatum>2025-04-04</wmo302:Toewijzingsdatum>
        <wmo302:Toewijzingstijd>10:15:00</wmo302:Toewijzingstijd>
        <wmo302:Ingangsdatum>2025-04-07</wmo302:Ingangsdatum>
        <wmo302:Einddatum>2026-04-06</wmo302:Einddatum>
        <wmo302:Omvang>
          <iwmo:Volume>3</iwmo:Volume>
          <iwmo:Eenheid>04</iwmo:Eenheid>
          <iwmo:Frequentie>2</iwmo:Frequentie>
        </wmo302:Omvang>
        <wmo302:RetourCodes>
          <wmo302:RetourCode>0200</wmo302:RetourCode>
        </wmo302:RetourCodes>
      </wmo302:ToegewezenProduct>
      <wmo302:ToegewezenProduct>
        <wmo302:ToewijzingNummer>300202</wmo302:ToewijzingNummer>
        <wmo302:Toewijzingsdatum>2025-04-04</wmo302:Toewijzingsdatum>
        <wmo302:Toewijzingstijd>10:15:00</wmo302:Toewijzingstijd>
        <wmo302:Ingangsdatum>2025-04-07</wmo302:Ingangsdatum>
        <wmo302:Einddatum>2025-12-31</wmo302:Einddatum>
        <wmo302:Budget>500000</wmo302:Budget>
        <wmo302:RetourCodes>
          <wmo302:RetourCode>9332</wmo302:RetourCode>
        </wmo302:RetourCodes>
      </wmo302:ToegewezenProduct>
    </wmo302:ToegewezenProducten>
    <wmo302:RetourCodes>
      <wmo302:RetourCode>0200</wmo302:RetourCode>
    </wmo302:RetourCodes>
  </wmo302:Client>
</wmo302:Bericht>
`;

/** A valid 301 input: a specific assignment with an omvang, a generic one with a budget, and a deleted one. */
export const INPUT_301: Toewijzing301Input = {
  header: { municipalityCode: '0363', providerAgb: '42420001', messageId: 'K00000000001', messageDate: '2025-04-04' },
  client: {
    bsn: '999900006',
    birthDate: '1967-08-13',
    gender: '1',
    name: { surname: 'Wit', prefix: 'de', firstNames: 'Tim', initials: 'T', nameUse: '1' },
    contacts: [
      { type: '01', address: { houseNumber: 10, houseLetter: 'A', postcode: '1234AB', street: 'Straatweg', city: 'Amsterdam', countryCode: 'NL' } },
      { type: '02', phone: { number: '0201234567', countryPrefix: '0031' }, email: 'wit@example.org' },
    ],
    comment: 'Regel één\nRegel twee & <drie>',
  },
  assignments: [
    {
      assignmentNumber: 300201,
      product: { category: '02', code: '02A01' },
      assignedOn: '2025-04-04',
      assignedAt: '10:15:00',
      startOn: '2025-04-07',
      endOn: '2026-04-06',
      changeReason: null,
      omvang: { volume: 3, unit: '04', frequency: '2' },
    },
    {
      assignmentNumber: 300202,
      providerReference: 'VOT-2025-0002',
      product: null,
      assignedOn: '2025-04-04',
      assignedAt: '10:15:00',
      startOn: '2025-04-07',
      endOn: '2025-12-31',
      changeReason: null,
      budgetCents: 125000,
    },
    {
      assignmentNumber: 300150,
      product: { category: '01', code: null },
      assignedOn: '2025-04-04',
      assignedAt: '10:15:00',
      startOn: '2025-03-01',
      endOn: '2025-03-01',
      changeReason: '13',
      omvang: { volume: 2, unit: '04', frequency: '6' },
    },
  ],
};

/** The file rules of OP192: no BOM, the UTF-8 declaration first, every line ending in CR/LF. */
export function expectFileRules(xml: string): void {
  expect(xml.charCodeAt(0)).not.toBe(0xfeff);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\r\n')).toBe(true);
  expect(xml.endsWith('\r\n')).toBe(true);
  expect(xml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(xml, 'utf8'))).toBe(xml);
}

/** The text at a path of local names below the root, `Client/ToegewezenProducten/ToegewezenProduct[2]/Budget` (1-based index). */
export function valueAt(root: XmlElement, path: string): string | undefined {
  let el: XmlElement | undefined = root;
  for (const step of path.split('/')) {
    const [, name, index] = /^([^[]+)(?:\[(\d+)\])?$/.exec(step)!;
    el = el?.children.filter((c) => c.name === name)[Number(index ?? 1) - 1];
  }
  return el?.text;
}
