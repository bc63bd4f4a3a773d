import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { codeSchema } from '../regions/schemas.js';
import { templateKeys } from './templates.js';

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '代码为小写字母开头的字母、数字和下划线');
const formStatuses = ['active', 'retired'] as const;

export const surveyItem = z.object({
  key: key.describe('Answers are keyed by it; unique in the form'),
  label: z.string().trim().min(1).max(100),
  type: z.enum(['text', 'number', 'choice', 'yes_no']),
  options: z.array(z.string().trim().min(1).max(50)).max(30).optional().describe('The options of a choice'),
  unit: z.string().trim().max(10).optional().describe('亩, 头, 元 …'),
  required: z.boolean().optional(),
});

export const surveySection = z.object({
  key,
  title: z.string().trim().min(1).max(50),
  items: z.array(surveyItem).min(1).max(100),
});

const sections = z.array(surveySection).min(1).max(20);

export const formOut = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(formStatuses),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countyCode: z.string(),
  currentVersion: z.number().int().describe('The form version handed out now'),
  formVersion: z.number().int().describe('The form version shown here'),
  sections: z.array(surveySection),
  itemCount: z.number().int(),
  versions: z.array(z.object({ formVersion: z.number().int(), createdAt: z.date() })),
  version: z.number().int().describe('Row version for optimistic locking (not the form version)'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const formListItem = formOut.omit({ sections: true, versions: true, formVersion: true });
export const formPage = pageOf(formListItem);

export const formListQuery = z.object({
  ...pageQuery,
  status: z.enum(formStatuses).optional(),
  regionCode: codeSchema.optional().describe('Forms of this region and below'),
});

export const createFormBody = z
  .object({
    id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same form'),
    fromTemplate: z.enum(templateKeys).optional().describe('Copy a built-in form (GET /api/surveys/templates)'),
    name: z.string().trim().min(2).max(50).optional().describe("Required unless copied from a template (default: the template's name)"),
    regionCode: codeSchema.optional().describe('Whose form it is (households there and below answer it); default my own region'),
    sections: sections.optional(),
  })
  .refine((b) => (b.sections === undefined) !== (b.fromTemplate === undefined), { message: '请填写分项，或选择模板', path: ['sections'] })
  .refine((b) => b.name !== undefined || b.fromTemplate !== undefined, { message: '请填写名称', path: ['name'] });

export const updateFormBody = z.object({
  version: z.number().int().positive(),
  name: z.string().trim().min(2).max(50).optional(),
  status: z.enum(formStatuses).optional().describe('retired: no new answers; old ones stay readable'),
  sections: sections.optional().describe('A change makes a new form version; answers already given keep theirs'),
});

export const formParams = z.object({ id: z.uuid() });
export const formQuery = z.object({ version: z.coerce.number().int().min(1).optional().describe('A past form version; default the current one') });

export const templateList = z.object({
  items: z.array(z.object({ key: z.string(), name: z.string(), description: z.string(), sections: z.array(surveySection), itemCount: z.number().int() })),
});

const answerValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const answerParams = z.object({ id: z.uuid(), formId: z.uuid(), year: z.coerce.number().int().min(1949).max(2100) });

export const putAnswersBody = z.object({
  version: z.number().int().positive().optional().describe('The version read; required when the year is already answered'),
  answers: z.record(key, answerValue).describe('Item key → text, number, chosen option or true/false'),
});

export const answerOut = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  formId: z.uuid(),
  formName: z.string(),
  year: z.number().int(),
  formVersion: z.number().int().describe('The form version the answers were given on'),
  sections: z.array(surveySection).describe('That version of the form, to show old years as they were asked'),
  answers: z.record(z.string(), answerValue),
  version: z.number().int(),
  updatedAt: z.date(),
});
export const answerList = z.object({ items: z.array(answerOut) });
