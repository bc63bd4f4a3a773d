import { createHash } from 'node:crypto';
import pg from 'pg';

/** Distinct statements a connection prepares at most; past it, new ones run unprepared as before. */
const PER_CONNECTION = 300;
/** Statements with more parameters are bulk writes or long id lists: each length is a text of its own. */
const MAX_PARAMS = 100;

const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `lh_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= 5_000) names.clear();
    names.set(text, name);
  }
  return name;
}

interface QueryConfigLike {
  text?: unknown;
  name?: unknown;
  values?: unknown[];
  submit?: unknown;
}

/**
 * A PostgreSQL connection that prepares each statement it runs with parameters once, under a
 * name made from its text, and then only binds and executes it. The server then parses (and,
 * once it finds a generic plan as good, plans) the month-end's few statements once per
 * connection instead of on every request: parse and plan were more than half of PostgreSQL's
 * CPU per request (measured with log_min_duration_statement during the surge bench).
 *
 * Bounded: only statements with 1–100 parameters (parameterless ones keep the simple protocol,
 * which also allows the migrations' multi-statement scripts), at most PER_CONNECTION names per
 * connection. A pooler in transaction mode (PgBouncer < 1.21) cannot keep prepared statements:
 * set LIANHU_PREPARED_STATEMENTS=off there.
 */
export class StatementCachingClient extends pg.Client {
  private prepared = new Set<string>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads; arguments pass through unchanged
  override query(config: any, values?: any, callback?: any): any {
    if (config && typeof config === 'object' && typeof (config as QueryConfigLike).text === 'string') {
      const c = config as QueryConfigLike;
      const params = Array.isArray(values) ? values.length : (c.values?.length ?? 0);
      if (c.name === undefined && typeof c.submit !== 'function' && params > 0 && params <= MAX_PARAMS) {
        const name = nameOf(c.text as string);
        if (this.prepared.has(name) || this.prepared.size < PER_CONNECTION) {
          this.prepared.add(name);
          config = { ...c, name };
        }
      }
    }
    return super.query(config, values, callback);
  }
}
