import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { staleVersion } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { significantPrefix } from '../../platform/scope.js';
import { recordAudit } from '../audit/service.js';
import { conflictOn, householdForRead, householdForWrite, invalid, orStale, StaleRow } from '../households/access.js';
import * as repo from './repository.js';
import { answerProblems, mayRecordSurvey, sameAnswers } from './rules.js';
import type { putAnswersBody } from './schemas.js';

/** Every year's answers of a household, each with the form version it was answered on. */
export async function listAnswers(db: Db, actor: Actor, householdId: string) {
  await householdForRead(db, actor, householdId);
  return { items: (await repo.answersOf(db, householdId)).map(({ formVersionId: _v, ...a }) => a) };
}

/**
 * A household's survey for a year, checked against the form's current version and stored with it.
 * A year already answered needs the version read; the same answers again change nothing.
 */
export async function putAnswers(db: Db, actor: Actor, householdId: string, formId: string, year: number, input: z.infer<typeof putAnswersBody>) {
  const household = await householdForWrite(db, actor, householdId, mayRecordSurvey);
  const form = await repo.getForm(db, actor.scope, formId);
  // The form must be one the household's region answers: the region's own or one from above it.
  if (!form || !household.regionCode.startsWith(significantPrefix(form.regionCode))) {
    throw invalid(actor, [{ path: 'formId', message: { zh: '调查表不存在或不适用于该户所在地', en: "No such form for the household's region" } }], 'params');
  }
  if (form.status !== 'active') throw conflictOn(actor, 'conflict', 'params.formId', { zh: '该调查表已停用', en: 'The form is retired' });
  const current = (await repo.formVersionsOf(db, formId)).find((v) => v.formVersion === form.currentVersion)!;
  const problems = answerProblems(current.sections, input.answers);
  if (problems.length) throw invalid(actor, problems);
  const existing = await repo.answerOf(db, householdId, formId, year);
  const strip = <T extends { formVersionId: string }>({ formVersionId: _v, ...a }: T) => a;
  if (existing && existing.formVersionId === current.id && sameAnswers(existing.answers, input.answers)) return strip(existing);
  if (existing && input.version !== existing.version) throw staleVersion(strip(existing));
  const audited = { year, formId, formName: form.name, formVersion: current.formVersion, answers: input.answers };
  await orStale(
    () =>
      db.transaction(async (tx) => {
        if (existing) {
          if (!(await repo.updateAnswer(tx, existing.id, existing.version, { answers: input.answers, formVersionId: current.id }))) throw new StaleRow();
          await recordAudit(tx, actor, { action: 'update', entityType: 'survey_answer', entityId: existing.id, regionCode: household.regionCode, before: strip(existing), after: audited });
        } else {
          const id = newId();
          const row = { id, householdId, formId, formVersionId: current.id, year, answers: input.answers, regionCode: household.regionCode, countyCode: household.countyCode };
          if (!(await repo.insertAnswer(tx, row))) throw new StaleRow();
          await recordAudit(tx, actor, { action: 'create', entityType: 'survey_answer', entityId: id, regionCode: household.regionCode, after: audited });
        }
      }),
    async () => strip((await repo.answerOf(db, householdId, formId, year))!),
  );
  return strip((await repo.answerOf(db, householdId, formId, year))!);
}
