import fs from 'node:fs';
import path from 'node:path';
import type { SurveySection } from './tables.js';

/** Built-in forms an administrator copies (POST /api/surveys/forms {fromTemplate}). */
export const templateKeys = ['poor_household_2013'] as const;
export type TemplateKey = (typeof templateKeys)[number];

export interface SurveyTemplate {
  key: TemplateKey;
  name: string;
  description: string;
  sections: SurveySection[];
}

const dir = path.resolve(import.meta.dirname, 'templates');

export const loadTemplate = (key: TemplateKey): SurveyTemplate => JSON.parse(fs.readFileSync(path.join(dir, `${key}.json`), 'utf8')) as SurveyTemplate;

export const allTemplates = (): SurveyTemplate[] => templateKeys.map(loadTemplate);
