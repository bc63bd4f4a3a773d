import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, MAOER, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { householdBody, idNumber, nextSeq } from './fixtures.js';
import { insertHouseholds } from './repository.js';

let t: TestContext;
let township: Client;
let cadre: Client;
let maoer: Client;

const put = (c: Client, url: string, body: unknown) => c.request({ method: 'PUT', url, payload: body as never });

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('buchou_cadre', 'cadre', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  township = await t.login('buchou_admin');
  cadre = await t.login('buchou_cadre');
  maoer = await t.login('maoer_admin');
});
afterAll(() => t.close());

describe("a household's timeline", () => {
  it('tells the household’s life, newest first, dated by when things happened', async () => {
    const h = (await township.post('/api/households', householdBody(JIJIU, '石金林'))).body;
    const baby = await township.post(`/api/households/${h.id}/members`, {
      name: '石小龙',
      relation: 'grandchild',
      idNumber: idNumber('20240906', nextSeq(), 'male'),
    });
    await put(township, `/api/households/${h.id}/incomes/2024`, { items: [{ kind: 'income', category: 'wages', amountFen: 1_000_000 }] });
    const father = h.members[0];
    const son = h.members[2];
    await township.post(`/api/members/${father.id}/status`, {
      version: father.version,
      status: 'deceased',
      on: '2025-02-10',
      newHeadId: son.id,
    });
    await township.patch(`/api/households/${h.id}`, { version: h.version, categories: ['poor', 'party_member_hardship'] });
    const form = (
      await township.post('/api/surveys/forms', {
        name: '入户调查',
        sections: [{ key: 'h', title: '住房', items: [{ key: 'safe', label: '住房安全', type: 'yes_no' }] }],
      })
    ).body;
    await put(cadre, `/api/households/${h.id}/surveys/${form.id}/2025`, { answers: { safe: true } });
    await township.get(`/api/households/${h.id}/personal`);

    const res = await cadre.get(`/api/households/${h.id}/timeline`);
    expect(res.status).toBe(200);
    const kinds = res.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'household_created',
        'member_added',
        'income_recorded',
        'member_deceased',
        'head_changed',
        'household_changed',
        'survey_answered',
      ]),
    );
    expect(kinds).toHaveLength(7);
    const today = res.body.items[0].on;
    expect(res.body.items.at(-1)).toMatchObject({
      kind: 'member_deceased',
      on: '2025-02-10',
      summary: '石金林已故',
      actorName: 'buchou_admin',
      entityId: father.id,
    });
    expect(res.body.items.find((e: { kind: string }) => e.kind === 'member_added')).toMatchObject({
      summary: '新增成员：石小龙（孙子女）',
      entityId: baby.body.id,
      on: today,
    });
    expect(res.body.items.find((e: { kind: string }) => e.kind === 'income_recorded').summary).toBe(
      '登记 2024 年收入：人均纯收入 2000.00 元',
    );
    expect(res.body.items.find((e: { kind: string }) => e.kind === 'survey_answered').summary).toBe('填写 2025 年《入户调查》');
    expect(JSON.stringify(res.body)).not.toContain(father.idNumber);
    const en = await cadre.request({ method: 'GET', url: `/api/households/${h.id}/timeline`, headers: { 'x-lang': 'en' } });
    expect(en.body.items.at(-1).summary).toBe('石金林: deceased');
  });

  it('starts a household registered without an audited create (demo, older imports) at its registration', async () => {
    const id = newId();
    await insertHouseholds(t.database.db, [{ id, regionCode: JIJIU, countyCode: '433124' }]);
    const res = await township.get(`/api/households/${id}/timeline`);
    expect(res.body.items).toEqual([expect.objectContaining({ kind: 'household_created', summary: '登记建档', actorName: null })]);
  });

  it('is not readable outside the scope', async () => {
    const theirs = (await maoer.post('/api/households', householdBody('433124206201', '田猫儿'))).body;
    expect((await township.get(`/api/households/${theirs.id}/timeline`)).status).toBe(404);
    expect((await township.get(`/api/households/${newId()}/timeline`)).status).toBe(404);
  });
});
