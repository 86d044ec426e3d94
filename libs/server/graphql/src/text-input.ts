// The ESM declarations, as @nestjs/apollo (ESM-only) uses them; the CJS ones are nominally different.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Kind, visit, type ValueNode } from 'graphql';
import type { FieldErrorDescriptor } from '@alliance/shared-core';
import { AppError } from './app-error';
import type { RequestContext } from './request-context';

/** Field errors listed at most, however many strings of a huge input are bad. */
const MAX_FIELDS = 20;

/**
 * A BAD_USER_INPUT refusal answered with HTTP 400: thrown before execution (from a plugin hook),
 * Apollo would otherwise answer it with a 500 status.
 */
export function requestBadInput(fields: FieldErrorDescriptor[]): AppError {
  const error = AppError.badInput(fields);
  (error.extensions as Record<string, unknown>).http = { status: 400 };
  return error;
}

/** Paths (`input.title`, `emails.3`) of the strings in `value` that contain U+0000. */
function nulPaths(value: unknown, path: string, found: string[]): void {
  if (found.length >= MAX_FIELDS) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => nulPaths(item, `${path}.${i}`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulPaths(item, path ? `${path}.${key}` : key, found);
  }
}

function literalHasNul(node: ValueNode): boolean {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes('\u0000');
    case Kind.LIST:
      return node.values.some(literalHasNul);
    case Kind.OBJECT:
      return node.fields.some((f) => literalHasNul(f.value));
    default:
      return false;
  }
}

/**
 * Refuses, before any resolver runs, a string argument holding a NUL character (U+0000):
 * PostgreSQL cannot store one in any text column, so such a value would otherwise reach the
 * database and fail there as an internal error. Names each offending field (variable path, or the
 * argument written inline in the document).
 */
export function nulCharacterPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          const found: string[] = [];
          nulPaths(request.variables ?? {}, '', found);
          if (operation) {
            visit(operation, {
              Argument(node) {
                if (found.length < MAX_FIELDS && literalHasNul(node.value)) found.push(node.name.value);
              },
            });
          }
          if (found.length) throw requestBadInput([...new Set(found)].map((field) => ({ field, key: 'validation:invalid' })));
        },
      };
    },
  };
}
