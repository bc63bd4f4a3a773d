import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/app.js';
import { fieldWorld, type FieldWorld } from '../visits/testing.js';

let t: TestContext;
let w: FieldWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await fieldWorld(t);
});
afterAll(() => t.close());

describe("a cadre and their own household's phone", () => {
  it('shows the page masked, names the contact cadre and lets the helper open the phones, audited as any full view', async () => {
    const page = await w.long.get(`/api/households/${w.household.a}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ phone: '139****1234', masked: true, helper: true, personalView: true });
    expect(page.body.helpers).toEqual([{ cadreId: w.cadre.long, name: '龙文斌', lead: true }]);
    const personal = await w.long.get(`/api/households/${w.household.a}/personal`);
    expect(personal.status).toBe(200);
    expect(personal.body.phone).toBe('13907431234');
    const head = personal.body.members.find((m: { name: string }) => m.name === '麻老三');
    expect(head.phone).toBe('13907435678');
    // The helper has no need of the ID number: it stays masked.
    expect(head.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const audit = await w.admin.get(`/api/audit?entityType=household&entityId=${w.household.a}&action=view_personal`);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'view_personal', entityId: w.household.a, actorName: 'long_wenbin' }),
    ]);
  });

  it('refuses the phones to a cadre who is not the household’s helper (403), shows the administrator everything', async () => {
    const other = await w.shi.get(`/api/households/${w.household.a}`);
    expect(other.body).toMatchObject({ helper: false, personalView: false });
    const refused = await w.shi.get(`/api/households/${w.household.a}/personal`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const admin = await w.admin.get(`/api/households/${w.household.a}/personal`);
    expect(admin.status).toBe(200);
    expect(admin.body.members.find((m: { name: string }) => m.name === '麻老三').idNumber).toMatch(/^\d{17}[\dX]$/);
  });
});
