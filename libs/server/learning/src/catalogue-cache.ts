import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import IORedis from 'ioredis';
import { Kind, type OperationDefinitionNode } from 'graphql';
// The ESM declarations, as @nestjs/apollo (ESM-only) uses them; the CJS ones are nominally different.
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { DataSource, EntityManager, EntitySubscriberInterface } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import type { RequestContext } from '@alliance/server-graphql';
import { redisAnswers } from '@alliance/server-queue';

/** How long a cached catalogue page lives at most: bounds staleness from time passing (enrolment windows). */
export const CATALOGUE_CACHE_TTL_SECONDS = 30;

/** Flag on a TypeORM query runner: this transaction changed what the public catalogue shows. */
const CHANGED = 'catalogueChanged';

/**
 * Marks a change to what the public catalogue shows (a course, its focus areas, offerings, seats).
 * Inside a transaction the cache is invalidated once it commits (never before, so no reader can
 * cache the old rows again under the new generation); outside one, at once.
 */
export function catalogueChanged(manager: EntityManager): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) runner.data = { ...runner.data, [CHANGED]: true };
  else for (const listener of listeners) listener();
}
const listeners = new Set<() => void>();

interface Store {
  /** The current generation and the cached value under it, if any. */
  read(locale: string, key: string): Promise<{ generation: string; value: string | null }>;
  write(locale: string, key: string, generation: string, value: string): Promise<void>;
  invalidate(): Promise<void>;
  close(): Promise<void>;
}

// One round trip per read: the generation and the entry under it. Invalidation is one INCR; old
// generations' entries simply expire.
const READ_SCRIPT = `local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('GET', ARGV[1] .. g .. ':' .. ARGV[2])}`;

class RedisStore implements Store {
  constructor(
    private readonly redis: IORedis,
    private readonly prefix: string,
  ) {
    redis.defineCommand('catalogueRead', { numberOfKeys: 1, lua: READ_SCRIPT });
  }
  async read(locale: string, key: string) {
    const [generation, value] = (await (this.redis as unknown as { catalogueRead: (...a: string[]) => Promise<[string, string | null]> }).catalogueRead(
      `${this.prefix}gen`,
      `${this.prefix}v`,
      `${locale}:${key}`,
    )) ?? ['0', null];
    return { generation, value };
  }
  async write(locale: string, key: string, generation: string, value: string) {
    await this.redis.set(`${this.prefix}v${generation}:${locale}:${key}`, value, 'EX', CATALOGUE_CACHE_TTL_SECONDS);
  }
  async invalidate() {
    await this.redis.incr(`${this.prefix}gen`);
  }
  async close() {
    this.redis.disconnect();
  }
}

/** One-machine mode without Redis: one process serves and writes, so memory is enough. */
class MemoryStore implements Store {
  private generation = 0;
  private readonly entries = new Map<string, { value: string; expires: number }>();
  async read(locale: string, key: string) {
    const entry = this.entries.get(`${this.generation}:${locale}:${key}`);
    return { generation: String(this.generation), value: entry && entry.expires > Date.now() ? entry.value : null };
  }
  async write(locale: string, key: string, generation: string, value: string) {
    if (generation !== String(this.generation)) return;
    if (this.entries.size > 1000) this.entries.clear();
    this.entries.set(`${generation}:${locale}:${key}`, { value, expires: Date.now() + CATALOGUE_CACHE_TTL_SECONDS * 1000 });
  }
  async invalidate() {
    this.generation++;
    this.entries.clear();
  }
  async close() {}
}

/**
 * Cache of the public catalogue (`courses` queries of signed-out readers), per language and
 * query + variables, in Redis when one answers (shared by every api process), else in memory.
 * Invalidated after every committed change to courses, their focus areas, offerings or seats
 * (catalogueChanged), and expires after CATALOGUE_CACHE_TTL_SECONDS anyway. Errors talking to
 * Redis count as misses: the catalogue is then served from PostgreSQL as before.
 */
@Injectable()
export class CatalogueCache implements OnModuleInit, OnModuleDestroy {
  private store: Store | null = null;
  private subscribed = false;
  private readonly logger = new Logger('CatalogueCache');
  private readonly onChange = () => {
    this.invalidate().catch(() => undefined);
  };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    // Off under NODE_ENV=test: specs write fixtures with plain SQL, which no cache could see.
    // CATALOGUE_CACHE=off turns it off elsewhere (benchmarks measure the query without it).
    await this.start(this.config.isTest || process.env.CATALOGUE_CACHE === 'off' ? 'off' : 'auto');
  }

  /**
   * Picks where entries live ('auto': Redis when one answers, else memory; 'off': no cache) and
   * starts listening for committed changes. The spec calls it to turn the cache on.
   */
  async start(mode: 'auto' | 'redis' | 'memory' | 'off', prefix = this.config.QUEUE_PREFIX): Promise<void> {
    await this.store?.close();
    this.store = null;
    if (mode === 'off') return;
    if (mode === 'redis' || (mode === 'auto' && (await redisAnswers(this.config.REDIS_URL, 1000)))) {
      const redis = new IORedis(this.config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
      redis.on('error', () => undefined);
      // Without an offline queue, commands fail until the connection is ready: wait for it (briefly).
      await withTimeout(new Promise<void>((resolve) => redis.once('ready', () => resolve())), 2000);
      // Per database too, so processes on different databases never share entries.
      const database = createHash('sha1').update(this.config.DATABASE_URL ?? '').digest('hex').slice(0, 10);
      this.store = new RedisStore(redis, `${prefix}:catalogue:${database}:`);
    } else this.store = new MemoryStore();
    listeners.add(this.onChange);
    if (!this.subscribed) {
      this.subscribed = true;
      const subscriber: EntitySubscriberInterface = {
        afterTransactionCommit: (event) => {
          const runner = event.queryRunner;
          if (runner.isTransactionActive || !runner.data?.[CHANGED]) return;
          runner.data = { ...runner.data, [CHANGED]: false };
          return this.invalidate().catch(() => undefined);
        },
        afterTransactionRollback: (event) => {
          const runner = event.queryRunner;
          if (!runner.isTransactionActive && runner.data?.[CHANGED]) runner.data = { ...runner.data, [CHANGED]: false };
        },
      };
      this.dataSource.subscribers.push(subscriber);
    }
  }

  async onModuleDestroy(): Promise<void> {
    listeners.delete(this.onChange);
    await this.store?.close();
    this.store = null;
  }

  /** Where entries live. */
  get kind(): 'redis' | 'memory' | 'off' {
    return this.store instanceof RedisStore ? 'redis' : this.store ? 'memory' : 'off';
  }

  /** The current generation and the entry under it; null when there is no cache or it failed (a miss). */
  async read(locale: string, key: string): Promise<{ generation: string; value: string | null } | null> {
    if (!this.store) return null;
    try {
      return await this.store.read(locale, key);
    } catch (error) {
      this.logger.debug(`catalogue cache read failed: ${String(error)}`);
      return null;
    }
  }

  async write(locale: string, key: string, generation: string, value: string): Promise<void> {
    await this.store?.write(locale, key, generation, value).catch(() => undefined);
  }

  async invalidate(): Promise<void> {
    await this.store?.invalidate();
  }

  /**
   * Apollo plugin: answers a signed-out reader's query whose every root field is `courses` from the
   * cache, and stores such answers when they had no errors. Signed-in readers are never cached
   * (a query may select fields about the reader).
   */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      requestDidStart: async () => {
        let pending: { key: string; generation: string; locale: string } | undefined;
        return {
          responseForOperation: async ({ operation, request, contextValue }) => {
            if (contextValue.user || !request.query || !isCatalogueOperation(operation)) return null;
            const key = createHash('sha1')
              .update(`${request.operationName ?? ''}\n${request.query}\n${JSON.stringify(request.variables ?? {})}`)
              .digest('base64url');
            const hit = await this.read(contextValue.locale, key);
            if (!hit) return null;
            if (hit.value !== null) {
              const response = { http: { headers: new Map(), status: undefined }, body: { kind: 'single', singleResult: JSON.parse(hit.value) } };
              return response as unknown as GraphQLResponse;
            }
            pending = { key, generation: hit.generation, locale: contextValue.locale };
            return null;
          },
          willSendResponse: async ({ response }) => {
            if (!pending || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
            const { data } = response.body.singleResult;
            await this.write(pending.locale, pending.key, pending.generation, JSON.stringify({ data }));
          },
        };
      },
    };
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

function isCatalogueOperation(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.length > 0 &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === 'courses' || s.name.value === '__typename') && !s.directives?.length)
  );
}
