/**
 * One rule per field, for every way a value comes in: the API's zod schemas, the Excel import's
 * row checks and the web forms (which import this file) read the same limits and messages, so the
 * import never accepts what a form then refuses. Plain constants and pure checks: no imports, so
 * the web bundles it as it is.
 */

export interface FieldText {
  zh: string;
  en: string;
}

/** Mobile (11 digits from 13–19) or a landline with area code (0743-7221234). */
export const phonePattern = /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;

export const fieldRules = {
  personName: { min: 2, max: 20, tooShort: { zh: '姓名至少 2 个字', en: 'At least 2 characters' }, tooLong: { zh: '姓名不超过 20 个字', en: 'At most 20 characters' } },
  address: { max: 100, tooLong: { zh: '地址不超过 100 个字', en: 'At most 100 characters' } },
  householdNo: { max: 30, tooLong: { zh: '户编号不超过 30 个字符', en: 'At most 30 characters' } },
  title: { max: 50, tooLong: { zh: '职务不超过 50 个字', en: 'At most 50 characters' } },
  note: { max: 500, tooLong: { zh: '备注不超过 500 个字', en: 'At most 500 characters' } },
  /** 13 characters: a landline with its area code and hyphen (0743-72212345). */
  phone: { max: 13, bad: { zh: '电话号码格式不正确：手机 11 位，座机如 0743-7221234', en: 'Not a phone number' } },
  idNumber: { length: 18 },
  /** 耕地面积 in 亩, to 0.01. */
  landMu: { max: 100_000, bad: { zh: '数值超出合理范围（0–100000）', en: 'Out of range (0–100000)' } },
} as const;

type LengthRule = { min?: number; max: number; tooShort?: FieldText; tooLong: FieldText };

/** A text's problem under a length rule (counted in characters as people count them), or null. */
export function lengthProblem(rule: LengthRule, s: string): FieldText | null {
  const n = [...s].length;
  if (rule.min !== undefined && n < rule.min) return rule.tooShort ?? rule.tooLong;
  return n > rule.max ? rule.tooLong : null;
}
