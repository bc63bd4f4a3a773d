/**
 * Importing pairings (结对): the dry run reads the sheet once (pairing-rows parsePairingCells),
 * looks up only what the rows name, resolves each row (resolvePairingRow) and settles it against
 * the open pairings and the rows above it (settlePairings); the apply writes the new pairings in
 * the job's transaction through the pairings repository, checked again there, each audited.
 * A helper already paired with the target in the programme is left as it is: re-importing a sheet
 * changes nothing.
 */
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { recordAudit } from '../audit/service.js';
import { countyCodeOf } from '../pairings/service.js';
import { insertPairings } from '../pairings/repository.js';
import { roleShapes } from '../pairings/rules.js';
import * as lookups from './pairing-repository.js';
import {
  pairingColumns,
  resolvePairingRow,
  settlePairings,
  type HouseholdEntry,
  type OrgEntry,
  type PairingContext,
  type PairingRef,
  type PairingValue,
  type CadreEntry,
  parsePairingCells,
} from './pairing-rows.js';
import { files, LineWriter, readBatches, readStaged, stageRows, storedFile } from './pipeline.js';
import { RegionIndex } from './region-names.js';
import * as repo from './repository.js';
import { ReportWriter } from './report.js';
import { pairingLists } from './templates.js';
import { DataChanged, Findings, batches, type Checked, type Run } from './run.js';

export interface PairingWrite extends Omit<PairingValue, 'lead'> {
  id: string;
  lead: boolean;
  countyCode: string;
}

const byName = <T>(list: T[], name: (e: T) => string | null) => {
  const m = new Map<string, T[]>();
  for (const e of list) {
    const k = name(e);
    if (k !== null) m.set(k, [...(m.get(k) ?? []), e]);
  }
  return m;
};

/** The names and ID numbers the rows use, by what they may name. */
class Wanted {
  programmes = new Set<string>();
  cadres = new Set<string>();
  units = new Set<string>();
  branches = new Set<string>();
  heads = new Set<string>();
  idNumbers = new Set<string>();

  add(ref: PairingRef): void {
    this.programmes.add(ref.programme);
    const shape = roleShapes[ref.role];
    (shape.helper === 'cadre' ? this.cadres : shape.helper === 'unit' ? this.units : this.branches).add(ref.helper);
    if (ref.targetIdNumber) this.idNumbers.add(ref.targetIdNumber);
    if (shape.targets.includes('household')) this.heads.add(ref.target);
    if (shape.targets.includes('branch')) this.branches.add(ref.target);
  }
}

async function contextFor(run: Run, w: Wanted): Promise<PairingContext> {
  const { db, scope } = run;
  const [programmes, cadres, units, branches, heads, byId, regions] = await Promise.all([
    lookups.programmesNamed(db, scope, [...w.programmes]),
    lookups.cadresNamed(db, scope, [...w.cadres]),
    lookups.unitsNamed(db, scope, [...w.units]),
    lookups.branchesNamed(db, scope, [...w.branches]),
    lookups.householdsByHeads(db, scope, [...w.heads]),
    lookups.householdsByIdNumbers(db, [...w.idNumbers]),
    repo.regionsInScope(db, scope),
  ]);
  return {
    programmes,
    cadres: byName<CadreEntry>(cadres, (c) => c.name),
    units: byName<OrgEntry>(units, (u) => u.name),
    branches: byName<OrgEntry>(branches, (b) => b.name),
    householdsByIdNumber: new Map(byId.map(({ idNumber, ...h }) => [idNumber, h satisfies HouseholdEntry])),
    householdsByHead: byName<HouseholdEntry>(heads, (h) => h.headName),
    regions: new RegionIndex(regions, scope.prefix),
    scopePrefix: scope.prefix,
  };
}

export async function checkPairings(run: Run): Promise<Checked> {
  const { db, storage } = run;
  const f = files(run.jobId);
  const wanted = new Wanted();
  const staged = await stageRows({
    file: await storedFile(storage, f.upload),
    storage,
    key: f.staged,
    columns: pairingColumns,
    onProgress: run.onProgress,
    pure: (cells) => parsePairingCells(cells, run.today),
    combine: (p) => {
      if (p.ref) wanted.add(p.ref);
      return { value: p.ref, problems: p.problems, key: null };
    },
  });

  // Each row resolved against what it names, then settled against the register and the rows above.
  const ctx = await contextFor(run, wanted);
  const findings = new Findings();
  const valid: { row: number; value: PairingValue }[] = [];
  for await (const batch of readStaged<PairingRef>(storage.read(f.staged)))
    for (const s of batch) {
      if (s.problems.length || !s.value) continue;
      const r = resolvePairingRow(s.value, ctx);
      if (r.value) valid.push({ row: s.row, value: r.value });
      else for (const p of r.problems) findings.add(s.row, null, p);
    }
  const open = await lookups.openPairingsOf(
    db,
    [...new Set(valid.map((v) => v.value.programmeId))],
    [...new Set(valid.map((v) => v.value.targetId))],
  );
  const settled = new Map(settlePairings(valid, open).map((s) => [s.row, s]));
  for (const s of settled.values()) if (s.outcome === 'problem') findings.add(s.row, null, s.problem);
  const values = new Map(valid.map((v) => [v.row, v.value]));

  const out = new LineWriter(storage.writer(f.apply('pairings')));
  const counts = { pairingsToCreate: 0, pairingsUnchanged: 0, rowsToImport: 0 };
  let report: ReportWriter | null = null;
  for await (const batch of readStaged<PairingRef>(storage.read(f.staged)))
    for (const s of batch) {
      const problems = [...s.problems, ...findings.extra(s.row)];
      if (problems.length) {
        report ??= new ReportWriter(storage, f.report, staged.header, staged.index, pairingColumns, staged.sheets, await pairingLists(db, run.scope));
        report.add(s, problems, null);
        findings.count(s.row, problems);
        continue;
      }
      const settledRow = settled.get(s.row)!;
      counts.rowsToImport++;
      if (settledRow.outcome === 'unchanged') {
        counts.pairingsUnchanged++;
        continue;
      }
      const v = values.get(s.row)!;
      await out.write({
        ...v,
        id: run.newId(),
        lead: settledRow.outcome === 'create' && settledRow.lead,
        countyCode: countyCodeOf(v.regionCode),
      } satisfies PairingWrite);
      counts.pairingsToCreate++;
    }
  await Promise.all([out.close(), report?.close()]);
  await storage.remove(f.staged);
  return {
    totalRows: staged.rows,
    errorRows: findings.errorRows,
    counts,
    sample: findings.sample(pairingColumns),
    sheets: staged.sheets, skippedSheets: staged.skippedSheets, hasReport: report !== null,
  };
}

/**
 * Writes the checked pairings inside the job's transaction. What changed since the dry run is
 * checked again: a pair made meanwhile is left as it is (unchanged); a 几帮一 lead that another
 * helper took meanwhile rolls the whole import back (DataChanged). `checked` holds the dry run's
 * counts (the pairs it found unchanged).
 */
export async function applyPairings(
  tx: Executor,
  run: Run,
  actor: Pick<Actor, 'id' | 'displayName'>,
  checked: Record<string, number>,
): Promise<Record<string, number>> {
  const counts = { pairingsCreated: 0, pairingsUnchanged: checked.pairingsUnchanged ?? 0 };
  // the progress bar runs to rowsToImport, which counts the unchanged rows too
  let done = counts.pairingsUnchanged;
  for await (const batch of batches(readBatches<PairingWrite>(run.storage.read(files(run.jobId).apply('pairings'))), 1000)) {
    const open = await lookups.openPairingsOf(
      tx,
      [...new Set(batch.map((p) => p.programmeId))],
      [...new Set(batch.map((p) => p.targetId))],
    );
    const pairs = new Set(open.map((o) => `${o.programmeId}|${o.helperKind}:${o.helperId}|${o.targetKind}:${o.targetId}`));
    const leads = new Set(open.filter((o) => o.lead).map((o) => `${o.programmeId}|${o.targetKind}:${o.targetId}`));
    const fresh = batch.filter((p) => !pairs.has(`${p.programmeId}|${p.helperKind}:${p.helperId}|${p.targetKind}:${p.targetId}`));
    const taken = fresh.find((p) => p.lead && p.role === 'several_to_one' && leads.has(`${p.programmeId}|${p.targetKind}:${p.targetId}`));
    if (taken) throw new DataChanged({ zh: '有农户在核对后已有了牵头联系人', en: 'A household got a lead contact since the check' });
    const rows = fresh.map(({ countyCode: _c, ...p }) => ({
      ...p,
      endOn: null,
      countyCode: countyCodeOf(p.regionCode),
      createdBy: actor.id,
    }));
    const inserted = new Set(await insertPairings(tx, rows));
    for (const r of rows) {
      if (!inserted.has(r.id)) continue;
      await recordAudit(tx, actor, {
        action: 'create',
        entityType: 'pairing',
        entityId: r.id,
        regionCode: r.regionCode,
        after: { ...r, via: 'import', importId: run.jobId },
      });
    }
    counts.pairingsCreated += inserted.size;
    counts.pairingsUnchanged += batch.length - inserted.size;
    done += batch.length;
    await run.onProgress(done);
  }
  return counts;
}
