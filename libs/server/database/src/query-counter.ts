import { AsyncLocalStorage } from 'node:async_hooks';
import { Client } from 'pg';

/**
 * Counts the SQL statements sent to PostgreSQL per unit of work (an HTTP request), so benchmarks and
 * tests can prove a page's query count is bounded (no N+1). Off unless installed: the patch is one
 * counter increment per statement, but nothing in production needs it.
 */
const storage = new AsyncLocalStorage<{ count: number }>();
let installed = false;

/** Wraps pg's Client#query once per process (TypeORM and plain pg both send every statement through it). */
export function installQueryCounter(): void {
  if (installed) return;
  installed = true;
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function countedQuery(this: unknown, ...args: unknown[]) {
    const store = storage.getStore();
    if (store) store.count++;
    return original.apply(this, args);
  };
}

/** Runs `fn` with a fresh counter; statements sent by anything it starts (also asynchronously) count. */
export function countQueries<T>(fn: () => T): { result: T; counter: { count: number } } {
  const counter = { count: 0 };
  return { result: storage.run(counter, fn), counter };
}

/** The statements counted so far in the current unit of work, or undefined outside one. */
export function currentQueryCount(): number | undefined {
  return storage.getStore()?.count;
}
