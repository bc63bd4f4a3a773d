import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCHOU, createTestApp, type TestContext } from '../../../test/app.js';
import { newId } from '../../platform/ids.js';
import { updateEntryStatement } from '../diaries/repository.js';
import { insertVisitStatement } from '../visits/repository.js';
import { visits } from '../visits/tables.js';
import { auditedWrite } from './service.js';
import { auditLog } from './tables.js';

let t: TestContext;
const actor = { id: '', displayName: '龙书记' };
beforeAll(async () => {
  t = await createTestApp();
  actor.id = await t.createUser('longshuji', 'township_admin', BUCHOU);
});
afterAll(() => t.close());

const visitRow = (id: string) => ({
  id,
  regionCode: BUCHOU,
  countyCode: '433124',
  kind: 'home_visit' as const,
  visitedOn: '2026-11-02',
  cadreIds: [newId()],
  householdIds: [newId(), newId()],
  discussed: '养羊',
  recordedBy: actor.id,
});
const entriesFor = (id: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'visit'), eq(auditLog.entityId, id)));

describe('auditedWrite: a write and its audit entry in one statement', () => {
  it('writes both, and answers the row mapped as drizzle maps it', async () => {
    const id = newId();
    const row = visitRow(id);
    const [made] = await auditedWrite(t.database.db, visits, insertVisitStatement(t.database.db, row), actor, {
      action: 'create',
      entityType: 'visit',
      entityId: id,
      regionCode: BUCHOU,
      after: row,
    });
    const [read] = await t.database.db.select().from(visits).where(eq(visits.id, id));
    expect(made).toEqual(read);
    expect(made!.createdAt).toBeInstanceOf(Date);
    expect(made!.householdIds).toEqual(row.householdIds);
    expect(made!.visitedOn).toBe('2026-11-02');
    const logged = await entriesFor(id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ actorId: actor.id, actorName: '龙书记', action: 'create', regionCode: BUCHOU, before: null });
    expect(logged[0]!.after).toMatchObject({ discussed: '养羊', householdIds: row.householdIds });
  });

  it('logs nothing when the write returns nothing (a client id already used, a stale version)', async () => {
    const id = newId();
    const row = visitRow(id);
    const entry = { action: 'create', entityType: 'visit', entityId: id, regionCode: BUCHOU, after: row };
    await auditedWrite(t.database.db, visits, insertVisitStatement(t.database.db, row), actor, entry);
    const again = await auditedWrite(t.database.db, visits, insertVisitStatement(t.database.db, row), actor, entry);
    expect(again).toEqual([]);
    expect(await entriesFor(id)).toHaveLength(1);

    const stale = await auditedWrite(t.database.db, visits, updateEntryStatement(t.database.db, newId(), 1, { body: 'x' }), actor, {
      ...entry,
      action: 'update',
    });
    expect(stale).toEqual([]);
    expect(await entriesFor(id)).toHaveLength(1);
  });

  it('writes neither when the audit entry cannot be written', async () => {
    const id = newId();
    const row = visitRow(id);
    // entity_type is NOT NULL: the entry fails, and the visit must not be left without it.
    const broken = { action: 'create', entityType: null as unknown as string, entityId: id, regionCode: BUCHOU };
    await expect(auditedWrite(t.database.db, visits, insertVisitStatement(t.database.db, row), actor, broken)).rejects.toThrow();
    expect(await t.database.db.select().from(visits).where(eq(visits.id, id))).toEqual([]);
  });
});
