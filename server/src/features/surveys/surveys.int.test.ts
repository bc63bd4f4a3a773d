import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, COUNTY, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { auditLog } from '../audit/tables.js';
import { householdBody } from '../households/fixtures.js';
import { surveyAnswers, surveyForms } from './tables.js';

let t: TestContext;
let township: Client;
let county: Client;
let cadre: Client;
let leader: Client;
let maoer: Client;
let shi: { id: string };
let theirs: { id: string };

const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as never });
const written = async () => {
  const db = t.database.db;
  const [[f], [a], [l]] = await Promise.all([db.select({ n: count() }).from(surveyForms), db.select({ n: count() }).from(surveyAnswers), db.select({ n: count() }).from(auditLog)]);
  return [f!.n, a!.n, l!.n];
};

const housing = {
  key: 'housing',
  title: '住房情况',
  items: [
    { key: 'structure', label: '住房结构', type: 'choice', options: ['砖混', '土木'], required: true },
    { key: 'area', label: '住房面积', type: 'number', unit: '平方米' },
    { key: 'repair', label: '是否需要危房改造', type: 'yes_no', required: true },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('county_admin', 'county_admin', COUNTY);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('county_leader', 'leader', COUNTY);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  township = await t.login('buchou_admin');
  county = await t.login('county_admin');
  cadre = await t.login('buchou_cadre');
  leader = await t.login('county_leader');
  maoer = await t.login('maoer_admin');
  shi = (await township.post('/api/households', householdBody(JIJIU, '石金林'))).body;
  theirs = (await maoer.post('/api/households', householdBody('433124206201', '田猫儿'))).body;
});
afterAll(() => t.close());

describe('the poor-household survey (贫困户调查表, seed 003)', () => {
  let county2013: { id: string; version: number; itemCount: number };

  it('offers the built-in template', async () => {
    const res = await cadre.get('/api/surveys/templates');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ key: 'poor_household_2013', name: '贫困户调查表' });
    expect(res.body.items[0].sections).toHaveLength(4);
    expect(res.body.items[0].itemCount).toBeGreaterThanOrEqual(40);
    expect((await t.anonymous.get('/api/surveys/templates')).status).toBe(401);
  });

  it('lets the county copy it, audited; the townships read it', async () => {
    const res = await county.post('/api/surveys/forms', { fromTemplate: 'poor_household_2013' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '贫困户调查表', regionCode: COUNTY, regionName: '花垣县', currentVersion: 1, formVersion: 1, status: 'active' });
    expect(res.body.itemCount).toBeGreaterThanOrEqual(40);
    county2013 = res.body;
    expect((await county.get(`/api/audit?entityType=survey_form&entityId=${res.body.id}`)).body.total).toBe(1);
    const list = await township.get('/api/surveys/forms');
    expect(list.body.items.map((f: { name: string; itemCount: number }) => [f.name, f.itemCount])).toEqual([['贫困户调查表', res.body.itemCount]]);
  });

  it('lets a township define its own form, idempotently', async () => {
    const id = newId();
    const body = { id, name: '补抽乡住房调查', sections: [housing] };
    const a = await township.post('/api/surveys/forms', body);
    const b = await township.post('/api/surveys/forms', body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toMatchObject({ id, itemCount: 3, versions: [{ formVersion: 1 }] });
    expect((await township.get(`/api/surveys/forms?regionCode=${BUCHOU}`)).body.total).toBe(1);
  });

  it('answers a bad form with 400 naming the field, writing nothing', async () => {
    const before = await written();
    const dup = await township.post('/api/surveys/forms', { name: '重复调查', sections: [housing, housing] });
    expect(dup.status).toBe(400);
    expect(paths(dup)).toEqual(expect.arrayContaining(['body.sections.1.key', 'body.sections.1.items.0.key']));
    const types = await township.post('/api/surveys/forms', { name: '坏调查', sections: [{ key: 'A', title: '', items: [{ key: 'x', label: 'X', type: 'date' }] }] });
    expect(paths(types)).toEqual(expect.arrayContaining(['body.sections.0.key', 'body.sections.0.title', 'body.sections.0.items.0.type']));
    const neither = await township.post('/api/surveys/forms', { name: '空调查' });
    expect(paths(neither)).toEqual(['body.sections']);
    const template = await township.post('/api/surveys/forms', { fromTemplate: 'poor_household_1999' });
    expect(paths(template)).toEqual(['body.fromTemplate']);
    const name = await county.post('/api/surveys/forms', { fromTemplate: 'poor_household_2013' });
    expect(name.status).toBe(409);
    expect(paths(name)).toEqual(['body.name']);
    expect(await written()).toEqual(before);
  });

  it('keeps forms in scope: 猫儿乡 404 on reads, 403 on writes; only administrators define them', async () => {
    const form = await maoer.post('/api/surveys/forms', { name: '猫儿乡调查', sections: [housing] });
    expect((await township.get(`/api/surveys/forms/${form.body.id}`)).status).toBe(404);
    expect((await put(township, `/api/surveys/forms/${form.body.id}`, { version: 1, name: '改名' })).status).toBe(403);
    expect((await put(township, `/api/surveys/forms/${county2013.id}`, { version: 1, name: '改名' })).status).toBe(403);
    expect((await township.post('/api/surveys/forms', { name: '越权', sections: [housing], regionCode: MAOER })).status).toBe(403);
    expect((await cadre.post('/api/surveys/forms', { name: '干部调查', sections: [housing] })).status).toBe(403);
    expect((await township.get(`/api/surveys/forms?regionCode=${MAOER}`)).body.total).toBe(0);
  });
});

describe("a household's survey, year by year", () => {
  let form: { id: string; version: number };
  let answer2024: { version: number };

  beforeAll(async () => {
    form = (await township.post('/api/surveys/forms', { name: '吉久村入户调查', regionCode: JIJIU, sections: [housing] })).body;
  });

  it('saves 2024 answers with the form version they were given on', async () => {
    const res = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2024`, { answers: { structure: '土木', area: 60, repair: true } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ householdId: shi.id, formId: form.id, formName: '吉久村入户调查', year: 2024, formVersion: 1, version: 1 });
    answer2024 = res.body;
    const again = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2024`, { answers: { structure: '土木', area: 60, repair: true } });
    expect(again.body.version).toBe(1);
  });

  it('answers wrong types, unknown items and missing required ones with 400 naming each, writing nothing', async () => {
    const before = await written();
    const res = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2025`, { answers: { structure: '茅草', area: '六十', colour: 'red' } });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.answers.colour', 'body.answers.structure', 'body.answers.area', 'body.answers.repair']);
    const shape = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2025`, { answers: { structure: { nested: true } } });
    expect(paths(shape)).toEqual(['body.answers.structure']);
    const otherForm = await put(cadre, `/api/households/${shi.id}/surveys/${newId()}/2025`, { answers: {} });
    expect(paths(otherForm)).toEqual(['params.formId']);
    expect(await written()).toEqual(before);
  });

  it('makes a new form version when the sections change; 2024 keeps being shown as it was asked', async () => {
    const sections = [{ ...housing, items: [...housing.items, { key: 'toilet', label: '厕所类型', type: 'choice', options: ['卫生厕所', '旱厕'], required: true }] }];
    const res = await put(township, `/api/surveys/forms/${form.id}`, { version: form.version, sections });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currentVersion: 2, formVersion: 2, itemCount: 4 });
    expect(res.body.versions.map((v: { formVersion: number }) => v.formVersion)).toEqual([1, 2]);
    const v1 = await cadre.get(`/api/surveys/forms/${form.id}?version=1`);
    expect(v1.body).toMatchObject({ formVersion: 1, itemCount: 3, currentVersion: 2 });
    expect((await cadre.get(`/api/surveys/forms/${form.id}?version=9`)).status).toBe(404);
    const stale = await put(township, `/api/surveys/forms/${form.id}`, { version: form.version, name: '改名' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.currentVersion).toBe(2);
    const rename = await put(township, `/api/surveys/forms/${form.id}`, { version: res.body.version, name: '吉久村入户调查表', sections });
    expect(rename.body).toMatchObject({ currentVersion: 2, name: '吉久村入户调查表' });

    const missing = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2025`, { answers: { structure: '砖混', repair: false } });
    expect(paths(missing)).toEqual(['body.answers.toilet']);
    const y2025 = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2025`, { answers: { structure: '砖混', repair: false, toilet: '卫生厕所' } });
    expect(y2025.body.formVersion).toBe(2);
    const all = await cadre.get(`/api/households/${shi.id}/surveys`);
    expect(all.body.items.map((a: { year: number; formVersion: number; sections: { items: unknown[] }[] }) => [a.year, a.formVersion, a.sections[0]!.items.length])).toEqual([
      [2025, 2, 4],
      [2024, 1, 3],
    ]);
  });

  it('re-saves an old year on the current version, with the version read', async () => {
    const stale = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2024`, { answers: { structure: '砖混', repair: true, toilet: '旱厕' } });
    expect(stale.status).toBe(409);
    const res = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2024`, { version: answer2024.version, answers: { structure: '砖混', repair: true, toilet: '旱厕' } });
    expect(res.body).toMatchObject({ formVersion: 2, version: 2 });
  });

  it('keeps answers in scope and to those who fill them in', async () => {
    expect((await township.get(`/api/households/${theirs.id}/surveys`)).status).toBe(404);
    expect((await put(township, `/api/households/${theirs.id}/surveys/${form.id}/2025`, { answers: {} })).status).toBe(403);
    expect((await put(leader, `/api/households/${shi.id}/surveys/${form.id}/2026`, { answers: { structure: '砖混', repair: true, toilet: '旱厕' } })).status).toBe(403);
    expect((await leader.get(`/api/households/${shi.id}/surveys`)).status).toBe(200);
  });

  it('refuses answers on a retired form', async () => {
    const current = await township.get(`/api/surveys/forms/${form.id}`);
    await put(township, `/api/surveys/forms/${form.id}`, { version: current.body.version, status: 'retired' });
    const res = await put(cadre, `/api/households/${shi.id}/surveys/${form.id}/2026`, { answers: { structure: '砖混', repair: true, toilet: '旱厕' } });
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['params.formId']);
  });
});
