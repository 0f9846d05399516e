// The organisation's ZRM matrix (11 or 13 domains) and its licensed cell texts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../support/test-app';
import type { Database } from '../../src/server/db/database';
import { findOrganisationId, loadReference, setZrmDescriptions, setZrmMatrix } from '../../src/server/modules/reference/reference.service';
import { loadExchangeCodes } from '../../src/server/modules/exchange/exchange.service';
import { exportHistory } from '../../src/server/modules/exchange/export-history';
import { Invalid } from '../../src/server/lib/errors';

let t: { database: Database; drop(): Promise<void> };
let organisationId: string;
beforeAll(async () => {
  t = await openTestDatabase();
  organisationId = (await findOrganisationId(t.database.db))!;
});
afterAll(async () => t.drop());

describe('ZRM matrix', () => {
  it('uses the 11 domains of 2013 by default and can switch to the 13 of 2017 and back', async () => {
    const domains = async () => (await loadReference(t.database.db, organisationId)).codes.zrm_domains!.map((d) => d.code);
    expect(await domains()).toHaveLength(11);
    await setZrmMatrix(t.database.db, organisationId, '2017');
    expect(await domains()).toEqual([
      'financien', 'werk_opleiding', 'tijdsbesteding', 'huisvesting', 'huiselijke_relaties', 'geestelijke_gezondheid', 'lichamelijke_gezondheid',
      'middelengebruik', 'basale_adl', 'instrumentele_adl', 'sociaal_netwerk', 'maatschappelijke_participatie', 'justitie',
    ]);
    // The exchange format's ZRM columns follow the matrix.
    const { zrmDomains } = await loadExchangeCodes(t.database.db, organisationId);
    const header = (await exportHistory(t.database.db, organisationId, zrmDomains))['zrm.csv'].split('\n')[0]!;
    expect(header.split(',')).toHaveLength(5 + 13);
    await setZrmMatrix(t.database.db, organisationId, '2013');
    expect(await domains()).toEqual(['financien', 'dagbesteding', 'huisvesting', 'huiselijke_relaties', 'geestelijke_gezondheid', 'lichamelijke_gezondheid', 'verslaving', 'adl', 'sociaal_netwerk', 'maatschappelijke_participatie', 'justitie']);
  });

  it('loads licensed cell texts for the domains in use, refusing unknown domains and scores', async () => {
    const count = await setZrmDescriptions(t.database.db, organisationId, { financien: { '1': 'Groeiende, complexe schulden (voorbeeldtekst)', '5': 'Vrij besteedbaar inkomen (voorbeeldtekst)' } });
    expect(count).toBe(2);
    const reference = await loadReference(t.database.db, organisationId);
    expect(reference.codes.zrm_descriptions).toEqual([
      expect.objectContaining({ code: 'financien:1', label: 'Groeiende, complexe schulden (voorbeeldtekst)' }),
      expect.objectContaining({ code: 'financien:5' }),
    ]);
    const error = await setZrmDescriptions(t.database.db, organisationId, { werk_opleiding: { '1': 'x' }, financien: { '6': 'x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).fields.map((f) => f.message)).toEqual(['Onbekend of niet gebruikt leefgebied: werk_opleiding', 'Een score is 1 tot en met 5']);
    expect((await loadReference(t.database.db, organisationId)).codes.zrm_descriptions).toHaveLength(2);
  });
});
