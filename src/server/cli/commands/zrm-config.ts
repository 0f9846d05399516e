// `zrm matrix 2013|2017` and `zrm descriptions FILE.json`: the organisation's ZRM configuration.
import fs from 'node:fs/promises';
import { setZrmDescriptions, setZrmMatrix } from '../../modules/reference/reference.service';
import { ZRM_MATRICES, type ZrmMatrix } from '../../modules/reference/zrm-matrices';
import type { CommandContext } from '../command';

export async function zrmMatrixCommand({ database, organisationId, args }: CommandContext): Promise<number> {
  const [matrix] = args;
  if (!matrix || !(matrix in ZRM_MATRICES) || args.length !== 1) {
    console.error('Gebruik: npm run cli -- zrm matrix 2013|2017   (2013: 11 leefgebieden, 2017: 13)');
    return 2;
  }
  await setZrmMatrix(database.db, organisationId, matrix as ZrmMatrix);
  console.log(`De ZRM van ${matrix} (${ZRM_MATRICES[matrix as ZrmMatrix].length} leefgebieden) is nu in gebruik.`);
  return 0;
}

export async function zrmDescriptionsCommand({ database, organisationId, args }: CommandContext): Promise<number> {
  const [file] = args;
  if (!file || args.length !== 1) {
    console.error('Gebruik: npm run cli -- zrm descriptions BESTAND.json   ({"financien": {"1": "…", …, "5": "…"}, …})');
    return 2;
  }
  let descriptions: Record<string, Record<string, string>>;
  try {
    descriptions = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    console.error(`${file} is geen leesbaar JSON-bestand: ${(error as Error).message}`);
    return 1;
  }
  const count = await setZrmDescriptions(database.db, organisationId, descriptions);
  console.log(`${count} omschrijvingen geladen.`);
  return 0;
}
