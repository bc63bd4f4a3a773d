import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { levelOfCode } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { ownCadreId } from '../cadres/own.js';
import { initialsOf } from '../regions/rules.js';
import { regionPrefixes } from '../regions/history-service.js';
import { regionForWrite } from '../regions/service.js';
import {
  assertIdNumbersFree,
  conflictOn,
  countyCodeOf,
  householdForRead,
  householdForWrite,
  idTaken,
  invalid,
  requireEditor,
  orStale,
  StaleRow,
} from './access.js';
import { catalogProblems } from './catalog-service.js';
import * as membersRepo from './members-repository.js';
import { presentHousehold } from './present.js';
import { guardPersonalSearch } from './search-guard.js';
import * as repo from './repository.js';
import { checkMemberIdentity, headProblem, householdRegionProblem, maskPerson, maySeePersonalData, repeatedIdNumbers, type Problem } from './rules.js';
import type { createHouseholdBody, HouseholdFilterQuery, HouseholdInput, HouseholdListQuery, MemberInput, updateHouseholdBody } from './schemas.js';

/** The filter with its region resolved to the prefixes of the region and its predecessors, when asked. */
export async function withRegionHistory<F extends HouseholdFilterQuery>(db: Executor, f: F): Promise<F & { regionPrefixes?: string[] }> {
  if (!f.regionCode || !f.includePredecessors) return f;
  return { ...f, regionPrefixes: await regionPrefixes(db, f.regionCode, true) };
}

export async function listHouseholds(db: Db, actor: Actor, q: HouseholdListQuery) {
  const full = maySeePersonalData(actor.role);
  if (!full && q.q) await guardPersonalSearch(db, actor, q.q);
  const { items, total } = await repo.listHouseholds(db, actor.scope, { ...(await withRegionHistory(db, q)), phonesByPrefix: full });
  const helpers = await repo.cadreHelpersOf(
    db,
    items.map((h) => h.id),
  );
  return {
    items: items.map(({ headIdNumber, phone, ...r }) => {
      const masked = maskPerson({ idNumber: headIdNumber, phone }, full);
      return { ...r, headIdNumber: masked.idNumber, phone: masked.phone, helpers: (helpers.get(r.id) ?? []).map(({ cadreId, name }) => ({ cadreId, name })) };
    }),
    total,
    masked: !full,
  };
}

export async function getHousehold(db: Executor, actor: Actor, id: string) {
  return presentHousehold(db, actor, await householdForRead(db, actor, id));
}

/** The full ID numbers and phones of a household, for the roles that may see them; each view is audited. */
export async function viewPersonal(db: Db, actor: Actor, id: string) {
  const household = await householdForRead(db, actor, id);
  const full = maySeePersonalData(actor.role);
  // The household's own helper calls them: phones in full, ID numbers still masked (no need).
  const helper = !full && (await isOwnHousehold(db, actor, id));
  if (!full && !helper)
    throw new AppError('forbidden', { zh: '您无权查看完整的身份证号和电话', en: 'You may not see full ID numbers and phones' });
  const members = await membersRepo.membersOf(db, id);
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: 'view_personal',
      entityType: 'household',
      entityId: id,
      regionCode: household.regionCode,
      after: { as: full ? 'administrator' : 'helper' },
    }),
  );
  return {
    householdId: id,
    phone: household.phone,
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      idNumber: full ? m.idNumber : maskPerson({ idNumber: m.idNumber, phone: null }, false).idNumber,
      phone: m.phone,
    })),
  };
}

/** Whether the cadre linked to the account is an open helper of the household. */
async function isOwnHousehold(db: Executor, actor: Actor, householdId: string): Promise<boolean> {
  const own = await ownCadreId(db, actor);
  if (!own) return false;
  return ((await repo.cadreHelpersOf(db, [householdId])).get(householdId) ?? []).some((c) => c.cadreId === own);
}

/** The region a household may live in: a village or group in the actor's scope (403 outside, 400 otherwise). */
async function householdRegion(db: Executor, actor: Actor, code: string) {
  const region = await regionForWrite(db, actor, code, 'body.regionCode');
  const problem = householdRegionProblem(levelOfCode(region.code));
  if (problem) throw invalid(actor, [{ path: 'regionCode', message: problem }]);
  return region;
}

/** A member row from what was typed, its birth date and sex filled from the ID number. */
export function memberRow(
  input: MemberInput & { id?: string },
  identity: ReturnType<typeof checkMemberIdentity>,
  household: { id: string; regionCode: string; countyCode: string },
) {
  return {
    id: input.id ?? newId(),
    householdId: household.id,
    regionCode: household.regionCode,
    countyCode: household.countyCode,
    name: input.name,
    initials: initialsOf(input.name),
    relation: input.relation,
    idNumber: identity.idNumber,
    sex: identity.sex,
    birthDate: identity.birthDate,
    health: input.health ?? null,
    disability: input.disability ?? null,
    education: input.education ?? null,
    schooling: input.schooling ?? null,
    labourAbility: input.labourAbility ?? null,
    isPartyMember: input.isPartyMember ?? false,
    phone: input.phone ?? null,
  };
}

/** The household's own fields as stored (land as numeric text). */
function householdSet(input: Partial<HouseholdInput>) {
  const { landMu, ...rest } = input;
  return { ...rest, ...(landMu !== undefined ? { landMu: landMu === null ? null : landMu.toFixed(2) } : {}) };
}

async function assertHouseholdNoFree(
  db: Executor,
  actor: Actor,
  countyCode: string,
  householdNo: string | null | undefined,
  exceptId?: string,
) {
  if (householdNo && (await repo.householdNoTaken(db, countyCode, householdNo, exceptId))) {
    throw conflictOn(actor, 'duplicate', 'body.householdNo', {
      zh: `户编号 ${householdNo} 已被使用`,
      en: `Household number ${householdNo} is taken`,
    });
  }
}

/**
 * Registers a household with its members in one request: exactly one head, every ID number valid
 * and agreeing with birth date and sex, none already an active member elsewhere. Idempotent on id.
 */
export async function createHousehold(db: Db, actor: Actor, input: z.infer<typeof createHouseholdBody>) {
  requireEditor(actor);
  if (input.id) {
    const existing = await repo.getHousehold(db, actor.scope, input.id);
    if (existing) return presentHousehold(db, actor, existing);
    if (await repo.householdExists(db, input.id)) throw idTaken(actor);
  }
  const region = await householdRegion(db, actor, input.regionCode);
  const identities = input.members.map((m) => checkMemberIdentity(m));
  const problems: Problem[] = identities.flatMap((c, i) => c.problems.map((p) => ({ ...p, path: `members.${i}.${p.path}` })));
  const head = headProblem(input.members);
  if (head) problems.push({ path: 'members', message: head });
  problems.push(...repeatedIdNumbers(identities.map((c) => c.idNumber)));
  problems.push(...(await catalogProblems(db, region.code, input)));
  if (problems.length) throw invalid(actor, problems);
  const countyCode = countyCodeOf(region.code);
  await assertHouseholdNoFree(db, actor, countyCode, input.householdNo);
  await assertIdNumbersFree(
    db,
    actor,
    identities.map((c, i) => ({ idNumber: c.idNumber, path: `body.members.${i}.idNumber` })),
  );

  const { members: memberInputs, id: _id, ...fields } = input;
  const household = { ...householdSet(fields), id: input.id ?? newId(), regionCode: region.code, countyCode };
  const rows = memberInputs.map((m, i) => memberRow(m, identities[i]!, household));
  await db.transaction(async (tx) => {
    // A concurrent create with the same id or household number won the race.
    if ((await repo.insertHouseholds(tx, [household])).length === 0)
      throw conflictOn(actor, 'duplicate', 'body.householdNo', { zh: '户编号已被使用', en: 'Household number taken' });
    if ((await membersRepo.insertMembers(tx, rows)) !== rows.length)
      throw conflictOn(actor, 'conflict', 'body.members', { zh: '成员编号已被使用', en: 'A member id is taken' });
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'household',
      entityId: household.id,
      regionCode: region.code,
      after: { ...household, members: rows },
    });
  });
  return getHousehold(db, actor, household.id);
}

export async function updateHousehold(db: Db, actor: Actor, id: string, input: z.infer<typeof updateHouseholdBody>) {
  const before = await householdForWrite(db, actor, id);
  const { version, ...changes } = input;
  const regionCode =
    changes.regionCode !== undefined && changes.regionCode !== before.regionCode
      ? (await householdRegion(db, actor, changes.regionCode)).code
      : before.regionCode;
  const problems = await catalogProblems(db, regionCode, {
    categories: changes.categories ?? (regionCode !== before.regionCode ? before.categories : undefined),
    povertyCauses: changes.povertyCauses ?? (regionCode !== before.regionCode ? before.povertyCauses : undefined),
  });
  if (problems.length) throw invalid(actor, problems);
  const countyCode = countyCodeOf(regionCode);
  await assertHouseholdNoFree(db, actor, countyCode, changes.householdNo, id);
  const set = { ...householdSet(changes), regionCode, countyCode };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updateHousehold(tx, id, version, set))) throw new StaleRow();
        if (regionCode !== before.regionCode) await repo.moveHouseholdParts(tx, id, regionCode, countyCode);
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'household',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: changes,
        });
      }),
    () => getHousehold(db, actor, id),
  );
  return getHousehold(db, actor, id);
}
