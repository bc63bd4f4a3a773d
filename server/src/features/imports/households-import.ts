/**
 * Importing households and members: the dry run (every row checked, households matched to the
 * registry by 户编号 or by the head's ID number, nothing written to them) and the apply (the files
 * the dry run prepared, written in batches inside the caller's transaction).
 */
import type { Db, Executor } from '../../db/client.js';
import { countyOf } from '../../platform/scope.js';
import { files, LineWriter, readBatches, readStaged, stageRows, storedFile } from './pipeline.js';
import * as bulk from '../households/bulk.js';
import { builtInCategories, builtInPovertyCauses } from '../households/labels.js';
import { HouseholdTracker, householdColumns, makeParser, type HouseholdParserData, type MemberFields } from './household-rows.js';
import * as repo from './repository.js';
import { ReportWriter } from './report.js';
import { problem } from './rules.js';
import { DataChanged, Findings, batches, type Checked, type Run } from './run.js';

const county = (code: string) => countyOf(code) ?? code.slice(0, 6);
/** Members written per statement by the apply (one array parameter per column). */
const applyBatchRows = 5000;

export async function checkHouseholds(run: Run): Promise<Checked> {
  const { db, storage, scope } = run;
  const f = files(run.jobId);
  const catalog = await repo.catalogEntries(db, scope);
  const parserData: HouseholdParserData = {
    regions: await repo.regionsInScope(db, scope),
    prefix: scope.prefix,
    categories: [...builtInCategories, ...catalog.filter((c) => c.kind === 'category')],
    causes: [...builtInPovertyCauses, ...catalog.filter((c) => c.kind === 'poverty_cause')],
    today: run.today.toISOString(),
  };
  const file = await storedFile(storage, f.upload);
  const tracker = new HouseholdTracker();
  const findings = new Findings();
  const ids = new Map<string, { row: number; key: string }>();

  const staged = await stageRows({
    file,
    storage,
    key: f.staged,
    columns: householdColumns,
    onProgress: run.onProgress,
    pure: makeParser(parserData).pure,
    combine: (r, row) => {
      const t = tracker.add(row, r.value);
      const problems = [...r.problems, ...t.problems];
      if (r.value.idNumber) {
        const first = ids.get(r.value.idNumber);
        if (first) problems.push(problem('idNumber', `与第 ${first.row} 行的身份证号重复`, `Same ID number as row ${first.row}`));
        else ids.set(r.value.idNumber, { row, key: t.key });
      }
      if (problems.length) findings.badKey(t.key, row);
      return { value: r.value.member, problems, key: t.key };
    },
  });
  for (const { row, key, problem: p } of tracker.finish()) findings.add(row, key, p);

  const plan = await matchRegistry(db, scope.prefix, tracker, ids, findings, run.newId);

  // Pass 2: the staged rows become the report (bad and held-back rows) or the apply files.
  const out = { members: new LineWriter(storage.writer(f.apply('members'))), heads: new LineWriter(storage.writer(f.apply('heads'))) };
  const counts = { households: tracker.households.size, householdsToCreate: 0, householdsToUpdate: 0, membersToCreate: 0, membersToUpdate: 0, rowsToImport: 0, heldBackRows: 0 };
  let report: ReportWriter | null = null;
  for await (const batch of readStaged<MemberFields>(storage.read(f.staged))) for (const s of batch) {
    const problems = [...s.problems, ...findings.extra(s.row)];
    const firstBad = findings.firstBadRow(s.key!);
    if (problems.length || firstBad !== undefined) {
      report ??= new ReportWriter(storage, f.report, staged.header, staged.index, householdColumns);
      report.add(s, problems, problems.length ? null : `同户第 ${firstBad} 行有误，本户暂不导入；改正后请整户重新导入`);
      findings.count(s.row, problems);
      if (!problems.length) counts.heldBackRows++;
      continue;
    }
    const hh = plan.get(s.key!)!;
    const m = s.value!;
    const agg = tracker.households.get(s.key!)!;
    const regionCode = agg.fields.regionCode!;
    const flushed = (m.relation === 'head' ? out.heads : out.members).write({
      ...m,
      id: run.newId(),
      householdId: hh.id,
      regionCode,
      countyCode: county(regionCode),
      initials: run.initials(m.name),
    } satisfies bulk.MemberWrite);
    if (flushed) await flushed;
    counts.rowsToImport++;
    if (plan.existingMembers.has(m.idNumber)) counts.membersToUpdate++;
    else counts.membersToCreate++;
  }
  await Promise.all([out.members.close(), out.heads.close(), report?.close()]);

  const hhOut = { create: new LineWriter(storage.writer(f.apply('households-new'))), update: new LineWriter(storage.writer(f.apply('households-old'))) };
  for (const agg of tracker.households.values()) {
    if (findings.firstBadRow(agg.key) !== undefined) continue;
    const hh = plan.get(agg.key)!;
    const regionCode = agg.fields.regionCode!;
    const write: bulk.HouseholdWrite = {
      id: hh.id,
      regionCode,
      countyCode: county(regionCode),
      householdNo: agg.householdNo,
      address: agg.fields.address ?? null,
      phone: agg.heads[0]?.phone ?? null,
      categories: agg.fields.categories ?? null,
      povertyCauses: agg.fields.povertyCauses ?? null,
      landMu: agg.fields.landMu ?? null,
      housing: agg.fields.housing ?? null,
    };
    await (hh.existing ? hhOut.update : hhOut.create).write(write);
    if (hh.existing) counts.householdsToUpdate++;
    else counts.householdsToCreate++;
  }
  await Promise.all([hhOut.create.close(), hhOut.update.close()]);
  await storage.remove(f.staged);
  return { totalRows: staged.rows, errorRows: findings.errorRows, counts, sample: findings.sample(householdColumns), hasReport: report !== null };
}

interface Plan {
  get(key: string): { id: string; existing: boolean } | undefined;
  existingMembers: Set<string>;
}

/**
 * Matches the file's households to the registry (by 户编号 within the county, else by the head's
 * ID number) and checks each member's ID number against the people already registered.
 */
async function matchRegistry(db: Db, prefix: string, tracker: HouseholdTracker, ids: Map<string, { row: number; key: string }>, findings: Findings, newId: () => string): Promise<Plan> {
  const aggs = [...tracker.households.values()].filter((a) => a.fields.regionCode);
  const byNo = new Map(
    (await repo.householdsByNumbers(db, aggs.filter((a) => a.householdNo).map((a) => ({ countyCode: county(a.fields.regionCode!), householdNo: a.householdNo! })))).map((h) => [`${h.countyCode}|${h.householdNo}`, h]),
  );
  const people = new Map((await repo.activeMembersByIdNumbers(db, [...ids.keys()])).map((m) => [m.idNumber, m]));
  const matched = new Map<string, string>();
  const label = (no: string | null) => (no ? `户编号 ${no}` : '另一户');

  for (const agg of aggs) {
    const head = agg.heads.length === 1 ? agg.heads[0]! : null;
    const found = agg.householdNo ? byNo.get(`${county(agg.fields.regionCode!)}|${agg.householdNo}`) : undefined;
    if (found && !found.regionCode.startsWith(prefix)) {
      findings.add(agg.rows[0]!, agg.key, problem('householdNo', '该户编号已被您管辖范围外的农户使用', 'This household number belongs to a household outside your scope'));
      continue;
    }
    const headPerson = head?.idNumber ? people.get(head.idNumber) : undefined;
    if (found) matched.set(agg.key, found.id);
    else if (headPerson && headPerson.regionCode.startsWith(prefix)) {
      if (agg.householdNo && headPerson.householdNo && headPerson.householdNo !== agg.householdNo) {
        findings.add(head!.row, agg.key, problem('householdNo', `户主已登记在户编号 ${headPerson.householdNo} 的农户中，与填写的户编号不一致`, 'The head is registered under another household number'));
        continue;
      }
      matched.set(agg.key, headPerson.householdId);
    }
  }
  for (const [idNumber, person] of people) {
    const { row, key } = ids.get(idNumber)!;
    if (person.householdId === matched.get(key)) continue;
    findings.add(
      row,
      key,
      person.regionCode.startsWith(prefix)
        ? problem('idNumber', `此人已是${label(person.householdNo)}的在户成员；如已迁入本户，请先在原户办理迁出`, 'Already an active member of another household')
        : problem('idNumber', '此人已登记在您管辖范围外的农户中', 'Registered in a household outside your scope'),
    );
  }
  // Changing the head: the present head must be in the file too, with their new relation.
  const heads = await repo.headsOf(db, [...new Set(matched.values())]);
  const headByHousehold = new Map(heads.map((h) => [h.householdId, h]));
  for (const agg of aggs) {
    const id = matched.get(agg.key);
    const present = id ? headByHousehold.get(id) : undefined;
    const fileHead = agg.heads.length === 1 ? agg.heads[0]! : null;
    if (!present || !fileHead || present.idNumber === fileHead.idNumber) continue;
    if (!present.idNumber || ids.get(present.idNumber)?.key !== agg.key) {
      findings.add(fileHead.row, agg.key, problem('relation', `该户现户主为 ${present.name}：更换户主时请把原户主一并列入本户并改填与户主关系`, 'The present head must be listed with a new relation'));
    }
  }
  const plan = new Map<string, { id: string; existing: boolean }>();
  for (const agg of tracker.households.values()) {
    const id = matched.get(agg.key);
    plan.set(agg.key, id ? { id, existing: true } : { id: newId(), existing: false });
  }
  const existingMembers = new Set([...people.values()].filter((p) => p.householdId === matched.get(ids.get(p.idNumber)!.key)).map((p) => p.idNumber));
  return { get: (key) => plan.get(key), existingMembers };
}

/** Writes what the dry run prepared, in batches; throws DataChanged when the registry moved meanwhile. */
export async function applyHouseholds(tx: Executor, run: Run): Promise<Record<string, number>> {
  const f = files(run.jobId);
  const read = <T>(part: string) => readBatches<T>(run.storage.read(f.apply(part)));
  const counts = { householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0 };
  for await (const batch of batches(read<bulk.HouseholdWrite>('households-new'), bulk.bulkBatchSize)) {
    const n = await bulk.insertHouseholds(tx, batch);
    if (n < batch.length) throw new DataChanged({ zh: '有户编号在核对后已被其他农户使用', en: 'A household number was taken since the check' });
    counts.householdsCreated += n;
  }
  for await (const batch of batches(read<bulk.HouseholdWrite>('households-old'), bulk.bulkBatchSize)) {
    const n = await bulk.updateHouseholds(tx, batch, run.scope.prefix);
    if (n < batch.length && (await bulk.countHouseholdsInScope(tx, batch.map((h) => h.id), run.scope.prefix)) < batch.length) {
      throw new DataChanged({ zh: '有农户在核对后被移出了您的管辖范围', en: 'A household left your scope since the check' });
    }
    counts.householdsUpdated += n;
  }
  // Members in batches of applyBatchRows, the next batch read and parsed while the database writes the last.
  let done = 0;
  let pending: { batch: bulk.MemberWrite[]; written: Promise<{ created: number; updated: number }> } | null = null;
  const settle = async () => {
    if (!pending) return;
    const { batch, written } = pending;
    pending = null;
    const n = await written;
    if (n.created + n.updated < batch.length) {
      const elsewhere = await bulk.membersElsewhere(tx, batch);
      if (elsewhere.length) throw new DataChanged({ zh: `身份证号 ${elsewhere[0]} 在核对后已登记到其他农户`, en: `ID number ${elsewhere[0]} was registered elsewhere since the check` });
    }
    counts.membersCreated += n.created;
    counts.membersUpdated += n.updated;
    done += batch.length;
    await run.onProgress(done);
  };
  try {
    for (const part of ['members', 'heads']) {
      for await (const batch of batches(read<bulk.MemberWrite>(part), applyBatchRows)) {
        await settle();
        pending = { batch, written: bulk.upsertMembers(tx, batch) };
      }
    }
    await settle();
  } finally {
    // a failed batch: wait for the one in flight before the transaction rolls back
    if (pending) await (pending as { written: Promise<unknown> }).written.catch(() => undefined);
  }
  return counts;
}
