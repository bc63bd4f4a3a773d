import { describe, expect, it } from 'vitest';
import { ApiError, fieldNameOf, formFieldErrors, toApiError } from './errors';

describe('server errors → form fields', () => {
  it('drops the body. prefix and turns list indexes into numbers', () => {
    expect(fieldNameOf('body.username')).toEqual(['username']);
    expect(fieldNameOf('body.members.0.name')).toEqual(['members', 0, 'name']);
    expect(fieldNameOf('querystring.page')).toEqual(['page']);
    expect(fieldNameOf('regionCode')).toEqual(['regionCode']);
  });

  it('maps each field message onto its form field, merging repeats', () => {
    const err = new ApiError(400, 'validation_failed', '填写的内容有误，请按提示修改', [
      { path: 'body.username', message: '已被使用' },
      { path: 'body.password', message: '密码至少 8 位' },
      { path: 'body.password', message: '密码须同时包含字母和数字' },
      { path: 'body.password', message: '密码至少 8 位' },
    ]);
    expect(formFieldErrors(err).fields).toEqual([
      { name: ['username'], errors: ['已被使用'] },
      { name: ['password'], errors: ['密码至少 8 位', '密码须同时包含字母和数字'] },
    ]);
  });

  it('keeps fields the form does not have apart, so they can still be shown', () => {
    const err = new ApiError(400, 'validation_failed', 'x', [
      { path: 'body.name', message: '已存在' },
      { path: 'body.parentCode', message: '不是村（社区）' },
    ]);
    const { fields, unmatched } = formFieldErrors(err, ['name']);
    expect(fields).toEqual([{ name: ['name'], errors: ['已存在'] }]);
    expect(unmatched).toEqual([{ path: 'body.parentCode', message: '不是村（社区）' }]);
  });

  it('reads the one error shape, and survives bodies that are not it', () => {
    const stale = toApiError(409, { error: { code: 'stale_version', message: '该记录已被他人修改', current: { version: 3 } } }, 'fallback');
    expect(stale.isStale).toBe(true);
    expect(stale.message).toBe('该记录已被他人修改');
    expect(stale.current).toEqual({ version: 3 });

    const session = toApiError(401, { error: { code: 'unauthenticated', message: '请先登录' } }, 'fallback');
    expect(session.isUnauthenticated).toBe(true);
    expect(toApiError(401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } }, 'f').isUnauthenticated).toBe(false);

    const html = toApiError(502, '<html>Bad gateway</html>', '请求失败，请稍后再试');
    expect(html.code).toBe('internal');
    expect(html.message).toBe('请求失败，请稍后再试');
  });
});
