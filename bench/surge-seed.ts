/** The surge bench's scratch database: 200 cadres with accounts and paired households, in a county. */
import { sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.js';
import { migrate } from '../server/src/db/migrate.js';
import { cadres } from '../server/src/features/cadres/tables.js';
import { households, members } from '../server/src/features/households/tables.js';
import { pairings } from '../server/src/features/pairings/tables.js';
import { loadDivisions } from '../server/src/features/regions/service.js';
import { users } from '../server/src/features/users/tables.js';
import { visits } from '../server/src/features/visits/tables.js';
import { newId } from '../server/src/platform/ids.js';
import { hashPassword } from '../server/src/platform/password.js';

export const CADRES = 200;
export const PASSWORD = 'Surge-bench-passphrase-2026';
/** A county's registry around the cadres being measured (a county has 20–30k households). */
export const OTHER_HOUSEHOLDS = 20_000;
export const PAST_VISITS = 30_000;
const VILLAGES = ['433124213201', '433124213202', '433124213203', '433124213204', '433124213205', '433124213206'];

/**
 * The rest of the county around the 200 cadres, so the tables and indexes are of a county's size:
 * OTHER_HOUSEHOLDS more households with their heads, and the visits of the last three months
 * (PAST_VISITS, by the seeded cadres' colleagues — ids no account uses).
 */
async function seedRestOfCounty(db: Awaited<ReturnType<typeof openDatabase>>['db'], cadreCount: number) {
  const colleagues = Array.from({ length: cadreCount * 5 }, () => newId());
  const someone = (await db.select({ id: users.id }).from(users).limit(1))[0]!.id;
  const homes: string[] = [];
  for (let i = 0; i < OTHER_HOUSEHOLDS; i += 1000) {
    const householdRows = [];
    const memberRows = [];
    for (let k = i; k < Math.min(OTHER_HOUSEHOLDS, i + 1000); k++) {
      const id = newId();
      const village = VILLAGES[k % VILLAGES.length]!;
      homes.push(id);
      householdRows.push({ id, regionCode: village, countyCode: '433124' });
      memberRows.push({ id: newId(), householdId: id, regionCode: village, countyCode: '433124', name: `户主${k}`, relation: 'head' as const });
    }
    await db.insert(households).values(householdRows);
    await db.insert(members).values(memberRows);
  }
  const now = Date.now() + 8 * 3600_000;
  for (let i = 0; i < PAST_VISITS; i += 1000) {
    const rows = [];
    for (let k = i; k < Math.min(PAST_VISITS, i + 1000); k++) {
      const home = homes[k % homes.length]!;
      rows.push({
        id: newId(),
        regionCode: VILLAGES[(k % homes.length) % VILLAGES.length]!,
        countyCode: '433124',
        kind: 'home_visit' as const,
        visitedOn: new Date(now - (k % 90) * 86_400_000).toISOString().slice(0, 10),
        cadreIds: [colleagues[k % colleagues.length]!],
        householdIds: [home],
        discussed: '了解生产生活情况',
        recordedBy: someone,
      });
    }
    await db.insert(visits).values(rows);
  }
}

export async function seed(url: string) {
  const database = await openDatabase({ databaseUrl: url });
  await migrate(database);
  const db = database.db;
  await loadDivisions(db, '433124');
  const passwordHash = await hashPassword(PASSWORD);
  const userRows = [];
  const cadreRows = [];
  const householdRows = [];
  const memberRows = [];
  const pairingRows = [];
  const cast: { username: string; households: string[] }[] = [];
  for (let i = 0; i < CADRES; i++) {
    const village = VILLAGES[i % VILLAGES.length]!;
    const userId = newId();
    const cadreId = newId();
    const username = `surge${String(i).padStart(3, '0')}`;
    userRows.push({
      id: userId,
      username,
      displayName: `干部${i}`,
      passwordHash,
      role: 'cadre' as const,
      regionCode: '433124213000',
      countyCode: '433124',
    });
    cadreRows.push({
      id: cadreId,
      name: `干部${i}`,
      initials: 'gb',
      rank: 'party_member' as const,
      regionCode: village,
      countyCode: '433124',
      userId,
    });
    const mine: string[] = [];
    for (let k = 0; k < 2; k++) {
      const hid = newId();
      mine.push(hid);
      householdRows.push({ id: hid, regionCode: village, countyCode: '433124' });
      memberRows.push({
        id: newId(),
        householdId: hid,
        regionCode: village,
        countyCode: '433124',
        name: `户主${i}-${k}`,
        relation: 'head' as const,
      });
      pairingRows.push({
        id: newId(),
        regionCode: village,
        countyCode: '433124',
        role: 'one_to_one' as const,
        helperKind: 'cadre' as const,
        helperId: cadreId,
        targetKind: 'household' as const,
        targetId: hid,
        lead: true,
        startOn: '2025-01-01',
      });
    }
    cast.push({ username, households: mine });
  }
  await db.insert(users).values(userRows);
  await db.insert(cadres).values(cadreRows);
  await db.insert(households).values(householdRows);
  await db.insert(members).values(memberRows);
  await db.insert(pairings).values(pairingRows);
  await seedRestOfCounty(db, cast.length);
  // A live database has statistics (autovacuum analyzes as it fills); a freshly loaded one has none,
  // and the planner would then pick plans no production server runs.
  await db.execute(sql`analyze`);
  await database.close();
  return cast;
}
