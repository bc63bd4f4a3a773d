/**
 * npm run bench -- <name> [--quick]
 * Each benchmark is a module in bench/ exporting `run(opts)`; it prints its figures and ends with a
 * line `RESULT {json}` that includes the baseline it measured in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [name, ...rest] = process.argv.slice(2);
const available = fs
  .readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''));

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- <name> [--quick]\navailable: ${available.join(', ') || '(none yet)'}`);
  process.exit(name ? 1 : 0);
}
const mod = (await import(pathToFileURL(path.join(import.meta.dirname, `${name}.bench.ts`)).href)) as {
  run(opts: { quick: boolean }): Promise<Record<string, unknown>>;
};
const result = await mod.run({ quick: rest.includes('--quick') });
console.log(`RESULT ${JSON.stringify(result)}`);
