// A provider's side of the iWmo exchange, for the browser tests: read the WMO301 Keukentafel wrote
// and answer with a WMO305 (start levering) for one of its toewijzingen, as the provider's system
// would. Plain strings: these are our own files (one prefix per message), no XML library needed.

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

/** The provider's WMO305: delivery of toewijzing `assignment` (from the 301 `sent`) started on `begin`. */
export function startFor301(sent: string, assignment: string, begin: string): string {
  const { bsn, provider, birthDate, surname } = clientOf301(sent);
  return `<?xml version="1.0" encoding="UTF-8"?>
<wmo305:Bericht xmlns:iwmo="http://www.istandaarden.nl/iwmo/3_2/basisschema/schema" xmlns:wmo305="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">
  <wmo305:Header>
    <wmo305:BerichtCode>418</wmo305:BerichtCode>
    <wmo305:BerichtVersie>3</wmo305:BerichtVersie>
    <wmo305:BerichtSubversie>2</wmo305:BerichtSubversie>
    <wmo305:Afzender>${provider}</wmo305:Afzender>
    <wmo305:Ontvanger>${valuesOf(sent, 'Afzender')[0]}</wmo305:Ontvanger>
    <wmo305:BerichtIdentificatie>
      <iwmo:Identificatie>START-${assignment}</iwmo:Identificatie>
      <iwmo:Dagtekening>${begin}</iwmo:Dagtekening>
    </wmo305:BerichtIdentificatie>
    <wmo305:XsdVersie>
      <iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie>
      <iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>
    </wmo305:XsdVersie>
  </wmo305:Header>
  <wmo305:Client>
    <wmo305:Bsn>${bsn}</wmo305:Bsn>
    <wmo305:Geboortedatum>
      <iwmo:Datum>${birthDate}</iwmo:Datum>
    </wmo305:Geboortedatum>
    <wmo305:Geslacht>0</wmo305:Geslacht>
    <wmo305:Naam>
      <iwmo:Geslachtsnaam>
        <iwmo:Achternaam>${surname}</iwmo:Achternaam>
      </iwmo:Geslachtsnaam>
    </wmo305:Naam>
    <wmo305:StartProducten>
      <wmo305:StartProduct>
        <wmo305:ToewijzingNummer>${assignment}</wmo305:ToewijzingNummer>
        <wmo305:Begindatum>${begin}</wmo305:Begindatum>
        <wmo305:StatusAanlevering>1</wmo305:StatusAanlevering>
      </wmo305:StartProduct>
    </wmo305:StartProducten>
  </wmo305:Client>
</wmo305:Bericht>
`;
}
