import { describe, expect, it } from 'vitest';
import { readInbound } from '../iwmo/read-inbound';
import { IwmoFileError } from '../iwmo/iwmo-errors';
import { providerMessage, startProducts } from '../../../../../tests/support/iwmo-provider';
import { describeRetourCodes, errorWithoutValues, HIDDEN_VALUE, skippedByCause } from './iwmo-screen-text';

/** The error the inbox stores for a file that readInbound refuses (its first line is the error's message). */
function errorOf(name: string, xml: string): string {
  try {
    readInbound(name, Buffer.from(xml, 'utf8'));
  } catch (error) {
    if (error instanceof IwmoFileError) return error.message;
    throw error;
  }
  throw new Error('the file was read');
}

const START_305 = (bsn: string, begin = '2025-01-06') =>
  providerMessage('305', { id: 'S1', sender: '98000006', receiver: '0344', date: '2025-01-10', bsn }, startProducts({ number: 12, begin }));

describe('errorWithoutValues', () => {
  it('cuts out a BSN that fails the 11-proef, keeping file, element and what was expected', () => {
    const error = errorOf('a.xml', START_305('123456789'));
    expect(error).toContain('"123456789"');
    const shown = errorWithoutValues(error);
    expect(shown).not.toContain('123456789');
    expect(shown).toBe(`bestand a.xml, element Bericht/Client/Bsn: waarde ${HIDDEN_VALUE} is ongeldig; verwacht een BSN van 9 cijfers dat aan de 11-proef voldoet (CS002)`);
  });

  it('cuts out every quoted value of a list of problems, also one with quotes and line breaks in it', () => {
    const error = [
      'bestand b.xml, element Bericht/Client/Bsn: waarde "12" is ongeldig; verwacht een BSN',
      'Alle problemen in het bestand:',
      '- Bericht/Client/Bsn: waarde "12" is ongeldig; verwacht een BSN',
      '- Bericht/Client/Naam/Geslachtsnaam/Achternaam: waarde "de "Vries"\r\nJansen" is ongeldig; verwacht tekst van ten hoogste 200 tekens',
    ].join('\r\n');
    const shown = errorWithoutValues(error);
    for (const value of ['12"', 'Vries', 'Jansen']) expect(shown).not.toContain(value);
    expect(shown.match(/waarde \(weggelaten\) is ongeldig; verwacht/g)).toHaveLength(3);
    expect(shown).toContain('- Bericht/Client/Naam/Geslachtsnaam/Achternaam: waarde (weggelaten) is ongeldig; verwacht tekst van ten hoogste 200 tekens');
  });

  it('shows nothing after a quoted value that does not end', () => {
    expect(errorWithoutValues('bestand c.xml, element Bericht/Client/Bsn: waarde "999900018 en de rest')).toBe(`bestand c.xml, element Bericht/Client/Bsn: waarde ${HIDDEN_VALUE}`);
  });

  it('cuts out the text around a stray ampersand', () => {
    const error = errorOf('d.xml', START_305('999900018').replace('<iwmo:Achternaam>Berg</iwmo:Achternaam>', '<iwmo:Achternaam>Berg & Zn</iwmo:Achternaam>'));
    expect(error).toContain('& Zn');
    const shown = errorWithoutValues(error);
    expect(shown).not.toContain('Zn');
    expect(shown).toMatch(/^bestand d\.xml, element .*Achternaam: geen geldige XML: onbekende entiteit of losse & in \(weggelaten\)$/);
  });

  it('leaves an error without values as it is', () => {
    const error = errorOf('e.xml', START_305('999900018').replace('<wmo305:BerichtCode>418<', '<wmo305:BerichtCode>420<'));
    expect(errorWithoutValues(error)).toBe(error);
    expect(error).toMatch(/^bestand e\.xml, element Bericht\/Header\/BerichtCode: berichtcode 420 hoort bij WMO307/);
  });
});

describe('describeRetourCodes', () => {
  it('gives each code its meaning, and says so of a code outside the list', () => {
    expect(describeRetourCodes(['0001', 'X999'])).toEqual([
      { code: '0001', description: 'Bericht is afgekeurd om technische redenen.' },
      { code: 'X999', description: 'Onbekende retourcode.' },
    ]);
  });
});

describe('skippedByCause', () => {
  it('counts messages per provider and cause, never per client', () => {
    const skipped = [
      { provider: 'Lister', cause: 'van de cliënt ontbreekt een geldig BSN' },
      { provider: 'Careyn', cause: 'van de cliënt ontbreekt een geldig BSN' },
      { provider: 'Lister', cause: 'van de cliënt ontbreekt een geldig BSN' },
      { provider: 'Abrona', cause: 'de aanbieder heeft geen AGB-code in de codelijst (providers)' },
    ];
    expect(skippedByCause(skipped)).toEqual([
      { provider: 'Abrona', cause: 'de aanbieder heeft geen AGB-code in de codelijst (providers)', messages: 1 },
      { provider: 'Careyn', cause: 'van de cliënt ontbreekt een geldig BSN', messages: 1 },
      { provider: 'Lister', cause: 'van de cliënt ontbreekt een geldig BSN', messages: 2 },
    ]);
  });
});
