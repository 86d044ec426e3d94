import { Inject, Injectable, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { redisAnswers } from '@alliance/server-queue';
import { ErrorCode, LIMITS, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { AppError } from './app-error';

/**
 * The named limits (numbers in LIMITS.rateLimits, documented there): what is counted, per what key.
 * - signInFailuresPerAccount / signInFailuresPerIp: wrong passwords, per e-mail and per IP.
 * - signUpPerIp: sign-up attempts per IP.
 * - passwordResetPerAccount / passwordResetPerIp: reset e-mails asked for, per e-mail and per IP.
 * - certificateLookupPerIp: public certificate verifications per IP.
 * - workshopRegistrationPerAccount: workshop registrations per person.
 * - uploadPerAccount: evidence, working-table and lesson file uploads per person.
 */
export type RateLimitName = keyof typeof LIMITS.rateLimits;

export const RATE_LIMIT_NAMES = Object.keys(LIMITS.rateLimits) as RateLimitName[];

/** How one counted event went: allowed, or refused for `retryAfterSeconds`. */
export interface RateLimitOutcome {
  allowed: boolean;
  /** Events left in the current window (0 when refused). */
  remaining: number;
  /** Seconds until the window ends (when a refused caller may try again). */
  retryAfterSeconds: number;
}

/** Where counts live: Redis (shared by every api process), this process's memory, or nowhere (RATE_LIMITS=off). */
export type RateLimitStore = 'redis' | 'memory' | 'off';

/** The translated RATE_LIMITED error, with the wait rounded up to whole minutes (at least one). */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  return new AppError(ErrorCode.RateLimited, 'errors:rateLimited', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
}

/** Whether `error` is a RATE_LIMITED AppError (for HTTP endpoints that answer 429 themselves). */
export function isRateLimitedError(error: unknown): error is AppError {
  return error instanceof AppError && error.extensions.code === ErrorCode.RateLimited;
}

/**
 * A Redis command that takes longer than this is treated as Redis being away: the request is
 * counted in memory instead of waiting (a rate limit must never make an answer slow).
 */
const REDIS_COMMAND_TIMEOUT_MS = 300;

/**
 * Rate limits shared by every api process, held in Redis under `<QUEUE_PREFIX>:rl:` (portals
 * sharing one Redis never mix counts) with rate-limiter-flexible's atomic fixed windows. The store
 * is chosen at start like the queue driver: Redis with QUEUE_DRIVER=bullmq, in production, or when
 * one answers; memory with QUEUE_DRIVER=inprocess or when none answers (`npm start` on one machine).
 * If Redis goes away later, each limiter falls back to an in-memory twin (rate-limiter-flexible's
 * insuranceLimiter) at once rather than hang, and returns to Redis when it is back.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimits');
  private limiters = new Map<RateLimitName, RateLimiterAbstract>();
  private redis: IORedis | null = null;
  private store: RateLimitStore = 'off';
  private warnedAt = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Where counts live now. */
  get kind(): RateLimitStore {
    return this.store;
  }

  /**
   * Picks the store ('auto' as described above) and builds one limiter per name. Specs call it with
   * their own key prefix so runs never share counts.
   */
  async start(mode: 'auto' | RateLimitStore = 'auto', prefix = `${this.config.QUEUE_PREFIX}:rl`): Promise<void> {
    await this.stop();
    if (mode === 'auto') mode = this.config.RATE_LIMITS === 'off' ? 'off' : (await this.redisWanted()) ? 'redis' : 'memory';
    this.store = mode;
    if (mode === 'off') return;
    if (mode === 'redis') {
      // No offline queue and a short command timeout: while Redis is away, commands fail at once and
      // the memory twin answers (a queued command would hold the request until Redis returns).
      const redis = new IORedis(this.config.REDIS_URL, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
        commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      });
      redis.on('error', (error: Error) => this.warn(`Redis unavailable for rate limits (${error.message}): counting in this process meanwhile`));
      this.redis = redis;
      // Commands fail until the connection is ready: wait for it briefly (an absent Redis does not hold the start).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        redis.once('ready', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    for (const name of RATE_LIMIT_NAMES) {
      const { points, minutes } = LIMITS.rateLimits[name];
      const options = { points, duration: minutes * 60, keyPrefix: `${prefix}:${name}` };
      const memory = new RateLimiterMemory(options);
      this.limiters.set(
        name,
        this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory,
      );
    }
  }

  async stop(): Promise<void> {
    this.limiters.clear();
    this.store = 'off';
    this.redis?.disconnect();
    this.redis = null;
  }

  /** Counts one event of `name` for `key` and tells whether it was within the limit. */
  async hit(name: RateLimitName, key: string): Promise<RateLimitOutcome> {
    const limiter = this.limiters.get(name);
    if (!limiter) return { allowed: true, remaining: Number.POSITIVE_INFINITY, retryAfterSeconds: 0 };
    try {
      const res = await limiter.consume(normaliseKey(key));
      return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: 0 };
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      // Both Redis and the memory twin failed (should not happen): let the request through.
      this.warn(`rate limit ${name} could not be counted: ${String(refusal)}`);
      return { allowed: true, remaining: 0, retryAfterSeconds: 0 };
    }
  }

  /**
   * Whether one more event of `name` for `key` would be within the limit, without counting it (for
   * limits that count only outcomes, such as wrong passwords per IP).
   */
  async peek(name: RateLimitName, key: string): Promise<RateLimitOutcome> {
    const limiter = this.limiters.get(name);
    if (!limiter) return { allowed: true, remaining: Number.POSITIVE_INFINITY, retryAfterSeconds: 0 };
    try {
      const res = await limiter.get(normaliseKey(key));
      if (!res || res.consumedPoints < limiter.points) return { allowed: true, remaining: limiter.points - (res?.consumedPoints ?? 0), retryAfterSeconds: 0 };
      return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) };
    } catch (error) {
      this.warn(`rate limit ${name} could not be read: ${String(error)}`);
      return { allowed: true, remaining: 0, retryAfterSeconds: 0 };
    }
  }

  /** Counts one event and throws the translated RATE_LIMITED error when it is over the limit. */
  async consume(name: RateLimitName, key: string): Promise<void> {
    const outcome = await this.hit(name, key);
    if (!outcome.allowed) throw rateLimitedError(outcome.retryAfterSeconds);
  }

  /**
   * For plain HTTP endpoints (uploads): counts one event and, over the limit, answers 429 with
   * Retry-After and the translated message in the endpoint's `{ code, message }` shape. False when
   * it answered (the caller must stop).
   */
  async allowHttp(name: RateLimitName, key: string, res: Pick<Response, 'headersSent' | 'setHeader' | 'status'>, locale: Locale): Promise<boolean> {
    const outcome = await this.hit(name, key);
    if (outcome.allowed) return true;
    const error = rateLimitedError(outcome.retryAfterSeconds);
    if (!res.headersSent) {
      res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
      res.setHeader('Cache-Control', 'no-store');
      res.status(429).json({ code: error.messageKey, message: String(translator(locale)(error.messageKey, error.params)) });
    }
    return false;
  }

  /** Gives one counted event back (an attempt that turned out not to count, e.g. a right password). */
  async refund(name: RateLimitName, key: string): Promise<void> {
    await this.limiters
      .get(name)
      ?.reward(normaliseKey(key))
      .catch(() => undefined);
  }

  /** Forgets every event of `name` for `key` (e.g. a successful sign-in clears the account's failures). */
  async reset(name: RateLimitName, key: string): Promise<void> {
    await this.limiters
      .get(name)
      ?.delete(normaliseKey(key))
      .catch(() => undefined);
  }

  private async redisWanted(): Promise<boolean> {
    if (this.config.QUEUE_DRIVER === 'inprocess') return false;
    if (this.config.QUEUE_DRIVER === 'bullmq' || this.config.isProduction) return true;
    const answers = await redisAnswers(this.config.REDIS_URL, 1000);
    if (!answers) this.logger.warn('No Redis answers: rate limits are counted in this process only');
    return answers;
  }

  /** At most one warning a minute: a Redis outage must not flood the log. */
  private warn(message: string): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(message);
  }
}

/** Keys are e-mails, IPs or ids: case never matters, and a bounded length keeps Redis keys small. */
function normaliseKey(key: string): string {
  return (key || 'unknown').trim().toLowerCase().slice(0, 256);
}

/** RateLimitService for the domain modules that count events; one instance per application. */
@Module({ providers: [RateLimitService], exports: [RateLimitService] })
export class RateLimitModule {}
