import { describe, expect, it } from 'vitest';
import { client301, dutchPhone, initialsOf, splitSurname, type ClientRow } from './iwmo-client';
import { splitHouseNumber } from '../../clients/identity-rules';

const row = (over: Partial<ClientRow> = {}): ClientRow => ({
  firstName: 'Jan Willem',
  lastName: 'van der Berg',
  birthDate: '1950-03-04',
  bsn: '999900018',
  gender: 'm',
  street: 'Burgemeester Reigerstraat en omgeving',
  houseNumber: '12a-3',
  postcode: '3581 KP',
  city: 'Utrecht',
  phone: '+31 (0)30 123 4567'.replace('(0)', ''),
  ...over,
});

describe('the 301 Client from a client', () => {
  it('splits the voorvoegsel, the house number and writes the address as iWmo wants it', () => {
    const result = client301(row());
    expect(result).toEqual({
      ok: true,
      client: {
        bsn: '999900018',
        birthDate: '1950-03-04',
        gender: '1',
        name: { surname: 'Berg', prefix: 'van der', firstNames: 'Jan Willem', initials: 'JW', nameUse: '1' },
        contacts: [
          {
            type: '01',
            address: { houseNumber: 12, houseLetter: 'a', houseNumberAddition: '3', postcode: '3581KP', street: 'Burgemeester Reigerstraa', city: 'Utrecht', countryCode: 'NL' },
            phone: { number: '0301234567', countryPrefix: '0031' },
          },
        ],
      },
    });
  });

  it('says what is missing, without sending', () => {
    expect(client301(row({ bsn: null }))).toEqual({ ok: false, problem: 'van de cliënt ontbreekt een geldig BSN' });
    expect(client301(row({ bsn: null, birthDate: null, postcode: null }))).toEqual({ ok: false, problem: 'van de cliënt ontbreekt een geldig BSN, de geboortedatum en een adres met huisnummer en postcode' });
    expect(client301(row({ houseNumber: 'achter de kerk' }))).toMatchObject({ ok: false });
  });

  it('writes gender x and unknown as 0, and leaves out a foreign phone number', () => {
    const result = client301(row({ gender: 'x', phone: '+32 2 123 45 67' }));
    expect(result.ok && result.client.gender).toBe('0');
    expect(result.ok && result.client.contacts[0]!.phone).toBeNull();
  });
});

describe('the parts of Dutch names and addresses', () => {
  it('takes a lower-case voorvoegsel off the surname, the longest first', () => {
    expect(splitSurname('de Vries')).toEqual({ surname: 'Vries', prefix: 'de' });
    expect(splitSurname("van 't Hof")).toEqual({ surname: 'Hof', prefix: "van 't" });
    expect(splitSurname('Van Dijk')).toEqual({ surname: 'Van Dijk', prefix: null });
    expect(splitSurname('Jansen')).toEqual({ surname: 'Jansen', prefix: null });
    expect(splitSurname('de')).toEqual({ surname: 'de', prefix: null });
  });

  it('makes initials without dots, at most six', () => {
    expect(initialsOf('Anne-Marie')).toBe('AM');
    expect(initialsOf('a b c d e f g')).toBe('ABCDEF');
    expect(initialsOf('  ')).toBeNull();
  });

  it('reads house numbers with a letter and an addition', () => {
    expect(splitHouseNumber('12')).toEqual({ houseNumber: 12, houseLetter: null, addition: null });
    expect(splitHouseNumber('12 A')).toEqual({ houseNumber: 12, houseLetter: 'A', addition: null });
    expect(splitHouseNumber('12-2')).toEqual({ houseNumber: 12, houseLetter: null, addition: '2' });
    expect(splitHouseNumber('12 bis')).toEqual({ houseNumber: 12, houseLetter: null, addition: 'bis' });
    expect(splitHouseNumber('12 hs')).toEqual({ houseNumber: 12, houseLetter: null, addition: 'hs' });
    expect(splitHouseNumber('123456')).toBeNull();
  });

  it('writes Dutch phone numbers with the national 0', () => {
    expect(dutchPhone('030-1234567')).toEqual({ number: '0301234567', countryPrefix: '0031' });
    expect(dutchPhone('0031 6 12345678')).toEqual({ number: '0612345678', countryPrefix: '0031' });
    expect(dutchPhone('112')).toBeNull();
  });
});
