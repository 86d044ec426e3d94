import { Client } from 'pg';
import { countQueries, currentQueryCount, installQueryCounter } from './query-counter';
import { testDatabaseUrl } from './testing';

describe('query counter (real PostgreSQL)', () => {
  let client: Client;

  beforeAll(async () => {
    installQueryCounter();
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });

  afterAll(() => client.end());

  it('counts the statements sent within one unit of work, also after awaits, and nothing outside', async () => {
    expect(currentQueryCount()).toBeUndefined();
    await client.query('SELECT 1');
    const { result, counter } = countQueries(async () => {
      await client.query('SELECT 1');
      await new Promise((r) => setTimeout(r, 5));
      await Promise.all([client.query('SELECT 2'), client.query('SELECT 3')]);
      return currentQueryCount();
    });
    expect(await result).toBe(3);
    expect(counter.count).toBe(3);
    // Two units of work at once keep their own counts.
    const a = countQueries(() => client.query('SELECT 1'));
    const b = countQueries(async () => {
      await client.query('SELECT 1');
      await client.query('SELECT 2');
    });
    await Promise.all([a.result, b.result]);
    expect([a.counter.count, b.counter.count]).toEqual([1, 2]);
  });
});
