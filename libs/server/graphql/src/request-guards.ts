import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import type { Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import type { OperationAllowList } from './allow-list';

/** Codes of the refusals below; formatError passes them through to clients as they are. */
export const RequestRefusalCode = {
  CsrfBlocked: 'CSRF_BLOCKED',
  BatchNotAllowed: 'BATCH_NOT_ALLOWED',
  OperationNotAllowed: 'OPERATION_NOT_ALLOWED',
} as const;

/**
 * A refusal thrown while the request context is built. Apollo answers it without running its
 * request pipeline (so errorTranslationPlugin never sees it): the message is translated here.
 */
export function requestRefusal(code: string, key: string, locale: Locale, status = 400): GraphQLError {
  return new GraphQLError(translator(locale)(key), { extensions: { code, http: { status } } });
}

/** Content types a browser form or a no-cors fetch may send cross-site without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
/** Headers only a same-origin script (or a non-browser client) can add without a preflight. */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * Apollo Server's CSRF prevention rule (preventCsrf), applied in the context function so that the
 * refusal is translated: a request is refused when it could have been sent cross-site by a form or
 * a simple fetch (no content type, or a "simple" one) and carries none of the preflight headers.
 * The web app always posts JSON.
 */
export function isCrossSiteSafe(req: Pick<Request, 'headers'>): boolean {
  const contentType = req.headers['content-type'];
  if (contentType !== undefined) {
    const essence = contentType.split(';')[0].trim().toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.has(essence)) return true;
  }
  return PREFLIGHT_HEADERS.some((header) => {
    const value = req.headers[header];
    return typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0;
  });
}

/** The query text of a GET or POST GraphQL request, if it has one. */
function queryText(req: Pick<Request, 'method' | 'body' | 'query'>): string | undefined {
  const query = req.method === 'GET' ? (req.query as Record<string, unknown> | undefined)?.query : (req.body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' ? query : undefined;
}

/**
 * Refuses, before anything is parsed or run: cross-site-forgeable requests, batched requests (an
 * array of operations: one HTTP request must not buy many operations past the per-request limits),
 * and, with an allow-list, any document the web app does not ship. Requests without a query text
 * are left to Apollo, which refuses them.
 */
export function guardRequest(req: Pick<Request, 'method' | 'body' | 'query' | 'headers'>, locale: Locale, allowList?: OperationAllowList): void {
  if (!isCrossSiteSafe(req)) throw requestRefusal(RequestRefusalCode.CsrfBlocked, 'errors:csrfBlocked', locale);
  if (Array.isArray(req.body)) throw requestRefusal(RequestRefusalCode.BatchNotAllowed, 'errors:batchNotAllowed', locale);
  if (allowList) {
    const query = queryText(req);
    if (query !== undefined && !allowList.allows(query)) {
      throw requestRefusal(RequestRefusalCode.OperationNotAllowed, 'errors:operationNotAllowed', locale);
    }
  }
}
