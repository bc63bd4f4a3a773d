import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

/** Every leaf of a resource tree as "a.b.c" → text. */
function leaves(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v as object, key)) out.set(kk, vv);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const zh = leaves(zhCN);
  const english = leaves(en);

  it('zh-CN and en have exactly the same keys', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('no text is empty', () => {
    for (const [k, v] of [...zh, ...english]) expect(v.trim(), k).not.toBe('');
  });

  it('each key uses the same {{variables}} in both languages', () => {
    for (const [k, v] of zh) expect(vars(english.get(k) ?? ''), k).toEqual(vars(v));
  });

  it('the Chinese set is Chinese', () => {
    expect(zhCN.menu.regions).toBe('行政区划');
    expect(zhCN.roles.township_admin).toBe('乡镇管理员（乡党委）');
  });
});
