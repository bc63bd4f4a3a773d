import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JIJIU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { folderStorage } from '../../platform/storage.js';
import { visits } from './tables.js';
import { setNotifier, type Notifier } from '../notifications/notifier.js';
import { fieldWorld, phonePhoto, photoUpload, todayInShanghai, type FieldWorld } from './testing.js';

let t: TestContext;
let w: FieldWorld;
const texts: { phone: string; text: string }[] = [];
let previous: Notifier;
const paths = (res: { body: { error: { fields?: { path: string }[] } } }) => (res.body.error.fields ?? []).map((f) => f.path);
const today = todayInShanghai();

beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t);
  previous = setNotifier({ notify: async () => undefined, sendText: async (phone, text) => (texts.push({ phone, text }), true) });
});
afterAll(async () => {
  setNotifier(previous);
  await t.close();
});

const visitBody = (more: Record<string, unknown> = {}) => ({
  kind: 'home_visit',
  visitedOn: today,
  householdIds: [w.household.a],
  discussed: '养羊的打算',
  production: '48 只羊',
  mood: '有信心',
  ...more,
});

describe('a cadre records a visit', () => {
  it('records it once for the signed-in cadre, and answers a retry with the same visit', async () => {
    const id = newId();
    const res = await w.long.post('/api/visits', visitBody({ id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id,
      kind: 'home_visit',
      kindName: '入户走访',
      visitedOn: today,
      regionCode: JIJIU,
      regionName: '吉久村',
      confirmed: false,
      photos: [],
      location: null,
    });
    expect(res.body.cadres).toEqual([{ id: w.cadre.long, name: '龙文斌' }]);
    expect(res.body.households[0]).toMatchObject({ id: w.household.a, headName: '麻老三' });
    const again = await w.long.post('/api/visits', visitBody({ id }));
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    expect((await w.long.get(`/api/visits?householdId=${w.household.a}`)).body.total).toBe(1);
  });

  it('takes a village meeting with no household and an optional location', async () => {
    const res = await w.long.post('/api/visits', {
      kind: 'meeting',
      visitedOn: today,
      villageCode: JIJIU,
      discussed: '修路',
      location: { lat: 28.3, lng: 109.4 },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ households: [], villageCode: JIJIU, location: { lat: 28.3, lng: 109.4 } });
  });

  it('names the field that is wrong', async () => {
    expect(paths(await w.long.post('/api/visits', { visitedOn: today, householdIds: [w.household.a] }))).toEqual(['body.kind']);
    const future = await w.long.post('/api/visits', visitBody({ visitedOn: '2999-01-01' }));
    expect(future.status).toBe(400);
    expect(paths(future)).toEqual(['body.visitedOn']);
    expect(paths(await w.long.post('/api/visits', visitBody({ visitedOn: '2026-02-30' })))).toEqual(['body.visitedOn']);
    expect(paths(await w.long.post('/api/visits', visitBody({ householdIds: [newId()] })))).toEqual(['body.householdIds.0']);
    expect(paths(await w.long.post('/api/visits', visitBody({ householdIds: [] })))).toEqual(['body.householdIds']);
    expect(paths(await w.long.post('/api/visits', visitBody({ cadreIds: [w.cadre.shi] })))).toEqual(['body.cadreIds']);
    expect(paths(await w.long.post('/api/visits', visitBody({ location: { lat: 100, lng: 0 } })))).toEqual(['body.location.lat']);
  });

  it('refuses a household outside the scope (403) and hides visits from other townships (404)', async () => {
    expect((await w.long.post('/api/visits', visitBody({ householdIds: [w.household.maoer] }))).status).toBe(403);
    const mine = (await w.long.post('/api/visits', visitBody())).body;
    expect((await w.maoer.get(`/api/visits/${mine.id}`)).status).toBe(404);
    expect((await w.maoer.patch(`/api/visits/${mine.id}`, { version: 1, discussed: 'x' })).status).toBe(403);
  });

  it("refuses an id already taken by another township's visit, without showing it", async () => {
    const taken = newId();
    // 猫儿乡's own visit, put straight in (its cadres are not this story's).
    await t.database.db
      .insert(visits)
      .values({
        id: taken,
        regionCode: '433124206201',
        countyCode: '433124',
        kind: 'meeting',
        visitedOn: today,
        cadreIds: [w.cadre.long],
        villageCode: '433124206201',
      });
    const res = await w.long.post('/api/visits', visitBody({ id: taken }));
    expect(res.status).toBe(409);
    expect(paths(res)).toEqual(['body.id']);
    expect(JSON.stringify(res.body)).not.toContain('433124206201');
  });

  it('lets the township record a joint visit for two cadres', async () => {
    const res = await w.admin.post(
      '/api/visits',
      visitBody({ kind: 'farm_help', cadreIds: [w.cadre.long, w.cadre.shi], householdIds: [w.household.a, w.household.c] }),
    );
    expect(res.status).toBe(201);
    expect(res.body.cadres.map((c: { name: string }) => c.name)).toEqual(['龙文斌', '石金林']);
    expect((await w.shi.get(`/api/visits?mine=true`)).body.items.map((v: { id: string }) => v.id)).toContain(res.body.id);
  });

  it('names the recording cadre, a companion and the household in the answer', async () => {
    const res = await w.long.post('/api/visits', visitBody({ cadreIds: [w.cadre.long, w.cadre.shi] }));
    expect(res.status).toBe(201);
    expect(res.body.cadres.map((c: { name: string }) => c.name)).toEqual(['龙文斌', '石金林']);
    expect(res.body.households[0]).toMatchObject({ id: w.household.a, regionCode: expect.stringMatching(/^433124213/) });
    expect(res.body.households[0].headName).toBeTruthy();
    expect(res.body.regionName).toBeTruthy();
    // A cadre of another township is nobody this account may name.
    const elsewhere = await w.long.post('/api/visits', visitBody({ cadreIds: [w.cadre.long, newId()] }));
    expect(paths(elsewhere)).toEqual(['body.cadreIds.1']);
  });
});

describe('correcting and voiding', () => {
  it('corrects with the version read; a stale version answers 409 with the visit as it is', async () => {
    const v = (await w.long.post('/api/visits', visitBody())).body;
    const ok = await w.long.patch(`/api/visits/${v.id}`, { version: 1, life: '住房已修好' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ life: '住房已修好', version: 2 });
    const stale = await w.long.patch(`/api/visits/${v.id}`, { version: 1, life: '别的' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', current: { life: '住房已修好', version: 2 } });
    expect((await w.shi.patch(`/api/visits/${v.id}`, { version: 2, life: 'x' })).status).toBe(403);
    const voided = await w.long.patch(`/api/visits/${v.id}`, { version: 2, status: 'void' });
    expect(voided.body.status).toBe('void');
    expect((await w.long.get(`/api/visits?mine=true`)).body.items.map((x: { id: string }) => x.id)).not.toContain(v.id);
    expect(paths(await w.long.patch(`/api/visits/${v.id}`, { version: 3, status: 'deleted' }))).toEqual(['body.status']);
  });
});

describe('photos', () => {
  it('stores a photo without EXIF, with a thumbnail, readable in scope only', async () => {
    const v = (await w.long.post('/api/visits', visitBody())).body;
    const up = photoUpload(await phonePhoto());
    const res = await w.long.request({ method: 'POST', url: `/api/visits/${v.id}/photos`, payload: up.payload, headers: up.headers });
    expect(res.status).toBe(201);
    const photo = res.body.photos[0];
    expect(photo).toMatchObject({ contentType: 'image/jpeg', width: 800, height: 600 });
    const full = await w.long.get(photo.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(full.raw).metadata()).exif).toBeUndefined();
    const thumb = await w.long.get(photo.thumbUrl);
    expect((await sharp(thumb.raw).metadata()).width).toBe(320);
    expect((await w.maoer.get(photo.url)).status).toBe(404);
    await folderStorage(t.app.config.filesDir).remove(`visits/${v.id}`);
  });

  it('takes a phone-sized photo of several megabytes and refuses one over 10 MB (413)', async () => {
    const v = (await w.long.post('/api/visits', visitBody())).body;
    const noise = randomBytes(1600 * 1600 * 3);
    const big = await sharp(noise, { raw: { width: 1600, height: 1600, channels: 3 } })
      .jpeg({ quality: 100 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(2.5 * 1024 * 1024);
    const up = photoUpload(big);
    const res = await w.long.request({ method: 'POST', url: `/api/visits/${v.id}/photos`, payload: up.payload, headers: up.headers });
    expect(res.status).toBe(201);
    const huge = photoUpload(Buffer.concat([big, big, big, big]));
    const tooBig = await w.long.request({
      method: 'POST',
      url: `/api/visits/${v.id}/photos`,
      payload: huge.payload,
      headers: huge.headers,
    });
    expect(tooBig.status).toBe(413);
    expect(paths(tooBig)).toEqual(['body.file']);
    expect((await w.long.get(`/api/visits/${v.id}`)).body.photos).toHaveLength(1);
    await folderStorage(t.app.config.filesDir).remove(`visits/${v.id}`);
  });

  it('refuses what is not a photo, naming the file', async () => {
    const v = (await w.long.post('/api/visits', visitBody())).body;
    const up = photoUpload(Buffer.from('%PDF-1.4 pretending'), 'image/jpeg', 'x.jpg');
    const res = await w.long.request({ method: 'POST', url: `/api/visits/${v.id}/photos`, payload: up.payload, headers: up.headers });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['body.file']);
    expect((await w.long.get(`/api/visits/${v.id}`)).body.photos).toEqual([]);
    expect((await w.long.post(`/api/visits/${v.id}/photos`, { file: 'x' })).status).toBe(400);
  });
});

describe('the household confirms', () => {
  it('by the code texted to the household, read aloud to the cadre', async () => {
    const v = (await w.long.post('/api/visits', visitBody())).body;
    const req = await w.long.post(`/api/visits/${v.id}/confirmation`);
    expect(req.status).toBe(200);
    expect(req.body.codeSentTo).toBe('139****1234');
    expect(req.body.confirmUrl).toBe(`/confirm/${req.body.token}`);
    const code = /确认码 (\d{6})/.exec(texts.at(-1)!.text)![1]!;
    const wrong = await w.long.post(`/api/visits/${v.id}/confirm`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(paths(wrong)).toEqual(['body.code']);
    expect(paths(await w.long.post(`/api/visits/${v.id}/confirm`, { code: '12' }))).toEqual(['body.code']);
    const ok = await w.long.post(`/api/visits/${v.id}/confirm`, { code, confirmedByName: '麻老三' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ confirmed: true, confirmMethod: 'code', confirmedByName: '麻老三' });
    expect((await w.long.post(`/api/visits/${v.id}/confirm`, { code })).status).toBe(409);
    expect((await w.long.post(`/api/visits/${v.id}/confirmation`)).status).toBe(409);
    // Its day can no longer be moved.
    expect((await w.long.patch(`/api/visits/${v.id}`, { version: ok.body.version, visitedOn: '2025-01-02' })).status).toBe(409);
  });

  it('by scanning the QR code: a public page with no login, the token used once', async () => {
    const v = (await w.long.post('/api/visits', visitBody())).body;
    const { token } = (await w.long.post(`/api/visits/${v.id}/confirmation`)).body;
    const page = await t.anonymous.get(`/api/public/visit-confirmations/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ visitedOn: today, kindName: '入户走访', cadreNames: ['龙文斌'], confirmed: false });
    expect(JSON.stringify(page.body)).not.toContain('麻老三');
    const ok = await t.anonymous.post(`/api/public/visit-confirmations/${token}`, { confirmedByName: '麻小妹' });
    expect(ok.status).toBe(200);
    expect(ok.body.confirmed).toBe(true);
    expect((await t.anonymous.post(`/api/public/visit-confirmations/${token}`, {})).status).toBe(404);
    expect((await w.long.get(`/api/visits/${v.id}`)).body).toMatchObject({
      confirmed: true,
      confirmMethod: 'qr',
      confirmedByName: '麻小妹',
    });
    expect((await t.anonymous.get(`/api/public/visit-confirmations/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await t.anonymous.get('/api/public/visit-confirmations/short')).status).toBe(400);
  });
});

describe('record once, used everywhere', () => {
  it('shows the visit on the household timeline', async () => {
    const res = await w.admin.get(`/api/households/${w.household.c}/timeline`);
    expect(res.status).toBe(200);
    const visit = res.body.items.find((e: { kind: string }) => e.kind === 'visit');
    expect(visit).toMatchObject({ on: today, entityType: 'visit' });
    expect(visit.summary).toContain('龙文斌、石金林帮耕帮畜');
  });
});

describe('the visits register as a workbook', () => {
  it('exports the visits the list shows, in names and labels, the day a date cell; 猫儿乡 gets none of them', async () => {
    const listed = await w.admin.get(`/api/visits?householdId=${w.household.c}`);
    const res = await w.admin.get(`/api/exports/visits.xlsx?householdId=${w.household.c}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + listed.body.total);
    const header = sheet.getRow(1).values as unknown[];
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf('走访日期')).value).toEqual(new Date(`${listed.body.items[0].visitedOn}T00:00:00Z`));
    const first = listed.body.items[0] as { cadres: { name: string }[]; households: { headName: string }[] };
    expect(row.getCell(header.indexOf('干部')).value).toBe(first.cadres.map((c) => c.name).join('、'));
    expect(row.getCell(header.indexOf('农户（户主）')).value).toBe(first.households.map((h) => h.headName).join('、'));
    expect(String(row.getCell(header.indexOf('农户（户主）')).value)).toContain('田大山');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
    const other = await w.maoer.get(`/api/exports/visits.xlsx?householdId=${w.household.c}`);
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(other.raw as unknown as ArrayBuffer);
    expect(otherBook.worksheets[0]!.rowCount).toBe(1);
  });
});
