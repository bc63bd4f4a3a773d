import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { householdBody } from './fixtures.js';
import { builtInCategories, builtInPovertyCauses } from './labels.js';

let t: TestContext;
let township: Client;
let county: Client;
let cadre: Client;
let maoer: Client;

const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const codes = (res: { body: { items: { code: string }[] } }) => res.body.items.map((e) => e.code);

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  township = await t.login('buchou_admin');
  county = await t.login('county_admin');
  cadre = await t.login('buchou_cadre');
  maoer = await t.login('maoer_admin');
});
afterAll(() => t.close());

describe('the household catalogue', () => {
  it('has the built-in categories and poverty causes of the seeds, put there by the migration', async () => {
    const categories = await cadre.get('/api/households/catalog?kind=category');
    expect(categories.status).toBe(200);
    expect(codes(categories)).toEqual(builtInCategories.map((c) => c.code));
    expect(categories.body.items[0]).toMatchObject({
      code: 'prosperity_star',
      nameZh: '致富明星户',
      builtIn: true,
      regionCode: null,
      active: true,
    });
    const causes = await cadre.get('/api/households/catalog?kind=poverty_cause');
    expect(codes(causes)).toEqual(builtInPovertyCauses.map((c) => c.code));
  });

  it('lets the county add a category for every township, its code made from the pinyin initials', async () => {
    const res = await county.post('/api/households/catalog', { kind: 'category', nameZh: '猕猴桃种植户', nameEn: 'Kiwi grower' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'mhtzzh', regionCode: COUNTY, builtIn: false });
    const audit = await county.get(`/api/audit?entityType=household_catalog&entityId=${res.body.id}`);
    expect(audit.body.items[0].action).toBe('create');
    expect(codes(await township.get('/api/households/catalog?kind=category'))).toContain('mhtzzh');
  });

  it('lets the township add its own, with a code given, idempotently', async () => {
    const id = newId();
    const body = { id, kind: 'poverty_cause', nameZh: '地质灾害搬迁', code: 'relocation' };
    const a = await township.post('/api/households/catalog', body);
    const b = await township.post('/api/households/catalog', body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toMatchObject({ id, regionCode: BUCHOU, nameEn: '地质灾害搬迁' });
    const mine = await township.get(`/api/households/catalog?regionCode=${BUCHOU}`);
    expect(mine.body).toMatchObject({ total: 1 });
    const household = await township.post(
      '/api/households',
      householdBody(JIJIU, '石金林', { categories: ['poor', 'mhtzzh'], povertyCauses: ['relocation'] }),
    );
    expect(household.status).toBe(201);
  });

  it('refuses a name or code already used with 409 naming the field', async () => {
    const name = await township.post('/api/households/catalog', { kind: 'category', nameZh: '贫困户' });
    expect(name.status).toBe(409);
    expect(paths(name)).toEqual(['body.nameZh']);
    const code = await township.post('/api/households/catalog', { kind: 'category', nameZh: '特困户', code: 'poor' });
    expect(code.status).toBe(409);
    expect(paths(code)).toEqual(['body.code']);
    const again = await township.post('/api/households/catalog', { kind: 'category', nameZh: '猕猴桃种植大户' });
    expect(again.body.code).toBe('mhtzzdh');
  });

  it('answers bad input with 400 naming the fields', async () => {
    const res = await township.post('/api/households/catalog', { kind: 'colour', nameZh: '', code: 'Bad Code' });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['body.kind', 'body.nameZh', 'body.code']));
    const region = await township.post('/api/households/catalog', { kind: 'category', nameZh: '茶农', regionCode: '433124213999' });
    expect(paths(region)).toEqual(['body.regionCode']);
  });

  it('keeps each township’s additions to itself; only administrators add', async () => {
    const theirs = await maoer.post('/api/households/catalog', { kind: 'category', nameZh: '茶叶种植户' });
    expect(theirs.status).toBe(201);
    expect(codes(await township.get('/api/households/catalog'))).not.toContain(theirs.body.code);
    expect((await township.get(`/api/households/catalog?regionCode=${MAOER}`)).body.total).toBe(0);
    const using = await township.post('/api/households', householdBody(JIJIU, '龙文斌', { categories: [theirs.body.code] }));
    expect(paths(using)).toEqual(['body.categories.0']);
    expect((await township.post('/api/households/catalog', { kind: 'category', nameZh: '茶农', regionCode: MAOER })).status).toBe(403);
    expect((await township.post('/api/households/catalog', { id: theirs.body.id, kind: 'category', nameZh: '茶农' })).status).toBe(409);
    expect((await cadre.post('/api/households/catalog', { kind: 'category', nameZh: '茶农' })).status).toBe(403);
    expect((await t.anonymous.get('/api/households/catalog')).status).toBe(401);
  });
});
