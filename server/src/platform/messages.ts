import type { ErrorCode } from './errors.js';

export type Lang = 'zh-CN' | 'en';

const defaults: Record<ErrorCode, { zh: string; en: string }> = {
  validation_failed: { zh: '填写的内容有误，请按提示修改', en: 'Some fields are invalid' },
  unauthenticated: { zh: '请先登录', en: 'Please log in' },
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  account_disabled: { zh: '该账号已停用，请联系管理员', en: 'This account is disabled' },
  csrf_failed: { zh: '页面已过期，请刷新后重试', en: 'The page is stale; reload and try again' },
  password_change_required: { zh: '请先修改密码后再继续使用', en: 'Change your password before going on' },
  forbidden: { zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  out_of_scope: { zh: '该记录不在您的管辖范围内', en: 'This record is outside your region' },
  not_found: { zh: '记录不存在或不在您的管辖范围内', en: 'Not found' },
  conflict: { zh: '操作与现有数据冲突', en: 'Conflicts with existing data' },
  stale_version: { zh: '该记录已被他人修改，请刷新后再保存', en: 'This record was changed by someone else' },
  duplicate: { zh: '记录已存在', en: 'Already exists' },
  rate_limited: { zh: '操作过于频繁，请稍后再试', en: 'Too many attempts; try again later' },
  payload_too_large: { zh: '提交的内容过大', en: 'The request is too large' },
  internal: { zh: '系统出错，请稍后再试；如仍有问题请联系管理员', en: 'Internal error' },
};

export function defaultMessage(code: ErrorCode, lang: Lang): string {
  return lang === 'en' ? defaults[code].en : defaults[code].zh;
}

/** The request's language: explicit header from the web client, else Accept-Language, else zh-CN. */
export function langOf(headers: Record<string, string | string[] | undefined>): Lang {
  const raw = headers['x-lang'] ?? headers['accept-language'];
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v && /^en\b/i.test(v.trim()) ? 'en' : 'zh-CN';
}
