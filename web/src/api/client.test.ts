import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { apiMiddleware, setApiLanguage, setCsrfToken, setOnUnauthenticated } from './client';
import { ApiError } from './errors';
import type { paths } from './schema';

function clientAnswering(status: number, body: unknown) {
  const seen: Request[] = [];
  const client = createClient<paths>({
    baseUrl: 'http://localhost',
    fetch: async (req: Request) => {
      seen.push(req);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  });
  client.use(apiMiddleware);
  return { client, seen };
}

describe('API client middleware', () => {
  it('sends the language always and the CSRF token on writes only', async () => {
    setCsrfToken('tok-1');
    setApiLanguage('en');
    const { client, seen } = clientAnswering(200, { items: [] });
    await client.GET('/api/regions/roots');
    await client.POST('/api/regions', { body: { parentCode: '433124213209', name: '一组' } });
    expect(seen[0]!.headers.get('x-lang')).toBe('en');
    expect(seen[0]!.headers.get('x-csrf-token')).toBeNull();
    expect(seen[1]!.headers.get('x-csrf-token')).toBe('tok-1');
    setApiLanguage('zh-CN');
    setCsrfToken(null);
  });

  it('throws the server error, with its fields', async () => {
    const { client } = clientAnswering(400, {
      error: { code: 'validation_failed', message: '填写的内容有误，请按提示修改', fields: [{ path: 'body.name', message: '已存在' }] },
    });
    const err = await client.POST('/api/regions', { body: { parentCode: '433124213209', name: '一组' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).fields).toEqual([{ path: 'body.name', message: '已存在' }]);
  });

  it('reports an ended session once', async () => {
    let calls = 0;
    setOnUnauthenticated(() => calls++);
    const { client } = clientAnswering(401, { error: { code: 'unauthenticated', message: '请先登录' } });
    await expect(client.GET('/api/users')).rejects.toBeInstanceOf(ApiError);
    expect(calls).toBe(1);
    setOnUnauthenticated(() => {});
  });
});
