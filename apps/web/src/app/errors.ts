import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { ErrorCode } from '@alliance/shared-core';
import type { GraphQLFormattedError } from 'graphql';
import type { TFunction } from 'i18next';

/** Messages to show under each input, keyed by the input's field name. */
export type FieldMessages = Record<string, string>;

export interface DescribedError {
  /** The API's stable `extensions.code`, or NETWORK when no GraphQL answer arrived. */
  code: ErrorCode | 'NETWORK';
  /** A message a person can act on, already in their language. */
  message: string;
  fields: FieldMessages;
  /** Extra values the API attached (e.g. retry delays). */
  extensions: Record<string, unknown>;
}

interface ApiFieldError {
  field?: unknown;
  key?: unknown;
  message?: unknown;
  params?: Record<string, string | number>;
}

// "input.newPassword" and "newPassword" both name the newPassword input.
export function fieldName(path: string): string {
  const parts = path.split('.');
  return parts[parts.length - 1] || path;
}

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>, t: TFunction): DescribedError {
  const first = errors[0];
  const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
  const rawCode = typeof extensions.code === 'string' ? extensions.code : ErrorCode.InternalServerError;
  const code = (Object.values(ErrorCode) as string[]).includes(rawCode) ? (rawCode as ErrorCode) : ErrorCode.InternalServerError;
  const fields: FieldMessages = {};
  for (const error of errors) {
    const list = (error.extensions as { fields?: unknown } | undefined)?.fields;
    if (!Array.isArray(list)) continue;
    for (const item of list as ApiFieldError[]) {
      if (typeof item.field !== 'string') continue;
      const name = fieldName(item.field);
      if (fields[name]) continue; // the first problem of a field is the one to fix first
      if (typeof item.message === 'string' && item.message) fields[name] = item.message;
      else if (typeof item.key === 'string') fields[name] = t(item.key, item.params ?? {});
    }
  }
  // The API translates messages; GraphQL's own validation errors are not for people, so they get ours.
  const message =
    first?.message && rawCode !== 'GRAPHQL_VALIDATION_FAILED' && rawCode !== 'GRAPHQL_PARSE_FAILED'
      ? first.message
      : t('errors:internal');
  return { code, message, fields, extensions };
}

/** Turns whatever Apollo Client threw into a code, a translated message and per-field messages. */
export function describeError(error: unknown, t: TFunction): DescribedError {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors, t);
  if (ServerError.is(error)) {
    // Apollo Server answers some errors with a 4xx status and a GraphQL body: read it when present.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: GraphQLFormattedError[] };
      if (Array.isArray(body.errors) && body.errors.length > 0) return fromGraphQLErrors(body.errors, t);
    } catch {
      // not JSON: fall through
    }
    if (error.statusCode === 429) {
      return { code: ErrorCode.RateLimited, message: t('errors:rateLimited', { minutes: 15 }), fields: {}, extensions: {} };
    }
    return { code: ErrorCode.InternalServerError, message: t('errors:internal'), fields: {}, extensions: {} };
  }
  return { code: 'NETWORK', message: t('nav:networkError'), fields: {}, extensions: {} };
}
