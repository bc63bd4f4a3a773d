/**
 * The zod side of platform/field-rules: the API's schemas build their fields from these, with the
 * same limits and messages as the import's row checks and the web forms.
 */
import { z } from 'zod';
import { fieldRules as r, phonePattern } from './field-rules.js';

export const personNameSchema = () => z.string().trim().min(r.personName.min, r.personName.tooShort.zh).max(r.personName.max, r.personName.tooLong.zh);
export const addressSchema = () => z.string().trim().max(r.address.max, r.address.tooLong.zh);
export const householdNoSchema = () => z.string().trim().min(1).max(r.householdNo.max, r.householdNo.tooLong.zh);
export const titleSchema = () => z.string().trim().max(r.title.max, r.title.tooLong.zh);
export const phoneSchema = () => z.string().trim().regex(phonePattern, '电话号码格式不正确');
export const landMuSchema = () => z.number().min(0).max(r.landMu.max, r.landMu.bad.zh);
