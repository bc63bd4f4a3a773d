/**
 * Issue 12: probes with one out-of-scope reference each, proven by the owner's same request
 * succeeding; and the dates the domain does not allow (#11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAOER, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { insertCadres } from '../cadres/repository.js';
import { fieldWorld, todayInShanghai, type FieldWorld } from './testing.js';

let t: TestContext;
let w: FieldWorld;
const maoerCadre = newId();
const today = todayInShanghai();
const visit = (more: Record<string, unknown> = {}) => ({ kind: 'home_visit', visitedOn: today, householdIds: [w.household.a], discussed: '养羊的打算', ...more });
const paths = (res: { body: { error?: { fields?: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path);

beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t);
  // A real cadre of 猫儿乡: the probe must name someone who exists, or it proves nothing.
  await insertCadres(t.database.db, [{ id: maoerCadre, name: '田猫干', initials: 'tmg', rank: 'party_member', regionCode: MAOER, countyCode: '433124' }]);
});
afterAll(() => t.close());

describe('a visit’s companion cadres', () => {
  it('refuses a real cadre of another township as companion (400 on that item); the same visit with a cadre of ours is recorded', async () => {
    const refused = await w.long.post('/api/visits', visit({ cadreIds: [w.cadre.long, maoerCadre] }));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_failed');
    expect(paths(refused)).toEqual(['body.cadreIds.1']);
    const ok = await w.long.post('/api/visits', visit({ cadreIds: [w.cadre.long, w.cadre.shi] }));
    expect(ok.status).toBe(201);
  });
  it('is proven by 猫儿乡’s own administrator seeing the cadre', async () => {
    const res = await w.maoer.get(`/api/cadres/${maoerCadre}`);
    expect(res.status).toBe(200);
  });
});

describe('dates the domain does not allow (issue 12 #11)', () => {
  it('refuses a visit dated 1900-01-01 (400 naming the field)', async () => {
    const res = await w.long.post('/api/visits', visit({ visitedOn: '1900-01-01' }));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.visitedOn']);
  });
  it('answers month=0000-01 with 400, not 500; a real month with 200', async () => {
    const res = await w.admin.get('/api/worklists/admin?month=0000-01');
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['query.month']);
    expect((await w.admin.get(`/api/worklists/admin?month=${today.slice(0, 7)}`)).status).toBe(200);
  });
  it('refuses a member leaving on 1800-01-01 or before their birth', async () => {
    const h = (await w.admin.get(`/api/households/${w.household.a}`)).body;
    const son = h.members.find((m: { relation: string }) => m.relation === 'son');
    for (const on of ['1800-01-01', '1980-01-01']) {
      const res = await w.admin.post(`/api/members/${son.id}/status`, { version: son.version, status: 'left', on });
      expect(res.status, on).toBe(400);
      expect(paths(res), on).toEqual(['body.on']);
    }
    expect((await w.admin.post(`/api/members/${son.id}/status`, { version: son.version, status: 'left', on: today })).status).toBe(200);
  });
  it('reads an income year as four decimal digits: 0x7e9 is refused, 2025 recorded', async () => {
    const items = [{ kind: 'income', category: 'wages', label: '务工', amountFen: 100_000 }];
    const hex = await w.admin.request({ method: 'PUT', url: `/api/households/${w.household.b}/incomes/0x7e9`, payload: { items } });
    expect(hex.status).toBe(400);
    expect(paths(hex)).toEqual(['params.year']);
    const ok = await w.admin.request({ method: 'PUT', url: `/api/households/${w.household.b}/incomes/2025`, payload: { items } });
    expect(ok.status).toBe(200);
    expect(ok.body.year).toBe(2025);
  });
});
