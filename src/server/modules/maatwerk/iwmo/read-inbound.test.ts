import { describe, expect, it } from 'vitest';
import { IwmoFileError } from './iwmo-errors';
import { readInbound } from './read-inbound';
import { FILE_302_ACCEPTED, FILE_302_REJECTED, FILE_305, FILE_307, FILE_315 } from './test-fixtures';

function fileError(fileName: string, content: string | Uint8Array): IwmoFileError {
  try {
    readInbound(fileName, content);
  } catch (error) {
    if (error instanceof IwmoFileError) return error;
    throw error;
  }
  throw new Error('read without error');
}

const header = {
  providerAgb: '42420001',
  municipalityCode: '0363',
  messageDate: '2025-04-10',
  basisschemaXsdVersion: '1.0.0',
  messageXsdVersion: '1.0.0',
};
const client = { bsn: '999900006', birthDate: '1967-08-13', gender: '1', name: { surname: 'Wit', prefix: 'de', firstNames: 'Tim', initials: 'T' } };

describe('readInbound: good files', () => {
  it('reads a 305', () => {
    const message = readInbound('305-abc.xml', FILE_305);
    expect(message).toMatchObject({ kind: '305', fileName: '305-abc.xml', header: { ...header, messageId: 'S00000000001' }, client });
    expect(message.kind === '305' && message.records).toEqual([
      { assignmentNumber: 300201, product: { category: '02', code: '02A01' }, assignmentStartOn: '2025-04-07', startOn: '2025-04-08', status: '1' },
      { assignmentNumber: 300202, product: { category: '07', code: null }, assignmentStartOn: '2025-04-07', startOn: '2025-04-09', status: '1' },
    ]);
    expect(message.source).toBe(FILE_305);
  });

  it('reads a 307 with RedenBeeindiging and Einddatum', () => {
    const message = readInbound('307.xml', FILE_307);
    expect(message).toMatchObject({ kind: '307', header: { ...header, messageId: 'E00000000001' }, client });
    expect(message.kind === '307' && message.records).toEqual([
      {
        assignmentNumber: 300201, product: { category: '02', code: '02A01' }, assignmentStartOn: '2025-04-07',
        startOn: '2025-04-08', endReason: '19', endOn: '2025-10-31', status: '1',
      },
    ]);
  });

  it('reads a 315 with the requested products', () => {
    const message = readInbound('315.xml', FILE_315);
    expect(message).toMatchObject({ kind: '315', header: { ...header, messageId: 'V00000000001' }, client: { ...client, comment: 'Graag snel' } });
    expect(message.kind === '315' && message.records).toEqual([
      {
        providerReference: 'VOT-2025-0001', decisionNumber: null, product: { category: '02', code: '02A01' }, decisionStartOn: null,
        requestedStartOn: '2025-05-01', requestedEndOn: '2025-12-31', omvang: { volume: 4, unit: '04', frequency: '2' }, budgetCents: null,
        referrer: { type: '02', name: null, agb: '01234567' }, frameworkContract: null, comment: null,
      },
      {
        providerReference: 'VOT-2025-0002', decisionNumber: 77001, product: null, decisionStartOn: '2025-03-01',
        requestedStartOn: '2025-05-01', requestedEndOn: '2025-12-31', omvang: null, budgetCents: 125000,
        referrer: { type: '01', name: 'Gemeente Amsterdam', agb: null }, frameworkContract: '2', comment: 'Generiek budget',
      },
    ]);
  });

  it('reads a 302 that accepts our 301 (Header only)', () => {
    expect(readInbound('302.xml', FILE_302_ACCEPTED)).toMatchObject({
      kind: '302',
      header: { providerAgb: '42420001', municipalityCode: '0363', messageId: 'K00000000001', messageDate: '2025-04-04' },
      retourId: 'R-0001', retourDate: '2025-04-05', xsltVersion: null,
      headerCodes: [], client: null, assignments: [], otherClasses: [], accepted: true,
    });
  });

  it('reads a 302 with the retour codes per class', () => {
    expect(readInbound('302.xml', FILE_302_REJECTED)).toMatchObject({
      kind: '302',
      headerCodes: ['0200'],
      client: { bsn: '999900006', codes: ['0200'] },
      assignments: [
        { assignmentNumber: 300201, changeReason: null, codes: ['0200'] },
        { assignmentNumber: 300202, changeReason: null, codes: ['9332'] },
      ],
      otherClasses: [{ element: 'Bericht/Client/Contactgegevens/Contact[1]', codes: ['0200'] }],
      accepted: false,
    });
  });

  it('reads bytes as UTF-8 and accepts CR/LF files', () => {
    const bytes = new TextEncoder().encode(FILE_315.replace(/\n/g, '\r\n').replace('Graag snel', 'Graag snel, één keer'));
    const message = readInbound('315.xml', bytes);
    expect(message.kind === '315' && message.client.comment).toBe('Graag snel, één keer');
  });
});

describe('readInbound: bad files', () => {
  it('rejects malformed XML, naming where it broke', () => {
    const error = fileError('305-abc.xml', FILE_305.replace('</wmo305:Begindatum>', '</wmo305:Begin>'));
    expect(error.element).toBe('Bericht/Client/StartProducten/StartProduct/Begindatum');
    expect(error.message).toBe(
      'bestand 305-abc.xml, element Bericht/Client/StartProducten/StartProduct/Begindatum: geen geldige XML: sluittag </wmo305:Begin> hoort niet bij <wmo305:Begindatum>',
    );
    expect(fileError('x.xml', 'geen xml').message).toBe('bestand x.xml: geen geldige XML: tekst buiten het hoofdelement');
  });

  it('rejects an unknown BerichtCode', () => {
    const error = fileError('305-abc.xml', FILE_305.replace('<wmo305:BerichtCode>418<', '<wmo305:BerichtCode>999<'));
    expect(error.message).toBe('bestand 305-abc.xml, element Bericht/Header/BerichtCode: onbekende berichtcode 999');
    expect(error).toMatchObject({ file: '305-abc.xml', element: 'Bericht/Header/BerichtCode' });
  });

  it('rejects a BerichtCode that belongs to another message than the namespace', () => {
    const error = fileError('305.xml', FILE_305.replace('<wmo305:BerichtCode>418<', '<wmo305:BerichtCode>420<'));
    expect(error.element).toBe('Bericht/Header/BerichtCode');
    expect(error.detail).toBe('berichtcode 420 hoort bij WMO307, maar de namespace is die van WMO305 (berichtcode 418)');
  });

  it('rejects an unknown namespace and a message the municipality does not read', () => {
    const wrongNs = fileError('305.xml', FILE_305.replace('http://www.istandaarden.nl/iwmo/3_2/wmo305/schema', 'http://www.istandaarden.nl/iwmo/3_1/wmo305/schema'));
    expect(wrongNs.element).toBe('Bericht');
    expect(wrongNs.detail).toContain('onbekende namespace http://www.istandaarden.nl/iwmo/3_1/wmo305/schema');
    const ourOwn = fileError('301.xml', FILE_305.replaceAll('wmo305', 'wmo301'));
    expect(ourOwn.detail).toBe('berichtsoort WMO301 wordt niet ingelezen; alleen WMO305, WMO307, WMO315 en WMO302');
    expect(fileError('x.xml', '<Toewijzing/>').detail).toBe('hoofdelement Toewijzing; een iWmo-bericht begint met Bericht');
  });

  it('rejects a bad date', () => {
    const error = fileError('307.xml', FILE_307.replace('<wmo307:Einddatum>2025-10-31<', '<wmo307:Einddatum>31-10-2025<'));
    expect(error.element).toBe('Bericht/Client/StopProducten/StopProduct[1]/Einddatum');
    expect(error.detail).toBe('waarde "31-10-2025" is ongeldig; verwacht een datum JJJJ-MM-DD zonder tijdzone (RS032)');
  });

  it('rejects a bad ToewijzingNummer', () => {
    for (const bad of ['30020A', '1234567890', '-1', ' 300201']) {
      const error = fileError('305.xml', FILE_305.replace('<wmo305:ToewijzingNummer>300201<', `<wmo305:ToewijzingNummer>${bad}<`));
      expect(error.element).toBe('Bericht/Client/StartProducten/StartProduct[1]/ToewijzingNummer');
      expect(error.detail).toContain('een nummer van ten hoogste 9 cijfers');
    }
  });

  it('rejects an element out of order', () => {
    const swapped = FILE_305.replace(
      /(<wmo305:Begindatum>2025-04-09<\/wmo305:Begindatum>)(\s*)(<wmo305:StatusAanlevering>1<\/wmo305:StatusAanlevering>)/,
      '$3$2$1',
    );
    const error = fileError('305.xml', swapped);
    expect(error.element).toBe('Bericht/Client/StartProducten/StartProduct[2]/Begindatum');
    expect(error.detail).toContain('staat niet op de juiste plaats');
  });

  it('rejects a missing required element and a wrong code, listing every problem', () => {
    const error = fileError('315.xml', FILE_315.replace(/<wmo315:Verwijzer>[\s\S]*?<\/wmo315:Verwijzer>/, '').replace('<wmo315:Raamcontract>2<', '<wmo315:Raamcontract>3<'));
    expect(error.problems.map((p) => p.element)).toEqual([
      'Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer',
      'Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Raamcontract',
    ]);
    expect(error.detail).toBe('verplicht element ontbreekt');
  });

  it('keeps the source for a technical retour when only the client part is wrong', () => {
    const clientWrong = fileError('305.xml', FILE_305.replace('<wmo305:StatusAanlevering>1<', '<wmo305:StatusAanlevering>2<'));
    expect(clientWrong.retourSource).toEqual({ kind: '305', source: expect.stringContaining('<wmo305:StatusAanlevering>2<') });
    const headerWrong = fileError('305.xml', FILE_305.replace('<wmo305:Ontvanger>0363<', '<wmo305:Ontvanger>363<'));
    expect(headerWrong.retourSource).toBeUndefined();
  });

  it('rejects a BOM and bytes that are not UTF-8 (OP192)', () => {
    expect(fileError('305.xml', `\uFEFF${FILE_305}`).detail).toContain('BOM');
    const latin1 = Uint8Array.from([...new TextEncoder().encode(FILE_315.slice(0, 200)), 0xe9, ...new TextEncoder().encode(FILE_315.slice(200))]);
    expect(fileError('315.xml', latin1).detail).toBe('het bestand is geen geldige UTF-8-tekst (OP192)');
  });
});
