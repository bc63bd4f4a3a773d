/**
 * Importing households and members. The dry run reads the sheet once: each row is checked cell by
 * cell and grouped into its household (in this process, pure JS), then streamed by COPY into the
 * job's working tables (staging.ts) — bad rows too, with their problems, as the report needs
 * them. The checks that need all rows run there as SQL: ID numbers twice in the file, people and
 * households already in the registry. Nothing is written to the registry. The apply writes it
 * from the working tables with INSERT … SELECT inside the caller's transaction.
 */
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import type { Cell } from '../../platform/excel.js';
import { countyOf } from '../../platform/scope.js';
import { files, scanSheet, storedFile } from './pipeline.js';
import { builtInCategories, builtInPovertyCauses } from '../households/labels.js';
import { changedColumns, differs, householdChanges, memberChanges, setList } from './household-changes.js';
import { HouseholdTracker, householdColumns, makeParser, type HouseholdParserData } from './household-rows.js';
import * as repo from './repository.js';
import { ReportWriter } from './report.js';
import { householdLists } from './templates.js';
import { problem, type Problem } from './rules.js';
import { DataChanged, Findings, type Change, type Checked, type Run } from './run.js';
import * as staging from './staging.js';

const county = (code: string) => countyOf(code) ?? code.slice(0, 6);
/** Rows (by row number) written per statement by the apply, so that its progress moves. */
const applyChunkRows = 25_000;
/** Changed households (and members) the dry run names. */
const changeSample = 20;

async function query<T>(db: Executor, text: string): Promise<T[]> {
  return ((await db.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;
}

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
  const t = staging.stagingTables(run.jobId);
  const pure = makeParser(parserData).pure;
  /** ID numbers → the first row naming each (a person is in the file once). */
  const ids = new Map<string, number>();
  const T = staging.copyText;
  /** A COPY field of text with no tab or line break in it (JSON, text() of a cell): only backslashes need escaping. */
  const B = (v: string) => (v.includes('\\') ? v.replaceAll('\\', '\\\\') : v);
  /** A code of the labels (health, education …), or null. */
  const C = (v: string | null) => v ?? '\\N';

  await staging.createStaging(db, t);
  const copy = await staging.copyIn(db, t.rows, staging.rowColumns);
  let scanned;
  try {
    let n = 0;
    scanned = await scanSheet(file, householdColumns, (row, cells, byKey) => {
      const r = pure(byKey);
      const tr = tracker.add(row, r.value);
      const problems: Problem[] = tr.problems.length ? [...r.problems, ...tr.problems] : r.problems;
      if (r.value.idNumber) {
        const first = ids.get(r.value.idNumber);
        if (first === undefined) ids.set(r.value.idNumber, row);
        else problems.push(problem('idNumber', `与第 ${first} 行的身份证号重复`, `Same ID number as row ${first}`));
      }
      let line = `${row}\t${B(tr.key)}\t${C(r.value.idNumber)}\t`;
      if (problems.length) {
        findings.badKey(tr.key, row);
        line += `${B(JSON.stringify(problems))}\t${B(JSON.stringify(cells))}\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N`;
      } else {
        const m = r.value.member!;
        line +=
          `\\N\t${B(JSON.stringify(cells))}\t${run.newId()}\t${B(m.name)}\t${B(run.initials(m.name))}\t${m.relation}\t${m.sex}\t${m.birthDate}\t` +
          `${C(m.health)}\t${C(m.education)}\t${C(m.schooling)}\t${C(m.labourAbility)}\t${m.isPartyMember ? 't' : 'f'}\t${C(m.phone)}`;
      }
      const flushed = copy.write(line);
      if (++n % 2000 === 0) return flushed ? flushed.then(() => run.onProgress(n)) : run.onProgress(n);
      return flushed;
    });
    await copy.close();
    // the report reads held-back rows, and the apply its chunks, by row number
    await query(db, `create index on ${t.rows} (row)`);
  } catch (err) {
    copy.abort();
    await staging.dropStaging(db, run.jobId).catch(() => undefined);
    throw err;
  }
  for (const { row, key, problem: p } of tracker.finish()) findings.add(row, key, p);
  ids.clear();

  const plan = await matchRegistry(db, scope.prefix, t, tracker, findings, run.newId);

  // The households, as the apply will write them (or hold them back).
  const counts = {
    households: tracker.households.size,
    householdsToCreate: 0,
    householdsToUpdate: 0,
    householdsUnchanged: 0,
    membersToCreate: 0,
    membersToUpdate: 0,
    membersUnchanged: 0,
    rowsToImport: 0,
    heldBackRows: 0,
  };
  const hhCopy = await staging.copyIn(db, t.households, staging.householdColumns);
  let heldRows = 0;
  try {
    for (const agg of tracker.households.values()) {
      const held = findings.firstBadRow(agg.key) !== undefined;
      const hh = plan.get(agg.key)!;
      const fields = agg.fields;
      const regionCode = fields.regionCode ?? null;
      if (held) heldRows += agg.rows.length;
      else {
        counts.rowsToImport += agg.rows.length;
        if (!hh.existing) counts.householdsToCreate++;
      }
      const flushed = hhCopy.write(
        [
          T(agg.key), hh.id, staging.copyBool(hh.existing), staging.copyBool(held), T(regionCode), T(regionCode && county(regionCode)), T(agg.householdNo), T(fields.address),
          // the household's own phone; a new household without one takes its head's
          T(fields.phone ?? (hh.existing ? null : agg.heads[0]?.phone)), staging.copyArray(fields.categories), staging.copyArray(fields.povertyCauses), T(fields.landMu), T(fields.housing),
        ].join('\t'),
      );
      if (flushed) await flushed;
    }
    await hhCopy.close();
  } catch (err) {
    hhCopy.abort();
    await staging.dropStaging(db, run.jobId).catch(() => undefined);
    throw err;
  }
  if (plan.existingMembers.size) {
    // the apply inserts new people plainly and upserts only these
    await db.execute(sql`update ${sql.raw(t.rows)} set existing = true where id_number = any(${sql.param([...plan.existingMembers.keys()])}::text[])`);
  }
  // What will really change: the registry beside what the apply would leave (household-changes.ts).
  const changed = await changesOf(db, t);
  counts.householdsToUpdate = changed.households.changed;
  counts.householdsUnchanged = changed.households.matched - changed.households.changed;
  counts.membersToUpdate = changed.members.changed;
  counts.membersUnchanged = changed.members.matched - changed.members.changed;
  counts.membersToCreate = counts.rowsToImport - changed.members.matched;
  const header = new Map<string, string>(householdColumns.map((c) => [c.key, c.header]));
  const label = (fields: string[]) => fields.map((f) => header.get(f) ?? f);
  const changes: Change[] = [
    ...changed.households.sample.map((c) => {
      const agg = tracker.households.get(c.key)!;
      return { row: agg.rows[0]!, what: `${agg.headName ?? ''}户${agg.householdNo ? `（户编号 ${agg.householdNo}）` : ''}`, fields: label(c.fields) };
    }),
    ...changed.members.sample.map((c) => ({ row: c.row, what: c.name, fields: label(c.fields) })),
  ].sort((a, b) => a.row - b.row);

  // The report: every row of a held-back household, in the sheet's order, as typed.
  let report: ReportWriter | null = null;
  if (heldRows) {
    report = new ReportWriter(storage, f.report, scanned.header, scanned.index, householdColumns, scanned.sheets, householdLists(parserData.regions, catalog));
    for (let after = 0; ; ) {
      const batch = await query<{ row: number; hh_key: string; problems: string | null; cells: string }>(
        db,
        `select r.row, r.hh_key, r.problems, r.cells from ${t.rows} r join ${t.households} h on h.key = r.hh_key where h.held and r.row > ${after} order by r.row limit 5000`,
      );
      for (const s of batch) {
        const own = s.problems ? (JSON.parse(s.problems) as Problem[]) : [];
        const problems = [...own, ...findings.extra(s.row)];
        const firstBad = findings.firstBadRow(s.hh_key);
        report.add({ row: s.row, cells: JSON.parse(s.cells) as Cell[] }, problems, problems.length ? null : `同户第 ${firstBad} 行有误，本户暂不导入；改正后请整户重新导入`);
        findings.count(s.row, problems);
      }
      if (batch.length < 5000) break;
      after = batch[batch.length - 1]!.row;
    }
    await report.close();
  }
  counts.heldBackRows = heldRows - findings.errorRows;
  return { totalRows: scanned.rows, errorRows: findings.errorRows, counts, sample: findings.sample(householdColumns), changes, sheets: scanned.sheets, skippedSheets: scanned.skippedSheets, hasReport: report !== null };
}

/** How many matched households and members the apply would change, and a few of them with the sheet columns that differ. */
async function changesOf(db: Db, t: staging.StagingTables) {
  const hc = householdChanges('v', 'x');
  const [h] = await query<{ matched: number; changed: number; sample: { key: string; fields: string[] }[] }>(
    db,
    `with c as (select v.key, ${differs(hc, 'x')} as changed, ${changedColumns(hc, 'x')} as fields
       from ${t.households} v join households x on x.id = v.id where v.existing and not v.held)
     select count(*)::int as matched, (count(*) filter (where changed))::int as changed,
       coalesce((select json_agg(json_build_object('key', key, 'fields', fields)) from (select key, fields from c where changed limit ${changeSample}) s), '[]') as sample
     from c`,
  );
  const mc = memberChanges((c) => (c === 'region_code' || c === 'county_code' ? `h.${c}` : `r.${c}`), 'm');
  const [m] = await query<{ matched: number; changed: number; sample: { row: number; name: string; fields: string[] }[] }>(
    db,
    `with c as (select r.row, r.name, ${differs(mc, 'm')} as changed, ${changedColumns(mc, 'm')} as fields
       from ${t.rows} r join ${t.households} h on h.key = r.hh_key
       join members m on m.id_number = r.id_number and m.status = 'active' and m.household_id = h.id
       where r.existing and not h.held)
     select count(*)::int as matched, (count(*) filter (where changed))::int as changed,
       coalesce((select json_agg(json_build_object('row', row, 'name', name, 'fields', fields)) from (select row, name, fields from c where changed order by row limit ${changeSample}) s), '[]') as sample
     from c`,
  );
  return { households: h!, members: m! };
}

interface Plan {
  get(key: string): { id: string; existing: boolean } | undefined;
  /** Household keys of the rows whose person is already a member of the household matched (by ID number). */
  existingMembers: Map<string, string>;
}

/**
 * Matches the file's households to the registry (by 户编号 within the county, else by the head's
 * ID number) and checks each member's ID number against the people already registered.
 */
async function matchRegistry(db: Db, prefix: string, t: staging.StagingTables, tracker: HouseholdTracker, findings: Findings, newId: () => string): Promise<Plan> {
  const aggs = [...tracker.households.values()].filter((a) => a.fields.regionCode);
  const byNo = new Map(
    (await repo.householdsByNumbers(db, aggs.filter((a) => a.householdNo).map((a) => ({ countyCode: county(a.fields.regionCode!), householdNo: a.householdNo! })))).map((h) => [`${h.countyCode}|${h.householdNo}`, h]),
  );
  // the people of the file already active in a household (the first row naming each)
  const found = await query<{ id_number: string; row: number; hh_key: string; household_id: string; region_code: string; household_no: string | null }>(
    db,
    `select distinct on (r.id_number) r.id_number, r.row, r.hh_key, m.household_id, m.region_code, h.household_no
     from ${t.rows} r join members m on m.id_number = r.id_number and m.status = 'active' join households h on h.id = m.household_id
     order by r.id_number, r.row`,
  );
  const people = new Map(found.map((p) => [p.id_number, p]));
  const matched = new Map<string, string>();
  const label = (no: string | null) => (no ? `户编号 ${no}` : '另一户');

  for (const agg of aggs) {
    const head = agg.heads.length === 1 ? agg.heads[0]! : null;
    const hh = agg.householdNo ? byNo.get(`${county(agg.fields.regionCode!)}|${agg.householdNo}`) : undefined;
    if (hh && !hh.regionCode.startsWith(prefix)) {
      findings.add(agg.rows[0]!, agg.key, problem('householdNo', '该户编号已被您管辖范围外的农户使用', 'This household number belongs to a household outside your scope'));
      continue;
    }
    const headPerson = head?.idNumber ? people.get(head.idNumber) : undefined;
    if (hh) matched.set(agg.key, hh.id);
    else if (headPerson && headPerson.region_code.startsWith(prefix)) {
      if (agg.householdNo && headPerson.household_no && headPerson.household_no !== agg.householdNo) {
        findings.add(head!.row, agg.key, problem('householdNo', `户主已登记在户编号 ${headPerson.household_no} 的农户中，与填写的户编号不一致`, 'The head is registered under another household number'));
        continue;
      }
      matched.set(agg.key, headPerson.household_id);
    }
  }
  for (const person of people.values()) {
    if (person.household_id === matched.get(person.hh_key)) continue;
    findings.add(
      person.row,
      person.hh_key,
      person.region_code.startsWith(prefix)
        ? problem('idNumber', `此人已是${label(person.household_no)}的在户成员；如已迁入本户，请先在原户办理迁出`, 'Already an active member of another household')
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
    if (!present.idNumber || people.get(present.idNumber)?.hh_key !== agg.key) {
      findings.add(fileHead.row, agg.key, problem('relation', `该户现户主为 ${present.name}：更换户主时请把原户主一并列入本户并改填与户主关系`, 'The present head must be listed with a new relation'));
    }
  }
  const plan = new Map<string, { id: string; existing: boolean }>();
  for (const agg of tracker.households.values()) {
    const id = matched.get(agg.key);
    plan.set(agg.key, id ? { id, existing: true } : { id: newId(), existing: false });
  }
  const existingMembers = new Map<string, string>();
  for (const p of people.values()) if (p.household_id === matched.get(p.hh_key)) existingMembers.set(p.id_number, p.hh_key);
  return { get: (key) => plan.get(key), existingMembers };
}

/**
 * Writes what the dry run prepared, from the job's working tables, and drops them; throws
 * DataChanged when the registry moved meanwhile (or the working tables are gone).
 */
export async function applyHouseholds(tx: Executor, run: Run, expected: Record<string, number>): Promise<Record<string, number>> {
  const t = staging.stagingTables(run.jobId);
  const redo = new DataChanged({ zh: '核对结果已不在，请重新上传', en: 'The checked rows are gone' });
  if (!(await staging.stagingExists(tx, t))) throw redo;
  const [staged] = await query<{ households: number; rows: number; last: number | null }>(
    tx,
    `select (select count(*)::int from ${t.households} where not held) as households, (select count(*)::int from ${t.rows}) as rows, (select max(row) from ${t.rows}) as last`,
  );
  // a crash of the server empties UNLOGGED tables whole
  const households = (expected.householdsToCreate ?? 0) + (expected.householdsToUpdate ?? 0) + (expected.householdsUnchanged ?? 0);
  if (staged!.households !== households || staged!.rows < (expected.rowsToImport ?? 0)) throw redo;
  const counts = { householdsCreated: 0, householdsUpdated: 0, membersCreated: 0, membersUpdated: 0 };

  const [created] = await query<{ n: number }>(
    tx,
    `with w as (
       insert into households (id, region_code, county_code, household_no, address, phone, categories, poverty_causes, land_mu, housing)
       select id, region_code, county_code, household_no, address, phone, coalesce(categories, '{}'), coalesce(poverty_causes, '{}'), land_mu, coalesce(housing, 'unknown')
       from ${t.households} where not held and not existing
       on conflict do nothing
       returning 1)
     select count(*)::int as n from w`,
  );
  if (created!.n < (expected.householdsToCreate ?? 0)) throw new DataChanged({ zh: '有户编号在核对后已被其他农户使用', en: 'A household number was taken since the check' });
  counts.householdsCreated = created!.n;

  // Matched households change only where the file differs; blank cells keep what is there.
  const like = `'${run.scope.prefix.replace(/[^0-9]/g, '')}%'`;
  const hc = householdChanges('v', 'x');
  const [updated] = await query<{ n: number }>(
    tx,
    `with w as (
       update households x set ${setList(hc)}, version = x.version + 1, updated_at = now()
       from ${t.households} v
       where v.existing and not v.held and x.id = v.id and x.region_code like ${like} and ${differs(hc, 'x')}
       returning 1)
     select count(*)::int as n from w`,
  );
  counts.householdsUpdated = updated!.n;
  const matched = (expected.householdsToUpdate ?? 0) + (expected.householdsUnchanged ?? 0);
  if (updated!.n < (expected.householdsToUpdate ?? 0)) {
    const [inScope] = await query<{ n: number }>(tx, `select count(*)::int as n from households x join ${t.households} v on v.id = x.id where v.existing and not v.held and x.region_code like ${like}`);
    if (inScope!.n < matched) throw new DataChanged({ zh: '有农户在核对后被移出了您的管辖范围', en: 'A household left your scope since the check' });
  }

  // Members. People new at the check are inserted: one registered meanwhile breaks a unique index
  // and the whole apply rolls back. People the check found in the household are upserted on the
  // ID number (blank optional cells keep what is there; a row that changes nothing is not
  // written); one who moved to another household meanwhile is left alone and missing from the
  // counts. Other members before heads, so that a head who becomes a son has made way for the new
  // head. In chunks of rows, for the progress.
  const mc = memberChanges((c) => `excluded.${c}`, 'members');
  const insert = `insert into members (id, household_id, region_code, county_code, name, initials, sex, id_number, relation, birth_date,
      health, education, schooling, labour_ability, is_party_member, phone)
    select r.id, h.id, h.region_code, h.county_code, r.name, r.initials, r.sex, r.id_number, r.relation, r.birth_date,
      r.health, r.education, r.schooling, r.labour_ability, r.is_party_member, r.phone
    from ${t.rows} r join ${t.households} h on h.key = r.hh_key where not h.held`;
  const upsert = `on conflict (id_number) where status = 'active' do update set ${setList(mc)}, version = members.version + 1, updated_at = now()
    where members.household_id = excluded.household_id and ${differs(mc, 'members')}`;
  let done = 0;
  for (const heads of [false, true]) {
    for (let from = 0; from <= (staged!.last ?? 0); from += applyChunkRows) {
      const rows = `r.row > ${from} and r.row <= ${from + applyChunkRows} and ${heads ? `r.relation = 'head'` : `r.relation <> 'head'`}`;
      const [n] = await query<{ created: number; updated: number }>(
        tx,
        `with c as (${insert} and not r.existing and ${rows} returning 1),
           u as (${insert} and r.existing and ${rows} ${upsert} returning (xmax = 0) as inserted)
         select ((select count(*) from c) + (select count(*) from u where inserted))::int as created, (select count(*) from u where not inserted)::int as updated`,
      );
      counts.membersCreated += n!.created;
      counts.membersUpdated += n!.updated;
      done += n!.created + n!.updated;
      await run.onProgress(done);
    }
  }
  if (counts.membersCreated + counts.membersUpdated < expected.rowsToImport!) {
    // rows that changed nothing are not written; a person now active elsewhere is a change of the registry
    const elsewhere = await query<{ id_number: string }>(
      tx,
      `select r.id_number from ${t.rows} r join ${t.households} h on h.key = r.hh_key
       join members m on m.id_number = r.id_number and m.status = 'active'
       where not h.held and m.household_id <> h.id limit 1`,
    );
    if (elsewhere.length) throw new DataChanged({ zh: `身份证号 ${elsewhere[0]!.id_number} 在核对后已登记到其他农户`, en: `ID number ${elsewhere[0]!.id_number} was registered elsewhere since the check` });
  }
  await run.onProgress(expected.rowsToImport!);
  await staging.dropStaging(tx, run.jobId);
  return counts;
}
