import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { requireRole, type Actor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { adminRoles } from '../../platform/roles.js';
import { inScope } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { conflictOn, countyCodeOf, idTaken, invalid, orStale, StaleRow } from '../households/access.js';
import { regionForWrite } from '../regions/service.js';
import * as repo from './repository.js';
import { itemCount, sameSections, sectionsProblems } from './rules.js';
import type { createFormBody, formListQuery, updateFormBody } from './schemas.js';
import type { SurveySection } from './tables.js';
import { allTemplates, loadTemplate } from './templates.js';

export const formWhat = { zh: '调查表', en: 'Survey form' };

export const listTemplates = () => ({ items: allTemplates().map((t) => ({ ...t, itemCount: itemCount(t.sections) })) });

export async function listForms(db: Db, actor: Actor, q: z.infer<typeof formListQuery>) {
  const { items, total } = await repo.listForms(db, actor.scope, q);
  return { items: items.map(({ sections, ...f }) => ({ ...f, itemCount: itemCount(sections ?? []) })), total };
}

/** A form with the sections of one of its versions (default the current one) and the list of versions. */
export async function getForm(db: Executor, actor: Actor, id: string, formVersion?: number) {
  const form = await repo.getForm(db, actor.scope, id);
  if (!form) throw notFound(formWhat);
  const versions = await repo.formVersionsOf(db, id);
  const shown = versions.find((v) => v.formVersion === (formVersion ?? form.currentVersion));
  if (!shown) throw notFound({ zh: `调查表第 ${formVersion} 版`, en: `Form version ${formVersion}` });
  return {
    ...form,
    formVersion: shown.formVersion,
    sections: shown.sections,
    itemCount: itemCount(shown.sections),
    versions: versions.map((v) => ({ formVersion: v.formVersion, createdAt: v.createdAt })),
  };
}

async function formForWrite(db: Executor, actor: Actor, id: string) {
  requireRole(actor, adminRoles);
  const form = await repo.getForm(db, actor.scope, id);
  if (form && inScope(form.regionCode, actor.scope)) return form;
  if (form || (await repo.formExists(db, id))) throw new AppError('out_of_scope');
  throw notFound(formWhat);
}

function assertSections(actor: Actor, sections: SurveySection[]) {
  const problems = sectionsProblems(sections);
  if (problems.length) throw invalid(actor, problems);
}

const nameTaken = (actor: Actor, name: string) => conflictOn(actor, 'duplicate', 'body.name', { zh: `该地已有名为“${name}”的调查表`, en: `"${name}" already exists there` });

/** An administrator defines a form for their region, from scratch or by copying a built-in template. */
export async function createForm(db: Db, actor: Actor, input: z.infer<typeof createFormBody>) {
  requireRole(actor, adminRoles);
  if (input.id) {
    if (await repo.getForm(db, actor.scope, input.id)) return getForm(db, actor, input.id);
    if (await repo.formExists(db, input.id)) throw idTaken(actor);
  }
  const region = await regionForWrite(db, actor, input.regionCode ?? actor.regionCode, 'body.regionCode');
  const template = input.fromTemplate ? loadTemplate(input.fromTemplate) : null;
  const sections = input.sections ?? template!.sections;
  const name = input.name ?? template!.name;
  assertSections(actor, sections);
  if (await repo.formNameTaken(db, region.code, name)) throw nameTaken(actor, name);
  const id = input.id ?? newId();
  const row = { id, name, regionCode: region.code, countyCode: countyCodeOf(region.code), currentVersion: 1 };
  await db.transaction(async (tx) => {
    if (!(await repo.insertForm(tx, row, { id: newId(), formId: id, formVersion: 1, sections }))) throw nameTaken(actor, name);
    await recordAudit(tx, actor, { action: 'create', entityType: 'survey_form', entityId: id, regionCode: region.code, after: { ...row, fromTemplate: input.fromTemplate ?? null, sections } });
  });
  return getForm(db, actor, id);
}

/** Renames, retires or reshapes a form; new sections make a new form version, the old ones stay. */
export async function updateForm(db: Db, actor: Actor, id: string, input: z.infer<typeof updateFormBody>) {
  const before = await formForWrite(db, actor, id);
  const { version, sections, ...changes } = input;
  if (sections) assertSections(actor, sections);
  if (changes.name && changes.name !== before.name && (await repo.formNameTaken(db, before.regionCode, changes.name, id))) throw nameTaken(actor, changes.name);
  const current = (await repo.formVersionsOf(db, id)).find((v) => v.formVersion === before.currentVersion);
  const reshaped = sections !== undefined && !(current && sameSections(current.sections, sections));
  const nextVersion = before.currentVersion + 1;
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (!(await repo.updateForm(tx, id, version, { ...changes, ...(reshaped ? { currentVersion: nextVersion } : {}) }))) throw new StaleRow();
        if (reshaped) await repo.insertFormVersion(tx, { id: newId(), formId: id, formVersion: nextVersion, sections });
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'survey_form',
          entityId: id,
          regionCode: before.regionCode,
          before,
          after: { ...changes, ...(reshaped ? { formVersion: nextVersion, sections } : {}) },
        });
      }),
    () => getForm(db, actor, id),
  );
  return getForm(db, actor, id);
}
