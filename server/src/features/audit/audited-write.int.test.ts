import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { insertVisitAudited, type NewVisit } from '../visits/repository.js';
import { visits } from '../visits/tables.js';
import { auditedStatement } from './audited-write.js';
import { auditLog } from './tables.js';

let t: TestContext;
const actor = { id: '', displayName: '龙书记' };
beforeAll(async () => {
  t = await createTestApp();
  actor.id = await t.createUser('longshuji', 'township_admin', BUCHOU);
});
afterAll(() => t.close());

const visitRow = (id: string): NewVisit => ({
  id,
  regionCode: BUCHOU,
  countyCode: '433124',
  kind: 'home_visit',
  visitedOn: '2026-11-02',
  cadreIds: [newId()],
  householdIds: [newId(), newId()],
  villageCode: null,
  discussed: '养羊',
  production: null,
  life: null,
  mood: '有信心',
  location: { lat: 28.1, lng: 109.2 },
  recordedBy: actor.id,
});
const create = (row: NewVisit) => ({ action: 'create', entityType: 'visit', entityId: row.id, regionCode: BUCHOU, after: row });
const entriesFor = (id: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'visit'), eq(auditLog.entityId, id)));

/** Void a visit if its version matches: an update written the same way. */
const voidVisit = auditedStatement<typeof visits, { id: string; version: number }>(visits, (db, p) =>
  db
    .update(visits)
    .set({ status: 'void' })
    .where(and(eq(visits.id, p.id), eq(visits.version, p.version)))
    .returning(),
);

describe('auditedStatement: a write and its audit entry in one prepared statement', () => {
  it('writes both, and answers the row mapped as drizzle maps it (each call with its own values)', async () => {
    for (const id of [newId(), newId()]) {
      const row = visitRow(id);
      const [made] = await insertVisitAudited(t.database.db, row, actor, create(row));
      const [read] = await t.database.db.select().from(visits).where(eq(visits.id, id));
      expect(made).toEqual(read);
      expect(made!.createdAt).toBeInstanceOf(Date);
      expect(made!.householdIds).toEqual(row.householdIds);
      expect(made!.location).toEqual({ lat: 28.1, lng: 109.2 });
      expect(made!.visitedOn).toBe('2026-11-02');
      const logged = await entriesFor(id);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ actorId: actor.id, actorName: '龙书记', action: 'create', regionCode: BUCHOU, before: null });
      expect(logged[0]!.after).toMatchObject({ discussed: '养羊', householdIds: row.householdIds });
    }
  });

  it('logs nothing when the write returns nothing (a client id already used, a stale version)', async () => {
    const row = visitRow(newId());
    await insertVisitAudited(t.database.db, row, actor, create(row));
    expect(await insertVisitAudited(t.database.db, row, actor, create(row))).toEqual([]);
    expect(await entriesFor(row.id)).toHaveLength(1);

    const voided = { action: 'void', entityType: 'visit', entityId: row.id, regionCode: BUCHOU };
    expect(await voidVisit(t.database.db, { id: row.id, version: 7 }, actor, voided)).toEqual([]);
    expect(await entriesFor(row.id)).toHaveLength(1);
    const [done] = await voidVisit(t.database.db, { id: row.id, version: 1 }, actor, voided);
    expect(done).toMatchObject({ id: row.id, status: 'void' });
    expect((await entriesFor(row.id)).map((e) => e.action)).toEqual(['create', 'void']);
  });

  it('writes neither when the audit entry cannot be written', async () => {
    const row = visitRow(newId());
    // entity_type is NOT NULL: the entry fails, and the visit must not be left without it.
    const broken = { ...create(row), entityType: null as unknown as string };
    await expect(insertVisitAudited(t.database.db, row, actor, broken)).rejects.toThrow();
    expect(await t.database.db.select().from(visits).where(eq(visits.id, row.id))).toEqual([]);
  });
});
