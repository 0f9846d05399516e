// `npx tsx scripts/generate-exchange.ts DIR [--cases 35000] [--from 2014-01-01] [--to 2017-12-31] [--seed 1]`
// writes a synthetic history folder in the exchange format (see synthetic-exchange.ts).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateExchange } from './synthetic-exchange';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { cases: { type: 'string', default: '35000' }, from: { type: 'string', default: '2014-01-01' }, to: { type: 'string', default: '2017-12-31' }, seed: { type: 'string', default: '1' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('Gebruik: npx tsx scripts/generate-exchange.ts MAP [--cases N] [--from JJJJ-MM-DD] [--to JJJJ-MM-DD] [--seed N]');
  process.exit(2);
}
const files = generateExchange({ cases: Number(values.cases), from: values.from!, to: values.to!, seed: Number(values.seed) });
fs.mkdirSync(dir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  fs.writeFileSync(path.join(dir, name), content);
  console.log(`${name.padEnd(17)} ${String(content.split('\n').length - 2).padStart(8)} regels`);
}
