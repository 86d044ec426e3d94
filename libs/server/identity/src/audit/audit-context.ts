import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

interface AuditRequest {
  req: Request & { id?: unknown };
}

// Where an action came from (address and request id) without threading the request through every
// service signature: the services that record entries are called from resolvers, jobs and seeds.
const storage = new AsyncLocalStorage<AuditRequest>();

/** Runs the rest of the request inside its audit context. Registered for every route by IdentityModule. */
@Injectable()
export class AuditContextMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    storage.run({ req }, next);
  }
}

/** Runs `fn` as if inside `req` (tests, and callers outside Nest's middleware chain). */
export function runWithAuditRequest<T>(req: Request, fn: () => T): T {
  return storage.run({ req }, fn);
}

/** The current request's client address and id, or nulls outside a request (jobs, seed, start-up). */
export function currentAuditOrigin(): { ip: string | null; requestId: string | null } {
  const req = storage.getStore()?.req;
  if (!req) return { ip: null, requestId: null };
  // Read at record time, not at entry: the logger's middleware assigns req.id after this one may run.
  const header = req.headers?.['x-request-id'];
  const requestId = req.id != null ? String(req.id) : typeof header === 'string' ? header : null;
  const ip = req.ip ?? req.socket?.remoteAddress ?? null;
  return { ip: ip ? ip.slice(0, 64) : null, requestId: requestId ? requestId.slice(0, 100) : null };
}
