/**
 * Characters refused in what a request sends, before the schemas see it. A NUL reached PostgreSQL
 * as a 500; terminal escapes reach logs and exports; a right-to-left override or a zero-width space
 * makes 433124… read as something else on a screen and slips past filters.
 */

// C0 controls but tab, line feed and carriage return; DEL; C1; bidi embeddings, overrides, isolates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const alwaysRefused = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
// Where a name, number or code is typed, also line breaks, tabs, zero-width and direction marks.
const refusedInCodes = /[\t\n\r\u200B-\u200F\u2028\u2029\u2060\uFEFF]/;

/**
 * Fields holding a name, a number or a code (the last key of the path): line breaks and invisible
 * characters have no business there. Free text (notes, a diary's body, comments) keeps its lines.
 */
const codeLike = /^(q|on|name|code|phone|id|ids|username|address|title|month|quarter|year|sort|order|status|kind|role|locale|relation)$|(Name|Code|Codes|Number|No|Phone|Id|Ids|On)$/;

export interface TextProblem {
  path: string;
  message: { zh: string; en: string };
}

const problemAt = (path: string): TextProblem => ({
  path,
  message: { zh: '含有不允许的控制字符或不可见字符', en: 'Contains control or invisible characters' },
});

function badString(value: string, key: string): boolean {
  if (alwaysRefused.test(value)) return true;
  return codeLike.test(key) && refusedInCodes.test(value);
}

/** The first string (or object key) under `root` with a refused character, as body.members.0.name. */
export function controlCharProblem(root: string, value: unknown, depth = 0): TextProblem | null {
  const walk = (v: unknown, path: string[], key: string, d: number): TextProblem | null => {
    if (typeof v === 'string') return badString(v, key) ? problemAt(path.join('.')) : null;
    if (d > 32 || v === null || typeof v !== 'object') return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        // An array's items are named by the array's key (ids, categories, …).
        const p = walk(v[i], [...path, String(i)], key, d + 1);
        if (p) return p;
      }
      return null;
    }
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (alwaysRefused.test(k) || refusedInCodes.test(k)) return problemAt([...path, k].join('.'));
      const p = walk(child, [...path, k], k, d + 1);
      if (p) return p;
    }
    return null;
  };
  return walk(value, [root], root === 'query' || root === 'params' ? 'q' : '', depth);
}
