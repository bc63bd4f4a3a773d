/**
 * A role that sees ID numbers masked (433124********1234) must not be able to rebuild them from
 * what else it reads: the hidden eight digits are the birth date. This test plays the attacker:
 * it reads everything such a role can (the list, the household page, its members, the timeline,
 * the export), and for each member counts the ID numbers consistent with all of it. More than one
 * must remain for every member, and no full number may appear anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, JIJIU, createTestApp, type Client, type TestContext } from '../../../test/app.js';
import { checkIdNumber, withCheckChar } from '../../platform/personal-data.js';
import type { Role } from '../../platform/roles.js';
import { readBack } from '../imports/testing.js';
import { householdBody } from './fixtures.js';

let t: TestContext;
let clerk: Client;
const registered: { name: string; idNumber: string }[] = [];
const maskedRoles: [Role, string][] = [
  ['cadre', BUCHOU],
  ['branch_secretary', JIJIU],
  ['unit_head', BUCHOU],
  ['leader', BUCHOU],
];

const datePattern = /(?:19|20)\d\d-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])/g;

/** Every ID number of the mask's shape whose birth date is one of `dates` (or any day of `years`) and whose check character holds. */
function candidates(mask: string, dates: string[], years: number[]): Set<string> {
  const prefix = mask.slice(0, 6);
  const suffix = mask.slice(-4);
  const out = new Set<string>();
  const tryDate = (yyyymmdd: string) => {
    const id = `${prefix}${yyyymmdd}${suffix}`;
    if (withCheckChar(id.slice(0, 17)) === id && checkIdNumber(id).ok) out.add(id);
  };
  for (const d of dates) tryDate(d.replaceAll('-', ''));
  if (out.size === 0) {
    const span = years.length ? years : Array.from({ length: 2026 - 1900 + 1 }, (_, i) => 1900 + i);
    for (const y of span) for (let day = new Date(Date.UTC(y, 0, 1)); day.getUTCFullYear() === y; day = new Date(day.getTime() + 86_400_000)) tryDate(day.toISOString().slice(0, 10).replaceAll('-', ''));
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('rebuild_admin', 'township_admin', BUCHOU);
  clerk = await t.login('rebuild_admin');
  for (const head of ['石金林', '龙文斌', '吴老三']) {
    const body = householdBody(JIJIU, head);
    const res = await clerk.post('/api/households', body);
    expect(res.status).toBe(201);
    for (const m of body.members) registered.push({ name: m.name, idNumber: m.idNumber });
  }
  for (const [role, region] of maskedRoles) await t.createUser(`rebuild_${role}`, role, region);
});
afterAll(() => t.close());

describe.each(maskedRoles)('a %s (ID numbers masked)', (role) => {
  it('cannot rebuild any ID number from the list, the household page, the timeline and the export', async () => {
    const c = await t.login(`rebuild_${role}`);
    const list = await c.get(`/api/households?pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.masked).toBe(true);
    const pages = await Promise.all(list.body.items.map((h: { id: string }) => c.get(`/api/households/${h.id}`)));
    const timelines = await Promise.all(list.body.items.map((h: { id: string }) => c.get(`/api/households/${h.id}/timeline`)));
    const exported = await c.get('/api/exports/households.xlsx');
    expect(exported.status).toBe(200);
    const { rows } = await readBack(exported.raw);
    const header = rows[0]!.values.map(String);
    const col = (name: string) => header.indexOf(name);

    const everything = JSON.stringify([list.body, pages.map((p) => p.body), timelines.map((p) => p.body), rows.map((r) => r.values)]);
    for (const { name, idNumber } of registered) {
      expect(everything, `${name}'s full ID number is readable`).not.toContain(idNumber);
      // What is read about this person: their member record on the household page, their export row.
      const mask = `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
      const member = pages.flatMap((p) => p.body.members as { name: string; idNumber: string }[]).find((m) => m.name === name && m.idNumber === mask)!;
      const row = rows.find((r) => r.values[col('姓名')] === name && r.values[col('身份证号')] === mask)!;
      expect(member.idNumber).toMatch(/^433124\*{8}\d{3}[\dX]$/);
      const { createdAt: _c, updatedAt: _u, ...fields } = member as Record<string, unknown>;
      const about = JSON.stringify([fields, row.values]);
      const dates = [...about.matchAll(datePattern)].map((m) => m[0]);
      const years = [...new Set([...about.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0])))];
      const found = candidates(member.idNumber, dates, years);
      expect(found.has(idNumber), `${name}: the true number is among the candidates`).toBe(true);
      expect(found.size, `${name}'s ID number is rebuilt from what a ${role} reads`).toBeGreaterThan(10);
    }
  });
});

describe('what else would complete a mask', () => {
  it('shows a masked role the birth year only, and an administrator the date', async () => {
    const c = await t.login('rebuild_cadre');
    const list = await clerk.get('/api/households?pageSize=100');
    const id = list.body.items.find((h: { headName: string }) => h.headName === '石金林').id;
    const masked = (await c.get(`/api/households/${id}`)).body.members[0];
    const full = (await clerk.get(`/api/households/${id}`)).body.members[0];
    expect([masked.birthDate, masked.birthYear]).toEqual([null, 1965]);
    expect([full.birthDate, full.birthYear]).toEqual(['1965-03-12', 1965]);
  });
  it('refuses a birth date typed by a branch secretary against a masked ID number, right or wrong alike', async () => {
    const secretary = await t.login('rebuild_branch_secretary');
    const list = await clerk.get('/api/households?pageSize=100');
    const id = list.body.items.find((h: { headName: string }) => h.headName === '龙文斌').id;
    const member = (await secretary.get(`/api/households/${id}`)).body.members[0];
    for (const birthDate of ['1965-03-12', '1965-03-13']) {
      const res = await secretary.patch(`/api/members/${member.id}`, { version: member.version, birthDate });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([{ path: 'body.birthDate', message: '有身份证号的成员，出生日期按身份证号填写，不能单独修改' }]);
    }
    // The same change by the administrator (who sees the number) is checked against it as before.
    const own = await clerk.patch(`/api/members/${member.id}`, { version: member.version, birthDate: '1965-03-12' });
    expect(own.status).toBe(200);
  });
  it('audits every export, masked or not, with its filters and rows, in the exporter’s own region', async () => {
    const c = await t.login('rebuild_cadre');
    expect((await c.get(`/api/exports/households.xlsx?regionCode=${JIJIU}`)).status).toBe(200);
    expect((await clerk.get(`/api/exports/households.xlsx?regionCode=${JIJIU}`)).status).toBe(200);
    const masked = (await clerk.get('/api/audit?action=export_masked')).body.items.filter((e: { after: { filters: { regionCode?: string } } }) => e.after.filters.regionCode === JIJIU);
    expect(masked).toHaveLength(1);
    expect(masked[0]).toMatchObject({ actorName: 'rebuild_cadre', regionCode: BUCHOU, after: { filters: { regionCode: JIJIU }, rows: 12 } });
    const full = (await clerk.get('/api/audit?action=export_personal')).body.items.filter((e: { after: { filters: { regionCode?: string } } }) => e.after.filters.regionCode === JIJIU);
    expect(full).toHaveLength(1);
    expect(full[0]).toMatchObject({ actorName: 'rebuild_admin', regionCode: BUCHOU, after: { filters: { regionCode: JIJIU }, rows: 12 } });
  });
});
