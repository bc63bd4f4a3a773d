import { and, asc, count, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionOrAboveWhere, significantPrefix, type Scope } from '../../platform/scope.js';
import { regions } from '../regions/tables.js';
import { surveyAnswers, surveyFormVersions, surveyForms } from './tables.js';

export type FormRow = typeof surveyForms.$inferSelect;

const formColumns = {
  id: surveyForms.id,
  name: surveyForms.name,
  status: surveyForms.status,
  regionCode: surveyForms.regionCode,
  regionName: regions.name,
  countyCode: surveyForms.countyCode,
  currentVersion: surveyForms.currentVersion,
  version: surveyForms.version,
  createdAt: surveyForms.createdAt,
  updatedAt: surveyForms.updatedAt,
};

const currentSections = surveyFormVersions.sections;
const currentJoin = and(eq(surveyFormVersions.formId, surveyForms.id), eq(surveyFormVersions.formVersion, surveyForms.currentVersion));

export interface FormFilter {
  status?: FormRow['status'];
  regionCode?: string;
  page: number;
  pageSize: number;
}

/** Forms a scope reads: its own and those of the regions above it (the county's form serves its townships). */
export async function listForms(db: Executor, scope: Scope, f: FormFilter) {
  const conds: SQL[] = [regionOrAboveWhere(surveyForms.regionCode, scope)];
  if (f.status) conds.push(eq(surveyForms.status, f.status));
  if (f.regionCode) conds.push(like(surveyForms.regionCode, significantPrefix(f.regionCode) + '%'));
  const where = and(...conds);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select({ ...formColumns, sections: currentSections })
      .from(surveyForms)
      .leftJoin(regions, eq(regions.code, surveyForms.regionCode))
      .leftJoin(surveyFormVersions, currentJoin)
      .where(where)
      .orderBy(asc(surveyForms.regionCode), asc(surveyForms.name), asc(surveyForms.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(surveyForms).where(where),
  ]);
  return { items, total };
}

export async function getForm(db: Executor, scope: Scope, id: string) {
  const rows = await db
    .select(formColumns)
    .from(surveyForms)
    .leftJoin(regions, eq(regions.code, surveyForms.regionCode))
    .where(and(eq(surveyForms.id, id), regionOrAboveWhere(surveyForms.regionCode, scope)))
    .limit(1);
  return rows[0] ?? null;
}

/** Unscoped: only to tell an out-of-scope write (403) from a missing row (404), and a taken id. */
export async function formExists(db: Executor, id: string): Promise<boolean> {
  const rows = await db.select({ id: surveyForms.id }).from(surveyForms).where(eq(surveyForms.id, id)).limit(1);
  return rows.length > 0;
}

export async function formNameTaken(db: Executor, regionCode: string, name: string, exceptId?: string): Promise<boolean> {
  const conds = [eq(surveyForms.regionCode, regionCode), eq(surveyForms.name, name)];
  if (exceptId) conds.push(sql`${surveyForms.id} <> ${exceptId}`);
  const rows = await db.select({ id: surveyForms.id }).from(surveyForms).where(and(...conds)).limit(1);
  return rows.length > 0;
}

export const formVersionsOf = (db: Executor, formId: string) =>
  db
    .select({ id: surveyFormVersions.id, formVersion: surveyFormVersions.formVersion, sections: surveyFormVersions.sections, createdAt: surveyFormVersions.createdAt })
    .from(surveyFormVersions)
    .where(eq(surveyFormVersions.formId, formId))
    .orderBy(asc(surveyFormVersions.formVersion));

export async function insertForm(db: Executor, row: typeof surveyForms.$inferInsert, version: typeof surveyFormVersions.$inferInsert): Promise<boolean> {
  const done = await db.insert(surveyForms).values(row).onConflictDoNothing().returning({ id: surveyForms.id });
  if (done.length === 0) return false;
  await db.insert(surveyFormVersions).values(version);
  return true;
}

export async function insertFormVersion(db: Executor, row: typeof surveyFormVersions.$inferInsert) {
  await db.insert(surveyFormVersions).values(row);
}

export async function updateForm(db: Executor, id: string, version: number, set: Partial<typeof surveyForms.$inferInsert>) {
  const rows = await db
    .update(surveyForms)
    .set({ ...set, version: sql`${surveyForms.version} + 1`, updatedAt: new Date() })
    .where(and(eq(surveyForms.id, id), eq(surveyForms.version, version)))
    .returning({ id: surveyForms.id });
  return rows.length > 0;
}

// ── answers ─────────────────────────────────────────────────────────────────

const answerColumns = {
  id: surveyAnswers.id,
  householdId: surveyAnswers.householdId,
  formId: surveyAnswers.formId,
  formName: surveyForms.name,
  year: surveyAnswers.year,
  formVersion: surveyFormVersions.formVersion,
  formVersionId: surveyAnswers.formVersionId,
  sections: surveyFormVersions.sections,
  answers: surveyAnswers.answers,
  version: surveyAnswers.version,
  updatedAt: surveyAnswers.updatedAt,
};

const answerFrom = (db: Executor) =>
  db
    .select(answerColumns)
    .from(surveyAnswers)
    .innerJoin(surveyForms, eq(surveyForms.id, surveyAnswers.formId))
    .innerJoin(surveyFormVersions, eq(surveyFormVersions.id, surveyAnswers.formVersionId));

/** A household's answer sets (the caller found the household in scope), newest year first. */
export const answersOf = (db: Executor, householdId: string) =>
  answerFrom(db).where(eq(surveyAnswers.householdId, householdId)).orderBy(desc(surveyAnswers.year), asc(surveyForms.name));

export async function answerOf(db: Executor, householdId: string, formId: string, year: number) {
  const rows = await answerFrom(db)
    .where(and(eq(surveyAnswers.householdId, householdId), eq(surveyAnswers.formId, formId), eq(surveyAnswers.year, year)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertAnswer(db: Executor, row: typeof surveyAnswers.$inferInsert): Promise<boolean> {
  return (await db.insert(surveyAnswers).values(row).onConflictDoNothing().returning({ id: surveyAnswers.id })).length > 0;
}

export async function updateAnswer(db: Executor, id: string, version: number, set: Partial<typeof surveyAnswers.$inferInsert>) {
  const rows = await db
    .update(surveyAnswers)
    .set({ ...set, version: sql`${surveyAnswers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(surveyAnswers.id, id), eq(surveyAnswers.version, version)))
    .returning({ id: surveyAnswers.id });
  return rows.length > 0;
}

export async function answerIdsOf(db: Executor, householdId: string): Promise<string[]> {
  const rows = await db.select({ id: surveyAnswers.id }).from(surveyAnswers).where(eq(surveyAnswers.householdId, householdId));
  return rows.map((r) => r.id);
}
