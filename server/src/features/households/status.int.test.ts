import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { householdBody } from './fixtures.js';

let t: TestContext;
let township: Client;
let cadre: Client;
let group1: string;

const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  township = await t.login('buchou_admin');
  cadre = await t.login('buchou_cadre');
  group1 = (await township.post('/api/regions', { parentCode: JIJIU, name: '一组' })).body.code;
});
afterAll(() => t.close());

describe('a household moves, merges or is dissolved, never deleted', () => {
  const make = async (head: string) => (await township.post('/api/households', householdBody(group1, head))).body;

  it('moves away with its members, on a date', async () => {
    const h = await make('彭德胜');
    const res = await township.post(`/api/households/${h.id}/status`, { version: h.version, status: 'moved', on: '2025-03-01' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'moved', statusChangedOn: '2025-03-01' });
    expect(
      res.body.members.every((m: { status: string; statusChangedOn: string }) => m.status === 'left' && m.statusChangedOn === '2025-03-01'),
    ).toBe(true);
    expect((await township.get(`/api/households?status=moved&q=${encodeURIComponent('彭德胜')}`)).body.total).toBe(1);
    const back = await township.post(`/api/households/${h.id}/status`, { version: res.body.version, status: 'active', on: '2025-09-01' });
    expect(back.body).toMatchObject({ status: 'active', mergedIntoId: null });
  });

  it('merges into another household, whose members the merged ones become', async () => {
    const son = await make('田永发');
    const parent = await make('田海东');
    const res = await township.post(`/api/households/${son.id}/status`, {
      version: son.version,
      status: 'merged',
      mergedIntoId: parent.id,
      on: '2025-05-01',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedIntoId: parent.id });
    const target = await township.get(`/api/households/${parent.id}`);
    const joined = target.body.members.filter((m: { name: string }) => m.name === '田永发');
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ relation: 'other', status: 'active' });
    expect(target.body.members.filter((m: { status: string }) => m.status === 'active')).toHaveLength(8);
  });

  it('wants a household to merge into, and a real change', async () => {
    const h = await make('田光辉');
    const noTarget = await township.post(`/api/households/${h.id}/status`, { version: h.version, status: 'merged', on: '2025-05-01' });
    expect(noTarget.status).toBe(400);
    expect(paths(noTarget)).toEqual(['body.mergedIntoId']);
    const unknown = await township.post(`/api/households/${h.id}/status`, {
      version: h.version,
      status: 'merged',
      mergedIntoId: newId(),
      on: '2025-05-01',
    });
    expect(paths(unknown)).toEqual(['body.mergedIntoId']);
    const same = await township.post(`/api/households/${h.id}/status`, { version: h.version, status: 'active', on: '2025-05-01' });
    expect(paths(same)).toEqual(['body.status']);
    const badDate = await township.post(`/api/households/${h.id}/status`, { version: h.version, status: 'dissolved', on: '2025-13-01' });
    expect(paths(badDate)).toEqual(['body.on']);
    const stale = await township.post(`/api/households/${h.id}/status`, { version: h.version + 1, status: 'dissolved', on: '2025-05-01' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.status).toBe('active');
    const dissolved = await township.post(`/api/households/${h.id}/status`, { version: h.version, status: 'dissolved', on: '2025-05-01' });
    expect(dissolved.body.status).toBe('dissolved');
    expect(
      (await cadre.post(`/api/households/${h.id}/status`, { version: dissolved.body.version, status: 'active', on: '2025-06-01' })).status,
    ).toBe(403);
  });
});
