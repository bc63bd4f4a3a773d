import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCachingClient } from './statement-cache.js';
import { testServerUrl } from '../../test/databases.js';

describe('StatementCachingClient', () => {
  let client: StatementCachingClient;
  const preparedHere = async () =>
    (await client.query('select name, statement from pg_prepared_statements')).rows as { name: string; statement: string }[];

  beforeAll(async () => {
    client = new StatementCachingClient({ connectionString: testServerUrl() });
    await client.connect();
  });
  afterAll(() => client.end());

  it('prepares a statement with parameters once, under a name made from its text, and reuses it', async () => {
    expect((await client.query({ text: 'select $1::int + 1 as x' }, [1])).rows).toEqual([{ x: 2 }]);
    expect((await client.query({ text: 'select $1::int + 1 as x' }, [41])).rows).toEqual([{ x: 42 }]);
    const mine = (await preparedHere()).filter((p) => p.statement === 'select $1::int + 1 as x');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.name).toMatch(/^lh_/);
  });

  it('leaves statements without parameters to the simple protocol (scripts of several statements still run)', async () => {
    await client.query({ text: 'select 1 as one; select 2 as two' });
    expect((await preparedHere()).some((p) => p.statement.includes('select 1 as one'))).toBe(false);
  });

  it('leaves long parameter lists (bulk writes) unprepared', async () => {
    const values = Array.from({ length: 150 }, (_, i) => i);
    const text = `select ${values.map((_, i) => `$${i + 1}::int`).join(' + ')} as total`;
    expect((await client.query({ text }, values)).rows).toEqual([{ total: (149 * 150) / 2 }]);
    expect((await preparedHere()).some((p) => p.statement === text)).toBe(false);
  });
});
