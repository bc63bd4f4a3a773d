import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIJIU, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { insertCadres } from '../cadres/repository.js';
import { pairings } from '../pairings/tables.js';
import { users } from '../users/tables.js';
import { householdBody } from './fixtures.js';

const COUNTY = '433124000000';
const DAKA = '433124213201'; // 大卡村, which 县农业局 takes on (部门包村)
let t: TestContext;
let unitHead: Client;
let county: Client;
const hh = { ofCadre: '', inVillage: '', other: '' };

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('county_admin', 'county_admin', COUNTY);
  const headUser = await t.createUser('agri_head', 'unit_head', COUNTY);
  county = await t.login('county_admin');
  const agri = (await county.post('/api/units', { name: '县农业局', regionCode: COUNTY })).body as { id: string };
  await t.database.db.update(users).set({ unitId: agri.id }).where(eq(users.id, headUser));
  unitHead = await t.login('agri_head');
  const wu = newId();
  await insertCadres(t.database.db, [
    { id: wu, name: '吴春生', initials: 'wcs', rank: 'resident', regionCode: JIJIU, countyCode: '433124', unitId: agri.id },
  ]);
  hh.ofCadre = (await county.post('/api/households', householdBody(JIJIU, '麻老三'))).body.id;
  hh.inVillage = (await county.post('/api/households', householdBody(DAKA, '石大卡'))).body.id;
  hh.other = (await county.post('/api/households', householdBody(JIJIU, '田外人'))).body.id;
  const base = { regionCode: JIJIU, countyCode: '433124', startOn: '2025-01-01' };
  await t.database.db.insert(pairings).values([
    {
      ...base,
      id: newId(),
      role: 'one_to_one',
      helperKind: 'cadre',
      helperId: wu,
      targetKind: 'household',
      targetId: hh.ofCadre,
      lead: true,
    },
    {
      ...base,
      id: newId(),
      regionCode: DAKA,
      role: 'unit_village',
      helperKind: 'unit',
      helperId: agri.id,
      targetKind: 'village',
      targetId: DAKA,
      lead: false,
    },
  ]);
});
afterAll(() => t.close());

describe("a unit head's households", () => {
  it("lists only the unit's: paired with its cadres, or in the villages it takes on", async () => {
    const res = await unitHead.get('/api/households?pageSize=50');
    expect(res.status).toBe(200);
    expect(res.body.items.map((h: { headName: string }) => h.headName).sort()).toEqual(['石大卡', '麻老三'].sort());
    expect(res.body.total).toBe(2);
    // Each with its 帮扶责任人 (the list's column).
    const ma = res.body.items.find((h: { headName: string }) => h.headName === '麻老三');
    expect(ma.helpers).toEqual([{ cadreId: expect.any(String), name: '吴春生' }]);
    // The county administrator sees all three.
    expect((await county.get('/api/households?pageSize=50')).body.total).toBe(3);
  });

  it("opens the unit's household and hides another (404, as out of scope)", async () => {
    expect((await unitHead.get(`/api/households/${hh.ofCadre}`)).status).toBe(200);
    const other = await unitHead.get(`/api/households/${hh.other}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
  });
});
