/**
 * The rule check of a county: 20 townships × 25 villages × 40 households (20,000), 3,000 cadres
 * all enrolled, ~30,000 pairings under 联户带创 with 五必访 for petitioners and a household cap,
 * with known faults (pairings/county-fixture.ts), loaded into a scratch PostgreSQL database.
 *
 * rule_check_ms: the check as the API runs it, through the service (pairings/check-service.ts
 * checkRules: the programme read, the facts loaded from the database — enrolments, cadres,
 * households with their head, branches, places, the programme's pairings holding on the day —
 * and checkProgramme), median of several runs. check_only_ms: checkProgramme alone on the facts
 * the service loaded (the baseline: the part that is not I/O). The counts found are compared with
 * the fixture's own bookkeeping, and the run fails if they differ. --quick: fewer repetitions.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../server/src/db/client.js';
import { migrate } from '../server/src/db/migrate.js';
import { insertCadres } from '../server/src/features/cadres/repository.js';
import { checkProgramme } from '../server/src/features/pairings/check.js';
import { checkRules, loadFacts } from '../server/src/features/pairings/check-service.js';
import { countyWorld } from '../server/src/features/pairings/county-fixture.js';
import * as pairingsRepo from '../server/src/features/pairings/repository.js';
import * as programmesRepo from '../server/src/features/programmes/repository.js';
import { users } from '../server/src/features/users/tables.js';
import type { Actor } from '../server/src/platform/actor.js';
import { newId } from '../server/src/platform/ids.js';
import { scopeFor } from '../server/src/platform/scope.js';

const SERVER = process.env.LIANHU_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const COUNTY = '433124000000';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => Number(x.toFixed(1));

export async function run({ quick }: { quick: boolean }) {
  const runs = quick ? 3 : 7;
  const world = countyWorld();
  const dbName = `lianhu_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(SERVER);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  const bulk = async (table: string, rows: Record<string, unknown>[]) => {
    const cols = Object.keys(rows[0]!)
      .map((c) => `"${c}"`)
      .join(', ');
    for (let i = 0; i < rows.length; i += 10_000) {
      await client.query(`insert into ${table} (${cols}) select ${cols} from json_populate_recordset(null::${table}, $1)`, [
        JSON.stringify(rows.slice(i, i + 10_000)),
      ]);
    }
  };
  try {
    await migrate(database);
    await client.connect();
    const db = database.db;
    const t0 = performance.now();
    // The fixture's ids ('h12', 't3-4', 'p99') become UUIDv7s.
    const ids = new Map<string, string>();
    const uuid = (k: string) => ids.get(k) ?? (ids.set(k, newId()), ids.get(k)!);
    const programmeId = uuid(world.programme.id);
    const other = uuid('another-programme');
    const userId = newId();
    await db
      .insert(users)
      .values({
        id: userId,
        username: 'bench',
        displayName: '县管理员',
        role: 'county_admin',
        regionCode: COUNTY,
        countyCode: '433124',
        passwordHash: 'x',
      });
    const p = world.programme;
    for (const [id, name] of [
      [programmeId, p.name],
      [other, '另一个活动'],
    ] as const) {
      await programmesRepo.insertProgramme(db, {
        id,
        name,
        regionCode: p.regionCode,
        countyCode: '433124',
        templateKey: p.templateKey,
        startOn: p.period.startOn,
        endOn: p.period.endOn,
        requirements: p.requirements,
        pairingRules: p.pairingRules,
        coverage: p.coverage,
        capacities: p.capacities,
      });
    }
    const f = world.facts;
    const lap = (what: string) => process.env.BENCH_LAPS && console.log(`${what} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Loaded in a few statements (json_populate_recordset): loading is not what is measured.
    await bulk(
      'households',
      f.households.map((h) => ({
        id: uuid(h.id),
        region_code: h.regionCode,
        county_code: h.regionCode.slice(0, 6),
        categories: h.categories,
        status: h.endedOn ? 'moved' : 'active',
        status_changed_on: h.endedOn ?? null,
      })),
    );
    lap('households');
    await insertCadres(
      db,
      f.cadres.map((c) => ({ id: uuid(c.id), name: c.id, initials: c.id, rank: c.rank, regionCode: c.regionCode, countyCode: '433124' })),
    );
    lap('cadres');
    await programmesRepo.insertParticipants(
      db,
      f.cadres.map((c) => ({
        id: newId(),
        programmeId,
        subjectKind: 'cadre' as const,
        subjectId: uuid(c.id),
        regionCode: c.regionCode,
        countyCode: '433124',
        tags: [],
        startOn: p.period.startOn,
      })),
    );
    lap('participants');
    await bulk(
      'pairings',
      f.pairings.map((x) => ({
        id: uuid(x.id),
        programme_id: uuid(x.programmeId!),
        role: x.role,
        helper_kind: x.helperKind,
        helper_id: uuid(x.helperId),
        target_kind: x.targetKind,
        target_id: uuid(x.targetId),
        lead: x.lead,
        round_no: x.roundNo,
        start_on: x.startOn,
        end_on: x.endOn,
        region_code: x.regionCode,
        county_code: x.regionCode.slice(0, 6),
      })),
    );
    lap('pairings');
    await database.db.execute('analyze');
    console.log(
      `loaded ${f.households.length} households, ${f.cadres.length} cadres, ${f.pairings.length} pairings in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const actor: Actor = {
      id: userId,
      username: 'bench',
      displayName: '县管理员',
      role: 'county_admin',
      regionCode: COUNTY,
      unitId: null,
      scope: scopeFor({ role: 'county_admin', regionCode: COUNTY, unitId: null }),
      lang: 'zh-CN',
    };
    const q = { on: world.day, page: 1, pageSize: 50 };
    await checkRules(db, actor, programmeId, q); // warm-up: plans cached, code compiled
    const service: number[] = [];
    let result: Awaited<ReturnType<typeof checkRules>> | null = null;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      result = await checkRules(db, actor, programmeId, q);
      service.push(performance.now() - s);
    }
    const row = (await programmesRepo.getProgramme(db, actor.scope, programmeId))!;
    const loads: number[] = [];
    let loaded: Awaited<ReturnType<typeof loadFacts>> | null = null;
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      loaded = await loadFacts(db, row, '433124', true, world.day);
      loads.push(performance.now() - s);
    }
    if (process.env.BENCH_LAPS) {
      for (const [what, fn] of [
        ['participants', () => programmesRepo.participantsForCheck(db, programmeId, '433124', true)],
        ['cadres', () => pairingsRepo.cadresForCheck(db, { ids: f.cadres.map((c) => uuid(c.id)) })],
        ['households', () => pairingsRepo.householdsForCheck(db, '433124')],
        ['pairings', () => pairingsRepo.pairingsForCheck(db, programmeId, '433124', true, world.day)],
      ] as const) {
        const s = performance.now();
        await (fn as () => Promise<unknown>)();
        console.log(`  ${what} ${ms(performance.now() - s)} ms`);
      }
    }
    const pure: number[] = [];
    for (let i = 0; i < runs * 3; i++) {
      const s = performance.now();
      checkProgramme(loaded!.programme, loaded!.facts, world.day);
      pure.push(performance.now() - s);
    }

    const c = result!.counts;
    const e = world.expected;
    const want = {
      missing_pairing: e.missingStar + e.missingConservative,
      uncovered: e.uncovered,
      inactive_target: e.inactiveTarget,
      outside_region: e.outsideRegion,
      over_capacity: e.overCapacity,
    };
    const got = {
      missing_pairing: c.missing_pairing,
      uncovered: c.uncovered,
      inactive_target: c.inactive_target,
      outside_region: c.outside_region,
      over_capacity: c.over_capacity,
    };
    console.log(`breaches found ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    if (JSON.stringify(got) !== JSON.stringify(want))
      throw new Error('the check through the service found other counts than the fixture expects');
    console.log(
      `rule check through the service: median ${ms(median(service))} ms of ${runs} (load alone ${ms(median(loads))} ms); checkProgramme alone ${ms(median(pure))} ms`,
    );
    return {
      households: f.households.length,
      cadres: f.cadres.length,
      pairings: f.pairings.length,
      pairings_checked: result!.checked.pairings,
      breaches: result!.total,
      rule_check_ms: ms(median(service)),
      load_ms: ms(median(loads)),
      check_only_ms: ms(median(pure)),
      runs,
      quick,
    };
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
