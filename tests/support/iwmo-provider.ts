// A provider's side of the iWmo exchange, for the tests: read the WMO301 Keukentafel wrote, and
// write the heen messages a provider's system sends (305 start, 307 stop, 315 verzoek). Plain strings: these are our own files (one prefix per message), no XML library needed.

/** The values of one element in a 301 we wrote. */
export const valuesOf = (xml: string, element: string): string[] => [...xml.matchAll(new RegExp(`<wmo301:${element}>([^<]*)</wmo301:${element}>`, 'g'))].map((m) => m[1]!);

/** The client and the provider a 301 is about. */
export function clientOf301(xml: string): { bsn: string; provider: string; birthDate: string; surname: string } {
  const first = (values: string[], what: string) => {
    if (values[0] === undefined) throw new Error(`no ${what} in the 301`);
    return values[0];
  };
  return {
    bsn: first(valuesOf(xml, 'Bsn'), 'Bsn'),
    provider: first(valuesOf(xml, 'Ontvanger'), 'Ontvanger'),
    birthDate: first([...xml.matchAll(/<iwmo:Datum>([^<]*)<\/iwmo:Datum>/g)].map((m) => m[1]!), 'Geboortedatum'),
    surname: first([...xml.matchAll(/<iwmo:Achternaam>([^<]*)<\/iwmo:Achternaam>/g)].map((m) => m[1]!), 'Achternaam'),
  };
}

/** The message codes of the heen messages a provider sends (iWmo 3.2). */
export const PROVIDER_CODES = { '305': '418', '307': '420', '315': '444' } as const;

export interface ProviderMessage {
  /** BerichtIdentificatie/Identificatie. */
  id: string;
  /** The provider's AGB (Afzender) and the municipality (Ontvanger). */
  sender: string;
  receiver: string;
  /** Dagtekening. */
  date: string;
  bsn: string;
  birthDate?: string;
  surname?: string;
  prefix?: string;
  gender?: '0' | '1' | '2';
  /** BerichtCode, if not the kind's own (to test a wrong one). */
  code?: string;
}

/** An incoming heen message (305, 307 or 315) about one client, written out as a provider's system would; `body` follows the client's name. */
export function providerMessage(kind: '305' | '307' | '315', m: ProviderMessage, body: string): string {
  const p = `wmo${kind}`;
  const prefix = m.prefix ? `\n        <iwmo:Voorvoegsel>${m.prefix}</iwmo:Voorvoegsel>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:${p}="http://www.istandaarden.nl/iwmo/3_2/${p}/schema">
  <${p}:Header>
    <${p}:BerichtCode>${m.code ?? PROVIDER_CODES[kind]}</${p}:BerichtCode>
    <${p}:BerichtVersie>3</${p}:BerichtVersie>
    <${p}:BerichtSubversie>2</${p}:BerichtSubversie>
    <${p}:Afzender>${m.sender}</${p}:Afzender>
    <${p}:Ontvanger>${m.receiver}</${p}:Ontvanger>
    <${p}:BerichtIdentificatie>
      <iwmo:Identificatie>${m.id}</iwmo:Identificatie>
      <iwmo:Dagtekening>${m.date}</iwmo:Dagtekening>
    </${p}:BerichtIdentificatie>
    <${p}:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </${p}:XsdVersie>
  </${p}:Header>
  <${p}:Client>
    <${p}:Bsn>${m.bsn}</${p}:Bsn>
    <${p}:Geboortedatum>
      <iwmo:Datum>${m.birthDate ?? '1950-03-04'}</iwmo:Datum>
    </${p}:Geboortedatum>
    <${p}:Geslacht>${m.gender ?? '1'}</${p}:Geslacht>
    <${p}:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>${m.surname ?? 'Berg'}</iwmo:Achternaam>${prefix}
      </iwmo:Geslachtsnaam>
    </${p}:Naam>${body}
  </${p}:Client>
</${p}:Bericht>
`;
}

/** The body of a 305: the toewijzingen whose delivery started. */
export const startProducts = (...records: { number: number | string; begin: string; status?: string }[]) =>
  `\n    <wmo305:StartProducten>${records
    .map(
      (r) => `
      <wmo305:StartProduct>
        <wmo305:ToewijzingNummer>${r.number}</wmo305:ToewijzingNummer>
        <wmo305:Begindatum>${r.begin}</wmo305:Begindatum>
        <wmo305:StatusAanlevering>${r.status ?? '1'}</wmo305:StatusAanlevering>
      </wmo305:StartProduct>`,
    )
    .join('')}
    </wmo305:StartProducten>`;

/** The provider's WMO305: delivery of toewijzing `assignment` (from the 301 `sent`) started on `begin`. */
export function startFor301(sent: string, assignment: string, begin: string): string {
  const { bsn, provider, birthDate, surname } = clientOf301(sent);
  return providerMessage('305', { id: `START-${assignment}`, sender: provider, receiver: valuesOf(sent, 'Afzender')[0]!, date: begin, bsn, birthDate, surname, gender: '0' }, startProducts({ number: assignment, begin }));
}
