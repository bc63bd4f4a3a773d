import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { households } from '../households/tables.js';

export interface SurveyItem {
  key: string;
  label: string;
  type: 'text' | 'number' | 'choice' | 'yes_no';
  options?: string[];
  unit?: string;
  required?: boolean;
}
export interface SurveySection {
  key: string;
  title: string;
  items: SurveyItem[];
}

/** The poor-household survey (贫困户调查表) an administrator defines for their region. */
export const surveyForms = pgTable(
  'survey_forms',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'retired'] }).notNull().default('active'),
    /** The version now handed out; each change of the sections makes a new version row. */
    currentVersion: integer('current_version').notNull().default(1),
  },
  (t) => [index('survey_forms_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);

/** Each published shape of a form, kept forever so old years' answers stay readable. */
export const surveyFormVersions = pgTable(
  'survey_form_versions',
  {
    ...entityColumns,
    formId: uuid('form_id')
      .notNull()
      .references(() => surveyForms.id),
    formVersion: integer('form_version').notNull(),
    sections: jsonb('sections').$type<SurveySection[]>().notNull(),
  },
  (t) => [uniqueIndex('survey_form_versions_uq').on(t.formId, t.formVersion)],
);

/** One answer set per household, form and year, tied to the form version it was answered on. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    formId: uuid('form_id')
      .notNull()
      .references(() => surveyForms.id),
    formVersionId: uuid('form_version_id')
      .notNull()
      .references(() => surveyFormVersions.id),
    year: integer('year').notNull(),
    answers: jsonb('answers').$type<Record<string, string | number | boolean | null>>().notNull(),
  },
  (t) => [uniqueIndex('survey_answers_uq').on(t.householdId, t.formId, t.year), index('survey_answers_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
