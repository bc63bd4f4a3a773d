import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';

/** Client checks that mirror the server's, so clerks see the problem while typing. */
export function passwordProblemKey(pw: string): 'auth.passwordTooShort' | 'auth.passwordTooLong' | 'auth.passwordNeedsBoth' | null {
  if (pw.length < 8) return 'auth.passwordTooShort';
  if (pw.length > 128) return 'auth.passwordTooLong';
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return 'auth.passwordNeedsBoth';
  return null;
}

export const passwordRules = (t: TFunction, requiredKey: 'auth.passwordRequired' = 'auth.passwordRequired'): Rule[] => [
  { required: true, message: t(requiredKey) },
  {
    validator: (_r, value: unknown) => {
      if (typeof value !== 'string' || value === '') return Promise.resolve();
      const key = passwordProblemKey(value);
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  },
];

/** "Repeat the password": must equal the field `other`. */
export const sameAsRule =
  (t: TFunction, other: string): Rule =>
  ({ getFieldValue }) => ({
    validator: (_r, value: unknown) =>
      !value || getFieldValue(other) === value ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
  });

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/;
/** The server's phone rule (app/fieldRules). */
export { phonePattern } from './fieldRules';
