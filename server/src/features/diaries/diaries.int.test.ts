import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { drawSample } from '../reviews/rules.js';
import { fieldWorld, todayInShanghai, type FieldWorld } from '../visits/testing.js';
import { previousMonth, quarterOf } from '../worklists/periods.js';

let t: TestContext;
let w: FieldWorld;
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const today = todayInShanghai();
const month = today.slice(0, 7);
// Three months back: a month of an earlier quarter, so the quarterly sample below is not changed by it.
const lastMonth = previousMonth(previousMonth(previousMonth(month)));
let entry: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t);
  await w.long.post('/api/visits', {
    kind: 'home_visit',
    visitedOn: today,
    householdIds: [w.household.a],
    discussed: '养羊的打算，电话13907435678',
    life: '住房安全',
  });
  await w.long.post('/api/visits', { kind: 'farm_help', visitedOn: today, householdIds: [w.household.b], production: '帮助收玉米' });
});
afterAll(() => t.close());

describe('the month’s entry, drafted from the visits', () => {
  it('drafts the entry from the cadre’s visits of the month, linking them and their households; a retry answers the same', async () => {
    const id = newId();
    const res = await w.long.post('/api/diary-entries', { id, month });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id, month, status: 'draft', cadreName: '龙文斌', regionCode: JIJIU, published: false, version: 1 });
    expect(res.body.body).toContain('麻老三家');
    expect(res.body.body).toContain('谈了养羊的打算');
    expect(res.body.body).toContain('帮耕帮畜：吴二妹家');
    expect(res.body.visitIds).toHaveLength(2);
    expect(res.body.householdIds.sort()).toEqual([w.household.a, w.household.b].sort());
    expect((await w.long.post('/api/diary-entries', { id, month })).status).toBe(200);
    entry = res.body;
  });

  it('names what is wrong', async () => {
    expect(paths(await w.long.post('/api/diary-entries', { month: '2026-13' }))).toEqual(['body.month']);
    expect(paths(await w.long.post('/api/diary-entries', { month: '2999-01' }))).toEqual(['body.month']);
    const other = (await w.shi.post('/api/visits', { kind: 'home_visit', visitedOn: today, householdIds: [w.household.c] })).body.id;
    expect(paths(await w.long.post('/api/diary-entries', { month, visitIds: [other] }))).toEqual(['body.visitIds.0']);
    expect(paths(await w.long.post('/api/diary-entries', { month, body: 5 }))).toEqual(['body.body']);
  });

  it('is for cadres only', async () => {
    expect((await w.admin.post('/api/diary-entries', { month })).status).toBe(403);
  });

  it('sanitises what the cadre writes, and refuses a stale version with the entry as it is', async () => {
    const res = await w.long.patch(`/api/diary-entries/${entry.id}`, {
      version: 1,
      body: '<p onclick="x()">今天走访麻老三家<script>alert(1)</script>，他说要多养羊。</p>',
    });
    expect(res.status).toBe(200);
    expect(res.body.body).toBe('<p>今天走访麻老三家，他说要多养羊。</p>');
    const stale = await w.long.patch(`/api/diary-entries/${entry.id}`, { version: 1, body: '<p>旧的</p>' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ version: 2, body: '<p>今天走访麻老三家，他说要多养羊。</p>' });
    expect((await w.shi.patch(`/api/diary-entries/${entry.id}`, { version: 2, body: '<p>x</p>' })).status).toBe(403);
    entry = res.body;
  });

  it('is submitted, then waits: no more edits', async () => {
    const res = await w.long.post(`/api/diary-entries/${entry.id}/submit`, { version: entry.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect((await w.long.patch(`/api/diary-entries/${entry.id}`, { version: res.body.version, body: '<p>改</p>' })).status).toBe(409);
    expect(paths(await w.long.post(`/api/diary-entries/${entry.id}/submit`, {}))).toEqual(['body.version']);
    entry = res.body;
  });
});

describe('review (查阅)', () => {
  it('the branch secretary returns it with a comment; the cadre hears of it', async () => {
    expect((await w.shi.post(`/api/diary-entries/${entry.id}/reviews`, { version: entry.version, action: 'accept' })).status).toBe(403);
    const noComment = await w.secretary.post(`/api/diary-entries/${entry.id}/reviews`, { version: entry.version, action: 'return' });
    expect(noComment.status).toBe(400);
    expect(paths(noComment)).toEqual(['body.comment']);
    expect(paths(await w.secretary.post(`/api/diary-entries/${entry.id}/reviews`, { version: entry.version, action: 'approve' }))).toEqual([
      'body.action',
    ]);
    const res = await w.secretary.post(`/api/diary-entries/${entry.id}/reviews`, {
      version: entry.version,
      action: 'return',
      comment: '请写清下一步帮扶打算',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('returned');
    const notes = await w.long.get('/api/notifications');
    expect(notes.body.items[0]).toMatchObject({
      kind: 'entry_returned',
      subjectId: entry.id,
      text: `${month} 的民情日记被退回修改：请写清下一步帮扶打算`,
    });
    const reviews = await w.long.get(`/api/diary-entries/${entry.id}/reviews`);
    expect(reviews.body.items).toMatchObject([{ action: 'return', reviewerName: 'shi_mingfa', comment: '请写清下一步帮扶打算' }]);
    entry = res.body;
  });

  it('two reviewers at once: one wins, the other gets 409 with the entry as it now is', async () => {
    const edited = await w.long.patch(`/api/diary-entries/${entry.id}`, {
      version: entry.version,
      body: '<p>今天走访麻老三家，电话13907435678，身份证433124196503120013。下一步帮他联系养羊技术员。</p>',
    });
    const submitted = await w.long.post(`/api/diary-entries/${entry.id}/submit`, { version: edited.body.version });
    const v = submitted.body.version;
    const [a, b] = await Promise.all([
      w.secretary.post(`/api/diary-entries/${entry.id}/reviews`, { version: v, action: 'accept' }),
      w.admin.post(`/api/diary-entries/${entry.id}/reviews`, { version: v, action: 'return', comment: '再补充' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.code).toBe('stale_version');
    expect(loser.body.error.current).toMatchObject({ status: winner.body.status, version: v + 1 });
    expect((await w.long.get(`/api/diary-entries/${entry.id}/reviews`)).body.items).toHaveLength(2);
    entry = winner.body;
    if (entry.version && winner.body.status === 'returned') {
      // The township returned it: resubmit and accept, so the rest of the story holds either way.
      const again = await w.long.post(`/api/diary-entries/${entry.id}/submit`, { version: entry.version });
      entry = (await w.secretary.post(`/api/diary-entries/${entry.id}/reviews`, { version: again.body.version, action: 'accept' })).body;
    }
    expect((entry as unknown as { status: string }).status).toBe('accepted');
  });

  it('an accepted entry is locked; comments are still welcome', async () => {
    expect((await w.long.patch(`/api/diary-entries/${entry.id}`, { version: entry.version, body: '<p>x</p>' })).status).toBe(409);
    expect(
      (await w.admin.post(`/api/diary-entries/${entry.id}/reviews`, { version: entry.version, action: 'return', comment: '重写' })).status,
    ).toBe(409);
    const c = await w.admin.post(`/api/diary-entries/${entry.id}/reviews`, {
      version: entry.version,
      action: 'comment',
      comment: '写得好',
    });
    expect(c.status).toBe(200);
    expect(c.body.status).toBe('accepted');
    entry = c.body;
  });

  it('answers a create retried after the entry was accepted with the entry itself (an offline phone retrying)', async () => {
    const id = newId();
    const body = '<p>上月走访田大山家，帮他联系了养猪技术员。</p>';
    const made = (await w.shi.post('/api/diary-entries', { id, month: lastMonth, body })).body;
    const sent = (await w.shi.post(`/api/diary-entries/${id}/submit`, { version: made.version })).body;
    const accepted = await w.secretary.post(`/api/diary-entries/${id}/reviews`, { version: sent.version, action: 'accept' });
    expect(accepted.body.status).toBe('accepted');
    const retry = await w.shi.post('/api/diary-entries', { id, month: lastMonth, body });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id, status: 'accepted', version: accepted.body.version });
    // A new entry for the locked month is still refused, and another cadre's create with that id too.
    expect(paths(await w.shi.post('/api/diary-entries', { month: lastMonth, body }))).toEqual(['body.month']);
    const other = await w.long.post('/api/diary-entries', { id, month: lastMonth, body });
    expect(other.status).toBe(409);
    expect(paths(other)).toEqual(['body.id']);
  });
});

describe('publication', () => {
  it('publishes an accepted entry with personal data taken out, on a page with no login', async () => {
    expect((await w.shi.post(`/api/diary-entries/${entry.id}/publish`, { version: entry.version })).status).toBe(403);
    const res = await w.long.post(`/api/diary-entries/${entry.id}/publish`, { version: entry.version });
    expect(res.status).toBe(200);
    expect(res.body.published).toBe(true);
    expect(res.body.publicBody).toBe('<p>今天走访麻某某家，电话［电话已隐去］，身份证［身份证号已隐去］。下一步帮他联系养羊技术员。</p>');
    const list = await t.anonymous.get(`/api/public/diary?regionCode=${BUCHOU}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: entry.id, cadreName: '龙文斌', regionName: '吉久村', body: res.body.publicBody }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain('13907435678');
    expect((await t.anonymous.get(`/api/public/diary/${entry.id}`)).body.body).toBe(res.body.publicBody);
  });

  it('publishes nothing that was not accepted', async () => {
    const draft = (await w.shi.post('/api/diary-entries', { month })).body;
    expect((await w.shi.post(`/api/diary-entries/${draft.id}/publish`, { version: draft.version })).status).toBe(409);
    expect((await t.anonymous.get(`/api/public/diary/${draft.id}`)).status).toBe(404);
    expect((await t.anonymous.get(`/api/public/diary?regionCode=123`)).status).toBe(400);
  });
});

describe('out of scope', () => {
  it('hides entries from another township (404) and refuses its writes (403)', async () => {
    expect((await w.maoer.get(`/api/diary-entries/${entry.id}`)).status).toBe(404);
    expect((await w.maoer.get(`/api/diary-entries/${entry.id}/reviews`)).status).toBe(404);
    expect(
      (await w.maoer.post(`/api/diary-entries/${entry.id}/reviews`, { version: entry.version, action: 'comment', comment: 'x' })).status,
    ).toBe(403);
    expect((await w.maoer.get('/api/diary-entries')).body.total).toBe(0);
  });
});

describe('the quarterly sample (调阅)', () => {
  it('draws at random from the quarter’s submitted entries, records seed and result, and re-draws the same', async () => {
    const shiEntry = (await w.shi.post('/api/diary-entries', { month, body: '<p>走访田大山家，了解到今年玉米收成不错。</p>' })).body;
    await w.shi.post(`/api/diary-entries/${shiEntry.id}/submit`, { version: shiEntry.version });
    const quarter = quarterOf(today);
    const res = await w.admin.post('/api/diary-samples', { quarter });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ quarter, regionCode: BUCHOU, populationSize: 2, verified: true, drawnByName: 'buchou_admin' });
    expect(res.body.populationIds.sort()).toEqual([entry.id, shiEntry.id].sort());
    expect(res.body.entryIds).toEqual(drawSample(res.body.populationIds, res.body.seed, 2));
    // The drawn entries by cadre and month, in the order drawn.
    const names = new Map([
      [entry.id, '龙文斌'],
      [shiEntry.id, '石金林'],
    ]);
    expect(res.body.entries).toEqual(
      res.body.entryIds.map((id: string) => expect.objectContaining({ id, cadreName: names.get(id), month: expect.any(String), status: expect.any(String) })),
    );
    const again = await w.admin.post('/api/diary-samples', { quarter });
    expect(again.status).toBe(409);
    expect(again.body.error.current.id).toBe(res.body.id);
    expect((await w.admin.get(`/api/diary-samples/${res.body.id}`)).body.verified).toBe(true);
    expect((await w.admin.get(`/api/diary-samples?quarter=${quarter}`)).body.total).toBe(1);
    expect((await w.maoer.get(`/api/diary-samples/${res.body.id}`)).status).toBe(404);
    expect(paths(await w.admin.post('/api/diary-samples', { quarter: '2026-Q5' }))).toEqual(['body.quarter']);
    expect((await w.maoer.post('/api/diary-samples', { quarter, regionCode: BUCHOU })).status).toBe(403);
    expect((await w.long.post('/api/diary-samples', { quarter, regionCode: JIJIU })).status).toBe(403);
  });
});

describe('diary entries as a workbook', () => {
  it('exports the entries the list shows: the author’s own, and the township’s for its administrator, in labels and plain text', async () => {
    const load = async (raw: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(raw as unknown as ArrayBuffer);
      return wb.worksheets[0]!;
    };
    const mine = await w.long.get('/api/diary-entries?mine=true');
    const sheet = await load((await w.long.get('/api/exports/diary-entries.xlsx?mine=true')).raw);
    expect(sheet.rowCount).toBe(1 + mine.body.total);
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toEqual(expect.arrayContaining(['月份', '干部', '状态', '日记']));
    const labels: Record<string, string> = { draft: '草稿', submitted: '已提交', returned: '已退回', accepted: '已通过' };
    const rows = Array.from({ length: mine.body.total as number }, (_, i) => sheet.getRow(i + 2));
    expect(rows.map((r) => [r.getCell(header.indexOf('月份')).value, r.getCell(header.indexOf('干部')).value, r.getCell(header.indexOf('状态')).value])).toEqual(
      mine.body.items.map((e: { month: string; status: string }) => [e.month, '龙文斌', labels[e.status]]),
    );
    for (const r of rows) expect(String(r.getCell(header.indexOf('日记')).value)).not.toMatch(/<[a-z]/);
    const accepted = rows.find((r) => r.getCell(header.indexOf('状态')).value === '已通过')!;
    expect(accepted.getCell(header.indexOf('提交日期')).value).toBeInstanceOf(Date);
    const township = await w.admin.get('/api/diary-entries');
    expect((await load((await w.admin.get('/api/exports/diary-entries.xlsx')).raw)).rowCount).toBe(1 + township.body.total);
    expect((await load((await w.maoer.get('/api/exports/diary-entries.xlsx')).raw)).rowCount).toBe(1);
  });
});
