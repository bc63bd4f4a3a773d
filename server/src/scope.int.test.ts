import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, MAOER, createTestApp, type Client, type Res, type TestContext } from '../test/app.js';
import { insertCadres } from './features/cadres/repository.js';
import { householdBody } from './features/households/fixtures.js';
import { householdHeader, householdRow, idNumber, multipart, readBack, xlsxOf } from './features/imports/testing.js';
import { newId } from './platform/ids.js';
import { folderStorage } from './platform/storage.js';
import { raise } from './features/notifications/repository.js';
import { phonePhoto, photoUpload } from './features/visits/testing.js';

/**
 * The scope rule, route by route: a township administrator of 补抽乡 reaching into 猫儿乡 gets
 * 404 on reads and 403 on writes. The table must name every route the API has, so a new route
 * without a scope case fails here.
 */
let t: TestContext;
let buchou: Client;
/** 猫儿乡's own administrator: the owner whose same request must succeed. */
let maoerOwner: Client;
const other: Record<string, string> = {};
/** A households sheet naming a village of 猫儿乡. */
let maoerSheet: Buffer;

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('buchou_admin', 'township_admin', BUCHOU);
  await t.createUser('maoer_admin', 'township_admin', MAOER);
  other.userId = await t.createUser('maoer_cadre', 'cadre', '433124206201');
  buchou = await t.login('buchou_admin');
  const maoer = await t.login('maoer_admin');
  maoerOwner = maoer;
  const group = await maoer.post('/api/regions', { parentCode: '433124206201', name: '一组' });
  other.groupCode = group.body.code;
  other.unitId = (await maoer.post('/api/units', { name: '猫儿乡人民政府', regionCode: MAOER })).body.id;
  other.branchId = (await maoer.post('/api/branches', { name: '猫儿村党支部', regionCode: '433124206201' })).body.id;
  other.cadreId = newId();
  await insertCadres(t.database.db, [
    { id: other.cadreId, name: '田猫儿', rank: 'village', regionCode: '433124206201', countyCode: '433124', branchId: other.branchId },
  ]);
  const household = (await maoer.post('/api/households', householdBody('433124206201', '田猫儿'))).body;
  other.householdId = household.id;
  other.memberId = household.members[1].id;
  other.catalogId = (await maoer.post('/api/households/catalog', { kind: 'category', nameZh: '茶叶种植户' })).body.id;
  other.formId = (await maoer.post('/api/surveys/forms', { fromTemplate: 'poor_household_2013' })).body.id;
  maoerSheet = await xlsxOf(householdHeader, [householdRow({ village: '团结村', headName: '石猫', relation: '户主', name: '石猫', idNumber: idNumber('19800101', 40) })]);
  const upload = multipart(maoerSheet, '猫儿乡.xlsx', { kind: 'households' });
  other.importId = (await maoer.request({ method: 'POST', url: '/api/imports', payload: upload.payload, headers: upload.headers })).body.id;
  expect((await maoer.post(`/api/imports/${other.importId}/apply`, { mode: 'all_or_nothing' })).status).toBe(200);
  // Programmes and pairings: 猫儿乡's own, and two county cadres both townships see (one helps a 猫儿乡 household).
  other.programmeId = (await maoer.post('/api/programmes', { fromTemplate: 'lian-hu-dai-chuang', regionCode: MAOER, startOn: '2025-01-01' })).body.id;
  other.roundId = (await maoer.post(`/api/programmes/${other.programmeId}/rounds`, { no: 1, name: '第一轮', startOn: '2025-01-01', endOn: '2025-07-01' })).body.rounds[0].id;
  other.participantId = (await maoer.post(`/api/programmes/${other.programmeId}/participants`, { subjects: [{ kind: 'cadre', id: other.cadreId }] })).body.items[0].id;
  other.countyCadreId = newId();
  other.countyCadre2Id = newId();
  await insertCadres(t.database.db, [
    { id: other.countyCadreId, name: '彭县长', rank: 'county_leader', regionCode: '433124000000', countyCode: '433124' },
    { id: other.countyCadre2Id, name: '吴副县长', rank: 'county_leader', regionCode: '433124000000', countyCode: '433124' },
  ]);
  const pairing = { role: 'one_to_one', helperKind: 'cadre', helperId: other.countyCadreId, targetKind: 'household', targetId: other.householdId, startOn: '2025-01-01' };
  other.pairingId = (await maoer.post('/api/pairings', pairing)).body.id;
  // Field work of 猫儿乡: a cadre with an account, a visit with a photo, a submitted diary entry, a quarterly sample, a notification.
  other.fieldCadreId = newId();
  await insertCadres(t.database.db, [{ id: other.fieldCadreId, name: '田秀英', rank: 'village', regionCode: '433124206201', countyCode: '433124', userId: other.userId }]);
  const maoerCadre = await t.login('maoer_cadre');
  other.visitId = (await maoerCadre.post('/api/visits', { kind: 'home_visit', visitedOn: '2025-03-01', householdIds: [other.householdId] })).body.id;
  const photo = photoUpload(await phonePhoto());
  photoBody = photoUpload(await phonePhoto());
  other.photoId = (await maoerCadre.request({ method: 'POST', url: `/api/visits/${other.visitId}/photos`, payload: photo.payload, headers: photo.headers })).body.photos[0].id;
  const entry = (await maoerCadre.post('/api/diary-entries', { month: '2025-03', body: '<p>走访田猫儿家，了解今年的生产情况。</p>' })).body;
  other.entryId = entry.id;
  expect((await maoerCadre.post(`/api/diary-entries/${entry.id}/submit`, { version: entry.version })).status).toBe(200);
  other.sampleId = (await maoer.post('/api/diary-samples', { quarter: '2025-Q1' })).body.id;
  const notice = { id: newId(), userId: other.userId, regionCode: '433124206201', countyCode: '433124', kind: 'diary_due' as const, subjectType: 'cadre', subjectId: other.fieldCadreId, dueOn: '2025-03-31' };
  other.notificationId = (await raise(t.database.db, [notice]))[0]!.id;
});
afterAll(async () => {
  const storage = folderStorage(t.app.config.filesDir);
  for (const r of (await buchou.get('/api/imports')).body.items ?? []) await storage.remove(`imports/${r.id}`);
  await storage.remove(`imports/${other.importId}`);
  await storage.remove(`visits/${other.visitId}`);
  await t.close();
});

type Case = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  route: string;
  url: () => string;
  body?: () => unknown;
  headers?: () => Record<string, string>;
  expect: number | 'empty' | 'self';
  /** The exact error code when it is not the usual one (404 not_found, 403 out_of_scope). */
  code?: string;
  /** A read refused with 404 is proven by 猫儿乡's administrator reading it (2xx); false where the owner is someone else. */
  ownerReads?: false;
  /** More to check on the answer (downloads: nothing of 猫儿乡 inside). */
  check?: (res: Res) => Promise<void>;
};

/** The first sheet of a downloaded workbook, and a named one. */
const sheetRows = async (res: Res) => (await readBack(res.raw)).rows.map((r) => r.values);
const optionList = async (res: Res, header: string) => {
  const options = (await readBack(res.raw)).workbook.getWorksheet('选项')!;
  const col = (options.getRow(1).values as unknown[]).indexOf(header);
  return col < 0 ? [] : options.getColumn(col).values.filter(Boolean);
};
let uploadBody: ReturnType<typeof multipart> | null = null;
const upload = () => (uploadBody ??= multipart(maoerSheet, '猫儿乡.xlsx', { kind: 'households' }));
/** A photo to post to 猫儿乡's visit, made before the cases run. */
let photoBody: ReturnType<typeof photoUpload> | null = null;

const cases: Case[] = [
  { method: 'GET', route: '/api/regions/{code}', url: () => `/api/regions/${MAOER}`, expect: 404 },
  { method: 'GET', route: '/api/regions/{code}/children', url: () => `/api/regions/${MAOER}/children`, expect: 404 },
  { method: 'GET', route: '/api/regions', url: () => `/api/regions?under=${MAOER}`, expect: 'empty' },
  { method: 'GET', route: '/api/regions/roots', url: () => '/api/regions/roots', expect: 'self' },
  { method: 'POST', route: '/api/regions', url: () => '/api/regions', body: () => ({ parentCode: '433124206201', name: '二组' }), expect: 403 },
  { method: 'PATCH', route: '/api/regions/{code}', url: () => `/api/regions/${other.groupCode}`, body: () => ({ version: 1, name: '改名' }), expect: 403 },
  { method: 'GET', route: '/api/regions/{code}/history', url: () => `/api/regions/${MAOER}/history`, expect: 404 },
  { method: 'POST', route: '/api/regions/historic', url: () => '/api/regions/historic', body: () => ({ parentCode: MAOER, name: '旧村', validTo: '2016-01-01' }), expect: 403 },
  { method: 'POST', route: '/api/regions/events', url: () => '/api/regions/events', body: () => ({ kind: 'merge', on: '2016-01-01', predecessorCodes: ['433124206201'], successorCodes: ['433124206202'] }), expect: 403 },
  { method: 'POST', route: '/api/regions/{code}/rename', url: () => `/api/regions/${MAOER}/rename`, body: () => ({ version: 1, on: '1984-01-01', oldName: '猫儿公社' }), expect: 403 },
  // Loading national divisions is for system and county administrators (a county's own only).
  // loading divisions is the county's and the system administrator's: a township administrator's role may not
  { method: 'GET', route: '/api/regions/divisions', url: () => '/api/regions/divisions', expect: 403, code: 'forbidden' },
  { method: 'POST', route: '/api/regions/load', url: () => '/api/regions/load', body: () => ({ code: '433124' }), expect: 403, code: 'forbidden' },
  { method: 'GET', route: '/api/users', url: () => `/api/users?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'GET', route: '/api/users/{id}', url: () => `/api/users/${other.userId}`, expect: 404 },
  { method: 'POST', route: '/api/users', url: () => '/api/users', body: () => ({ username: 'intruder', displayName: 'x', role: 'cadre', regionCode: '433124206201', password: 'abc-12345' }), expect: 403 },
  { method: 'PATCH', route: '/api/users/{id}', url: () => `/api/users/${other.userId}`, body: () => ({ version: 1, displayName: 'x' }), expect: 403 },
  { method: 'POST', route: '/api/users/{id}/status', url: () => `/api/users/${other.userId}/status`, body: () => ({ version: 1, status: 'disabled' }), expect: 403 },
  { method: 'POST', route: '/api/users/{id}/password', url: () => `/api/users/${other.userId}/password`, body: () => ({ newPassword: 'abc-12345' }), expect: 403 },
  { method: 'GET', route: '/api/units', url: () => `/api/units?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'GET', route: '/api/units/{id}', url: () => `/api/units/${other.unitId}`, expect: 404 },
  { method: 'POST', route: '/api/units', url: () => '/api/units', body: () => ({ name: '猫儿乡卫生院', regionCode: MAOER }), expect: 403 },
  { method: 'PATCH', route: '/api/units/{id}', url: () => `/api/units/${other.unitId}`, body: () => ({ version: 1, name: '改名' }), expect: 403 },
  { method: 'GET', route: '/api/branches', url: () => `/api/branches?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'GET', route: '/api/branches/{id}', url: () => `/api/branches/${other.branchId}`, expect: 404 },
  { method: 'POST', route: '/api/branches', url: () => '/api/branches', body: () => ({ name: '猫儿村第二党支部', regionCode: '433124206201' }), expect: 403 },
  { method: 'GET', route: '/api/cadres', url: () => `/api/cadres?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'POST', route: '/api/cadres', url: () => '/api/cadres', body: () => ({ name: '田小猫', rank: 'village', regionCode: '433124206201' }), expect: 403 },
  { method: 'GET', route: '/api/cadres/{id}', url: () => `/api/cadres/${other.cadreId}`, expect: 404 },
  { method: 'PATCH', route: '/api/cadres/{id}', url: () => `/api/cadres/${other.cadreId}`, body: () => ({ version: 1, title: '村主任' }), expect: 403 },
  { method: 'GET', route: '/api/audit', url: () => `/api/audit?entityId=${other.groupCode}`, expect: 'empty' },
  { method: 'GET', route: '/api/households/catalog', url: () => `/api/households/catalog?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'POST', route: '/api/households/catalog', url: () => '/api/households/catalog', body: () => ({ kind: 'category', nameZh: '茶农', regionCode: MAOER }), expect: 403 },
  { method: 'GET', route: '/api/households', url: () => `/api/households?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'POST', route: '/api/households', url: () => '/api/households', body: () => householdBody('433124206201', '田猫二'), expect: 403 },
  { method: 'GET', route: '/api/households/{id}', url: () => `/api/households/${other.householdId}`, expect: 404 },
  { method: 'PATCH', route: '/api/households/{id}', url: () => `/api/households/${other.householdId}`, body: () => ({ version: 1, address: '改地址' }), expect: 403 },
  { method: 'GET', route: '/api/households/{id}/personal', url: () => `/api/households/${other.householdId}/personal`, expect: 404 },
  { method: 'POST', route: '/api/households/{id}/status', url: () => `/api/households/${other.householdId}/status`, body: () => ({ version: 1, status: 'dissolved', on: '2025-01-01' }), expect: 403 },
  { method: 'POST', route: '/api/households/{id}/members', url: () => `/api/households/${other.householdId}/members`, body: () => ({ name: '田小猫', relation: 'son' }), expect: 403 },
  { method: 'PATCH', route: '/api/members/{id}', url: () => `/api/members/${other.memberId}`, body: () => ({ version: 1, name: '改名字' }), expect: 403 },
  { method: 'POST', route: '/api/members/{id}/status', url: () => `/api/members/${other.memberId}/status`, body: () => ({ version: 1, status: 'left', on: '2025-01-01' }), expect: 403 },
  { method: 'GET', route: '/api/households/{id}/incomes', url: () => `/api/households/${other.householdId}/incomes`, expect: 404 },
  { method: 'PUT', route: '/api/households/{id}/incomes/{year}', url: () => `/api/households/${other.householdId}/incomes/2025`, body: () => ({ items: [{ kind: 'income', category: 'wages', amountFen: 100 }] }), expect: 403 },
  { method: 'GET', route: '/api/households/{id}/timeline', url: () => `/api/households/${other.householdId}/timeline`, expect: 404 },
  // Built-in templates belong to no region: everyone signed in reads them.
  { method: 'GET', route: '/api/surveys/templates', url: () => '/api/surveys/templates', expect: 200 },
  { method: 'GET', route: '/api/surveys/forms', url: () => `/api/surveys/forms?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'POST', route: '/api/surveys/forms', url: () => '/api/surveys/forms', body: () => ({ fromTemplate: 'poor_household_2013', regionCode: MAOER }), expect: 403 },
  { method: 'GET', route: '/api/surveys/forms/{id}', url: () => `/api/surveys/forms/${other.formId}`, expect: 404 },
  { method: 'PUT', route: '/api/surveys/forms/{id}', url: () => `/api/surveys/forms/${other.formId}`, body: () => ({ version: 1, name: '改名' }), expect: 403 },
  { method: 'GET', route: '/api/households/{id}/surveys', url: () => `/api/households/${other.householdId}/surveys`, expect: 404 },
  { method: 'GET', route: '/api/imports', url: () => '/api/imports', expect: 'empty' },
  { method: 'GET', route: '/api/imports/templates/households.xlsx', url: () => '/api/imports/templates/households.xlsx', expect: 200, check: async (res) => expect(await optionList(res, '村')).not.toContain('团结村') },
  { method: 'GET', route: '/api/imports/templates/cadres.xlsx', url: () => '/api/imports/templates/cadres.xlsx', expect: 200, check: async (res) => expect(await optionList(res, '单位')).not.toContain('猫儿乡人民政府') },
  {
    method: 'GET',
    route: '/api/imports/templates/pairings.xlsx',
    url: () => '/api/imports/templates/pairings.xlsx',
    expect: 200,
    check: async (res) => {
      expect(await optionList(res, '活动')).not.toContain('联户带创'); // 猫儿乡's programme
      expect(await optionList(res, '乡镇')).not.toContain('猫儿乡');
    },
  },
  // A file naming 猫儿乡's village is checked, and that row refused.
  { method: 'POST', route: '/api/imports', url: () => '/api/imports', body: () => upload().payload, headers: () => upload().headers, expect: 201, check: async (res) => expect(res.body).toMatchObject({ errorRows: 1, summary: { rowsToImport: 0 } }) },
  { method: 'GET', route: '/api/imports/{id}', url: () => `/api/imports/${other.importId}`, expect: 404 },
  // 猫儿乡's import had no bad rows, so no report: the owner's control is GET /api/imports/{id}.
  { method: 'GET', route: '/api/imports/{id}/report.xlsx', url: () => `/api/imports/${other.importId}/report.xlsx`, expect: 404, ownerReads: false },
  { method: 'POST', route: '/api/imports/{id}/apply', url: () => `/api/imports/${other.importId}/apply`, body: () => ({ mode: 'valid_rows' }), expect: 403 },
  { method: 'GET', route: '/api/exports/households.xlsx', url: () => `/api/exports/households.xlsx?regionCode=${MAOER}`, expect: 200, check: async (res) => expect(await sheetRows(res)).toHaveLength(1) },
  { method: 'GET', route: '/api/exports/cadres.xlsx', url: () => `/api/exports/cadres.xlsx?regionCode=${MAOER}`, expect: 200, check: async (res) => expect(await sheetRows(res)).toHaveLength(1) },
  // the registers are their lists: 猫儿乡's pairings, visits and diary entries are not in 补抽乡's files (the header row only)
  { method: 'GET', route: '/api/exports/pairings.xlsx', url: () => `/api/exports/pairings.xlsx?regionCode=${MAOER}`, expect: 200, check: async (res) => expect(await sheetRows(res)).toHaveLength(1) },
  { method: 'GET', route: '/api/exports/visits.xlsx', url: () => `/api/exports/visits.xlsx?householdId=${other.householdId}`, expect: 200, check: async (res) => expect(await sheetRows(res)).toHaveLength(1) },
  { method: 'GET', route: '/api/exports/diary-entries.xlsx', url: () => `/api/exports/diary-entries.xlsx?cadreId=${other.fieldCadreId}`, expect: 200, check: async (res) => expect(await sheetRows(res)).toHaveLength(1) },
  { method: 'PUT', route: '/api/households/{id}/surveys/{formId}/{year}', url: () => `/api/households/${other.householdId}/surveys/${other.formId}/2025`, body: () => ({ answers: {} }), expect: 403 },
  // Built-in programme templates belong to no region.
  { method: 'GET', route: '/api/programmes/templates', url: () => '/api/programmes/templates', expect: 200 },
  { method: 'GET', route: '/api/programmes', url: () => `/api/programmes?regionCode=${MAOER}`, expect: 'empty' },
  { method: 'POST', route: '/api/programmes', url: () => '/api/programmes', body: () => ({ fromTemplate: 'lian-hu-dai-chuang', regionCode: MAOER }), expect: 403 },
  { method: 'GET', route: '/api/programmes/{id}', url: () => `/api/programmes/${other.programmeId}`, expect: 404 },
  { method: 'PATCH', route: '/api/programmes/{id}', url: () => `/api/programmes/${other.programmeId}`, body: () => ({ version: 1, name: '改名字' }), expect: 403 },
  { method: 'POST', route: '/api/programmes/{id}/rounds', url: () => `/api/programmes/${other.programmeId}/rounds`, body: () => ({ no: 2, name: '第二轮', startOn: '2025-08-01', endOn: '2025-12-01' }), expect: 403 },
  { method: 'PATCH', route: '/api/programme-rounds/{id}', url: () => `/api/programme-rounds/${other.roundId}`, body: () => ({ version: 1, name: '改' }), expect: 403 },
  { method: 'GET', route: '/api/programmes/{id}/participants', url: () => `/api/programmes/${other.programmeId}/participants`, expect: 404 },
  { method: 'POST', route: '/api/programmes/{id}/participants', url: () => `/api/programmes/${other.programmeId}/participants`, body: () => ({ select: { kind: 'cadre' } }), expect: 404 },
  { method: 'PATCH', route: '/api/programme-participants/{id}', url: () => `/api/programme-participants/${other.participantId}`, body: () => ({ version: 1, capacity: 1 }), expect: 403 },
  { method: 'POST', route: '/api/programme-participants/{id}/leave', url: () => `/api/programme-participants/${other.participantId}/leave`, body: () => ({ version: 1, on: '2030-01-01' }), expect: 403 },
  { method: 'GET', route: '/api/programmes/{id}/check', url: () => `/api/programmes/${other.programmeId}/check`, expect: 404 },
  { method: 'GET', route: '/api/programmes/{id}/check.xlsx', url: () => `/api/programmes/${other.programmeId}/check.xlsx`, expect: 404 },
  { method: 'GET', route: '/api/programmes/{id}/proposals', url: () => `/api/programmes/${other.programmeId}/proposals`, expect: 404 },
  {
    method: 'POST',
    route: '/api/programmes/{id}/proposals/accept',
    url: () => `/api/programmes/${other.programmeId}/proposals/accept`,
    body: () => ({ items: [{ id: newId(), role: 'one_to_one', helperKind: 'cadre', helperId: other.cadreId, targetKind: 'household', targetId: other.householdId, lead: true, roundNo: null, startOn: '2025-02-01' }] }),
    expect: 404,
  },
  { method: 'GET', route: '/api/pairings', url: () => `/api/pairings?regionCode=${MAOER}`, expect: 'empty' },
  {
    method: 'POST',
    route: '/api/pairings',
    url: () => '/api/pairings',
    body: () => ({ role: 'one_to_one', helperKind: 'cadre', helperId: other.countyCadre2Id, targetKind: 'household', targetId: other.householdId, startOn: '2025-01-01' }),
    expect: 403,
  },
  { method: 'GET', route: '/api/pairings/{id}', url: () => `/api/pairings/${other.pairingId}`, expect: 404 },
  { method: 'POST', route: '/api/pairings/{id}/end', url: () => `/api/pairings/${other.pairingId}/end`, body: () => ({ version: 1, on: '2025-06-01', reason: 'other' }), expect: 403 },
  {
    method: 'POST',
    route: '/api/pairings/handover',
    url: () => '/api/pairings/handover',
    body: () => ({ on: '2025-06-01', note: '轮换', moves: [{ fromCadreId: other.countyCadreId, toCadreId: other.countyCadre2Id }] }),
    expect: 403,
  },
  { method: 'GET', route: '/api/households/{id}/helpers', url: () => `/api/households/${other.householdId}/helpers`, expect: 404 },
  // "Mine" is the signed-in user's linked cadre: the 补抽乡 administrator has none, so nothing of 猫儿乡's.
  { method: 'GET', route: '/api/me/households', url: () => '/api/me/households', expect: 'empty' },
  { method: 'GET', route: '/api/me/villages', url: () => '/api/me/villages', expect: 200, check: async (res) => expect(res.body.items).toEqual([]) },
  // Field work: visits, photos, confirmation, diary entries, reviews, samples, work lists, notifications.
  { method: 'POST', route: '/api/visits', url: () => '/api/visits', body: () => ({ kind: 'home_visit', visitedOn: '2025-03-02', householdIds: [other.householdId], cadreIds: [other.fieldCadreId] }), expect: 403 },
  { method: 'GET', route: '/api/visits', url: () => `/api/visits?householdId=${other.householdId}`, expect: 'empty' },
  { method: 'GET', route: '/api/visits/{id}', url: () => `/api/visits/${other.visitId}`, expect: 404 },
  { method: 'PATCH', route: '/api/visits/{id}', url: () => `/api/visits/${other.visitId}`, body: () => ({ version: 1, discussed: '改' }), expect: 403 },
  { method: 'POST', route: '/api/visits/{id}/photos', url: () => `/api/visits/${other.visitId}/photos`, body: () => photoBody!.payload, headers: () => photoBody!.headers, expect: 403 },
  { method: 'GET', route: '/api/visits/{id}/photos/{photoId}', url: () => `/api/visits/${other.visitId}/photos/${other.photoId}`, expect: 404 },
  { method: 'POST', route: '/api/visits/{id}/confirmation', url: () => `/api/visits/${other.visitId}/confirmation`, expect: 403 },
  { method: 'POST', route: '/api/visits/{id}/confirm', url: () => `/api/visits/${other.visitId}/confirm`, body: () => ({ code: '123456' }), expect: 403 },
  // Public by design (no login): a token that is not one answers 404; the diary page shows published entries only.
  // No token is real here: the public page's refusal is its own test (visits).
  { method: 'GET', route: '/api/public/visit-confirmations/{token}', url: () => `/api/public/visit-confirmations/${'t'.repeat(43)}`, expect: 404, ownerReads: false },
  { method: 'POST', route: '/api/public/visit-confirmations/{token}', url: () => `/api/public/visit-confirmations/${'t'.repeat(43)}`, body: () => ({}), expect: 404 },
  { method: 'GET', route: '/api/public/diary', url: () => `/api/public/diary?regionCode=${MAOER}`, expect: 'empty' },
  // The entry is submitted, not published: nobody reads it publicly.
  { method: 'GET', route: '/api/public/diary/{id}', url: () => `/api/public/diary/${other.entryId}`, expect: 404, ownerReads: false },
  // The 补抽乡 administrator is no cadre: diaries are written by cadres.
  { method: 'POST', route: '/api/diary-entries', url: () => '/api/diary-entries', body: () => ({ month: '2025-03' }), expect: 403, code: 'forbidden' },
  { method: 'GET', route: '/api/diary-entries', url: () => `/api/diary-entries?cadreId=${other.fieldCadreId}`, expect: 'empty' },
  { method: 'GET', route: '/api/diary-entries/{id}', url: () => `/api/diary-entries/${other.entryId}`, expect: 404 },
  { method: 'PATCH', route: '/api/diary-entries/{id}', url: () => `/api/diary-entries/${other.entryId}`, body: () => ({ version: 2, body: '<p>改</p>' }), expect: 403 },
  { method: 'POST', route: '/api/diary-entries/{id}/submit', url: () => `/api/diary-entries/${other.entryId}/submit`, body: () => ({ version: 2 }), expect: 403 },
  { method: 'POST', route: '/api/diary-entries/{id}/publish', url: () => `/api/diary-entries/${other.entryId}/publish`, body: () => ({ version: 2 }), expect: 403 },
  { method: 'POST', route: '/api/diary-entries/{id}/reviews', url: () => `/api/diary-entries/${other.entryId}/reviews`, body: () => ({ version: 2, action: 'accept' }), expect: 403 },
  { method: 'GET', route: '/api/diary-entries/{id}/reviews', url: () => `/api/diary-entries/${other.entryId}/reviews`, expect: 404 },
  { method: 'POST', route: '/api/diary-samples', url: () => '/api/diary-samples', body: () => ({ quarter: '2025-Q1', regionCode: MAOER }), expect: 403 },
  { method: 'GET', route: '/api/diary-samples', url: () => '/api/diary-samples?quarter=2025-Q1', expect: 'empty' },
  { method: 'GET', route: '/api/diary-samples/{id}', url: () => `/api/diary-samples/${other.sampleId}`, expect: 404 },
  { method: 'GET', route: '/api/worklists/cadre', url: () => `/api/worklists/cadre?cadreId=${other.fieldCadreId}`, expect: 404 },
  { method: 'GET', route: '/api/worklists/reviewer', url: () => '/api/worklists/reviewer', expect: 200, check: async (res) => expect(res.body.awaiting).toEqual([]) },
  { method: 'GET', route: '/api/worklists/admin', url: () => `/api/worklists/admin?regionCode=${MAOER}`, expect: 404 },
  { method: 'GET', route: '/api/worklists/admin.xlsx', url: () => `/api/worklists/admin.xlsx?regionCode=${MAOER}`, expect: 404 },
  // Notifications are the user's own: someone else's does not exist.
  { method: 'GET', route: '/api/notifications', url: () => '/api/notifications', expect: 'empty' },
  { method: 'POST', route: '/api/notifications/{id}/read', url: () => `/api/notifications/${other.notificationId}/read`, expect: 404 },
];

// Routes with no region-owned target: the session itself, and public system routes (method and path:
// a new method on one of these paths needs a case).
const notRegionOwned = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me', 'PATCH /api/auth/me', 'POST /api/auth/password'];
/** Routes that answer without a session. */
const publicRoutes = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout'];
const isPublic = (r: string) => publicRoutes.includes(r) || r.split(' ')[1]!.startsWith('/api/public/');
/** A route template (/api/households/{id}) as a pattern its case's URL must match. */
const routePattern = (route: string) => new RegExp(`^${route.replace(/\{[^}]+\}/g, '[^/?]+').replace(/\./g, '\\.')}(\\?.*)?$`);

describe('the owner’s control: 猫儿乡’s administrator reads what 补抽乡’s is refused', () => {
  for (const c of cases.filter((x) => x.method === 'GET' && x.expect === 404 && x.ownerReads !== false)) {
    it(`GET ${c.route} → 2xx for the owner`, async () => {
      const res = await maoerOwner.request({ method: 'GET', url: c.url() });
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
    });
  }
});

describe('a 补抽乡 administrator reaching into 猫儿乡', () => {
  it('has a scope case for every route of the API', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const covered = new Set(cases.map((c) => `${c.method} ${c.route}`));
    const missing = routes.filter((r) => !covered.has(r) && !notRegionOwned.includes(r));
    expect(missing).toEqual([]);
  });

  it('has each case’s URL on the route it names', () => {
    const astray = cases.filter((c) => !routePattern(c.route).test(c.url())).map((c) => `${c.method} ${c.route}: ${c.url()}`);
    expect(astray).toEqual([]);
  });

  it('answers 401 on every route but the public ones without a session, whatever the input', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const answers: string[] = [];
    for (const r of routes.filter((x) => !isPublic(x))) {
      const [method, path] = r.split(' ') as [string, string];
      const res = await t.anonymous.request({ method: method as 'GET', url: path.replace(/\{[^}]+\}/g, newId()), payload: method === 'GET' ? undefined : {} });
      if (res.status !== 401 || res.body.error?.code !== 'unauthenticated') answers.push(`${r} → ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.method} ${c.route} → ${c.expect}`, async () => {
      const res = await buchou.request({ method: c.method, url: c.url(), payload: c.body?.() as never, headers: c.headers?.() });
      if (c.expect === 'empty') {
        expect(res.status).toBe(200);
        expect(res.body.total).toBe(0);
      } else if (c.expect === 'self') {
        expect(res.body.items.map((r: { code: string }) => r.code)).toEqual([BUCHOU]);
      } else {
        expect(res.status).toBe(c.expect);
        const code = c.code ?? (c.expect === 404 ? 'not_found' : c.expect === 403 ? 'out_of_scope' : undefined);
        if (code) expect(res.body.error?.code).toBe(code);
      }
      await c.check?.(res);
    });
  }
});
