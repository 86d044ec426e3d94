import { Pool } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

describe('embedded PostgreSQL (PGlite on a loopback socket)', () => {
  it('serves two processes’ worth of pooled connections running parameterised queries and transactions at once', async () => {
    const embedded = await startEmbeddedPostgres(undefined, 20);
    // Two pools, as the api and the worker have in `npm start`.
    const pools = [new Pool({ connectionString: embedded.url, max: 10 }), new Pool({ connectionString: embedded.url, max: 5 })];
    const errors: string[] = [];
    for (const pool of pools) pool.on('error', (error) => errors.push(error.message));
    try {
      await pools[0].query('CREATE TABLE probe (id serial PRIMARY KEY, v int NOT NULL)');
      await Promise.all(
        Array.from({ length: 600 }, async (_, i) => {
          const pool = pools[i % 2];
          try {
            if (i % 3 === 0) {
              const client = await pool.connect();
              try {
                await client.query('BEGIN');
                await client.query('INSERT INTO probe (v) VALUES ($1)', [i]);
                await client.query('SELECT count(*) FROM probe WHERE v > $1', [i]);
                await client.query('COMMIT');
              } finally {
                client.release();
              }
            } else {
              const { rows } = await pool.query('SELECT $1::int + $2::int AS sum', [i, 1]);
              if (rows[0].sum !== i + 1) errors.push(`wrong answer for ${i}`);
            }
          } catch (error) {
            errors.push((error as Error).message);
          }
        }),
      );
      expect(errors).toEqual([]);
      const { rows } = await pools[0].query('SELECT count(*)::int AS n FROM probe');
      expect(rows[0].n).toBe(200);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await embedded.stop();
    }
  });
});
