/**
 * Importing the cadre register: the dry run (each row checked, units and branches found by name,
 * cadres matched by ID number) and the apply, in batches inside the caller's transaction.
 */
import type { Executor } from '../../db/client.js';
import { countyOf } from '../../platform/scope.js';
import { upsertCadres, cadresOutside, type CadreWrite } from '../cadres/bulk.js';
import { cadreColumns, NamedIndex, parseCadreRow, type CadreValue } from './cadre-rows.js';
import { files, LineWriter, readBatches, readStaged, stageRows, storedFile } from './pipeline.js';
import { RegionIndex } from './region-names.js';
import * as repo from './repository.js';
import { ReportWriter } from './report.js';
import { cadreLists } from './templates.js';
import { problem } from './rules.js';
import { DataChanged, Findings, batches, type Checked, type Run } from './run.js';

export async function checkCadres(run: Run, defaultRegion: string): Promise<Checked> {
  const { db, storage, scope } = run;
  const f = files(run.jobId);
  const ctx = {
    regions: new RegionIndex(await repo.regionsInScope(db, scope), scope.prefix),
    units: new NamedIndex(await repo.unitsVisible(db, scope)),
    branches: new NamedIndex(await repo.branchesVisible(db, scope)),
    defaultRegion,
    today: run.today,
  };
  const findings = new Findings();
  const ids = new Map<string, number>();
  const staged = await stageRows({
    file: await storedFile(storage, f.upload),
    storage,
    key: f.staged,
    columns: cadreColumns,
    onProgress: run.onProgress,
    pure: (cells) => cells,
    combine: (cells, row) => {
      const r = parseCadreRow(cells, ctx);
      // on every row with a readable ID number, bad or not, so that one round finds them all
      if (r.idNumber) {
        const first = ids.get(r.idNumber);
        if (first) r.problems.push(problem('idNumber', `与第 ${first} 行的身份证号重复`, `Same ID number as row ${first}`));
        else ids.set(r.idNumber, row);
      }
      return { value: r.problems.length ? null : r.value, problems: r.problems, key: null };
    },
  });
  const existing = new Map((await repo.cadresByIdNumbers(db, [...ids.keys()])).map((c) => [c.idNumber, c]));
  for (const [idNumber, c] of existing) {
    if (!c.regionCode.startsWith(scope.prefix)) findings.add(ids.get(idNumber)!, null, problem('idNumber', '此人已登记为您管辖范围外的干部', 'Registered as a cadre outside your scope'));
  }

  const out = new LineWriter(storage.writer(f.apply('cadres')));
  const counts = { cadresToCreate: 0, cadresToUpdate: 0, rowsToImport: 0 };
  let report: ReportWriter | null = null;
  for await (const batch of readStaged<CadreValue>(storage.read(f.staged))) for (const s of batch) {
    const problems = [...s.problems, ...findings.extra(s.row)];
    if (problems.length) {
      report ??= new ReportWriter(storage, f.report, staged.header, staged.index, cadreColumns, staged.sheets, await cadreLists(db, scope));
      report.add(s, problems, null);
      findings.count(s.row, problems);
      continue;
    }
    const c = s.value!;
    await out.write({ ...c, id: run.newId(), countyCode: countyOf(c.regionCode) ?? c.regionCode.slice(0, 6), initials: run.initials(c.name) } satisfies CadreWrite);
    counts.rowsToImport++;
    if (existing.has(c.idNumber)) counts.cadresToUpdate++;
    else counts.cadresToCreate++;
  }
  await Promise.all([out.close(), report?.close()]);
  await storage.remove(f.staged);
  return { totalRows: staged.rows, errorRows: findings.errorRows, counts, sample: findings.sample(cadreColumns), sheets: staged.sheets, skippedSheets: staged.skippedSheets, hasReport: report !== null };
}

export async function applyCadres(tx: Executor, run: Run): Promise<Record<string, number>> {
  const counts = { cadresCreated: 0, cadresUpdated: 0 };
  let done = 0;
  for await (const batch of batches(readBatches<CadreWrite>(run.storage.read(files(run.jobId).apply('cadres'))), 1000)) {
    const n = await upsertCadres(tx, batch, run.scope.prefix);
    if (n.created + n.updated < batch.length) {
      const outside = await cadresOutside(tx, batch.map((c) => c.idNumber), run.scope.prefix);
      if (outside.length) throw new DataChanged({ zh: `身份证号 ${outside[0]} 在核对后已登记为其他地区的干部`, en: `ID number ${outside[0]} was registered elsewhere since the check` });
    }
    counts.cadresCreated += n.created;
    counts.cadresUpdated += n.updated;
    done += batch.length;
    await run.onProgress(done);
  }
  return counts;
}
