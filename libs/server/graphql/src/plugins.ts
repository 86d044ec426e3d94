// The ESM declarations, as @nestjs/apollo (ESM-only) uses them; the CJS ones are nominally different.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { GraphQLFormattedError } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { ErrorCode, type FieldErrorDescriptor } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { AppError } from './app-error';
import type { RequestContext } from './request-context';

/** Apollo's own codes that reach clients as they are; anything else unexpected becomes INTERNAL_SERVER_ERROR. */
const PASS_THROUGH_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);
const OUR_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * formatError: keeps our errors (code + message key), keeps GraphQL's own request errors, and
 * replaces everything else by a generic internal error so no SQL or stack leaks to clients.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, exposeStack: boolean, log: (err: unknown) => void): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof AppError || OUR_CODES.has(code)) {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: exposeStack ? { ...extensions, stacktrace } : extensions };
  }
  if (PASS_THROUGH_CODES.has(code)) {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: exposeStack ? { ...extensions, stacktrace } : extensions };
  }
  log(original);
  return {
    message: 'errors:internal',
    path: formatted.path,
    locations: formatted.locations,
    extensions: {
      code: ErrorCode.InternalServerError,
      messageKey: 'errors:internal',
      ...(exposeStack ? { stacktrace: formatted.extensions?.stacktrace, detail: formatted.message } : {}),
    },
  };
}

/** Translates every error's message (and field messages) into the caller's language just before sending. */
export function errorTranslationPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }: GraphQLRequestContext<RequestContext>) {
          const body = response.body;
          if (!body || body.kind !== 'single' || !body.singleResult.errors) return;
          const t = translator(contextValue?.locale ?? 'es');
          body.singleResult.errors = body.singleResult.errors.map((err: GraphQLFormattedError) => {
            const key = err.extensions?.messageKey as string | undefined;
            const params = (err.extensions?.messageParams as Record<string, unknown>) ?? {};
            const fields = err.extensions?.fields as FieldErrorDescriptor[] | undefined;
            const { messageKey: _k, messageParams: _p, ...extensions } = err.extensions ?? {};
            return {
              ...err,
              message: key ? t(key, params) : err.message,
              extensions: {
                ...extensions,
                ...(fields ? { fields: fields.map((f) => ({ field: f.field, key: f.key, message: t(f.key, f.params ?? {}) })) } : {}),
              },
            };
          });
        },
      };
    },
  };
}

/** How many (operation, variables) costs are remembered per parsed document. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Rejects operations whose estimated cost is above `maxComplexity` before any resolver runs. Apollo
 * keeps one parsed document per query text, so the cost of the web app's few operations is computed
 * once per set of variables instead of walking the schema on every request.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin<RequestContext> {
  const costs = new WeakMap<object, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          let complexity = known?.get(key);
          if (complexity === undefined) {
            complexity = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
            if (!known) costs.set(document, (known = new Map()));
            if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value as string);
            known.set(key, complexity);
          }
          if (complexity > maxComplexity) {
            throw new AppError(ErrorCode.BadUserInput, 'errors:queryTooComplex', { complexity, max: maxComplexity });
          }
        },
      };
    },
  };
}
