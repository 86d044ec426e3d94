// The ESM declarations, as @nestjs/apollo (ESM-only) uses them; the CJS ones are nominally different.
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';
import { ErrorCode, type FieldErrorDescriptor } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { AppError } from './app-error';
import { assertPageSizes } from './limits';
import { RequestRefusalCode } from './request-guards';
import type { RequestContext } from './request-context';

/** Apollo's own codes that reach clients as they are; anything else unexpected becomes INTERNAL_SERVER_ERROR. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  ...Object.values(RequestRefusalCode),
]);
const OUR_CODES = new Set<string>(Object.values(ErrorCode));

/** pg-pool's wait for a free connection ran out, or the server refused, dropped or is not accepting connections. */
const DATABASE_UNAVAILABLE_MESSAGE = /timeout exceeded when trying to connect|connection terminated|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)|too many clients|is not currently accepting connections/i;
/** SQLSTATE classes 08 (connection exception) and 57P0x (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections). */
const DATABASE_UNAVAILABLE_CODE = /^(08...|57P0[1-3]|53300|ECONNREFUSED|ECONNRESET)$/;

/** Whether an error means "the database cannot serve this request now" rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && DATABASE_UNAVAILABLE_CODE.test(code)) || DATABASE_UNAVAILABLE_MESSAGE.test(error.message);
}

/**
 * formatError: keeps our errors (code + message key), keeps GraphQL's own request errors, and
 * replaces everything else by a generic internal error so no SQL or stack leaks to clients.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, exposeStack: boolean, log: (err: unknown) => void): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  // INTERNAL_SERVER_ERROR is the code Apollo gives any error it does not know: its message (a
  // driver's SQL error, say) must not be passed on as if it were one of ours.
  if (original instanceof AppError || (OUR_CODES.has(code) && code !== ErrorCode.InternalServerError)) {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: exposeStack ? { ...extensions, stacktrace } : extensions };
  }
  if (PASS_THROUGH_CODES.has(code)) {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: exposeStack ? { ...extensions, stacktrace } : extensions };
  }
  if (isDatabaseUnavailable(original)) {
    // Not a bug: every pooled connection is busy or PostgreSQL is away (/ready says so). The caller
    // is told to retry instead of being shown an internal error.
    return {
      message: 'errors:serviceUnavailable',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.ServiceUnavailable, messageKey: 'errors:serviceUnavailable' },
    };
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

/**
 * Refusals by graphql-js or Apollo that carry no message key, recognised by their (stable) English
 * text so that they too reach clients translated.
 */
const KNOWN_REFUSALS: Array<{ code: string; pattern: RegExp; key: string }> = [
  { code: 'GRAPHQL_PARSE_FAILED', pattern: /^Syntax Error: Document contains more tha[nt] \d+ tokens/, key: 'errors:queryTooLarge' },
  { code: 'BAD_REQUEST', pattern: /^GET requests only support query operations/, key: 'errors:mutationNeedsPost' },
];

/** graphql-js's "Did you mean ...?" hints name schema fields, types and enum values. */
const SUGGESTION = / ?Did you mean (.+?)\?$/;

/**
 * Translates every error's message (and field messages) into the caller's language just before
 * sending. With `hideSuggestions` (production), strips graphql-js's "Did you mean ...?" hints from
 * the messages it does not translate: validation hides them itself (validationOptions), but
 * variable coercion errors ("Value "X" does not exist in "Y" enum. Did you mean...") still have them.
 */
export function errorTranslationPlugin(options: { hideSuggestions?: boolean } = {}): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }: GraphQLRequestContext<RequestContext>) {
          const body = response.body;
          if (!body || body.kind !== 'single' || !body.singleResult.errors) return;
          const t = translator(contextValue?.locale ?? 'es');
          body.singleResult.errors = body.singleResult.errors.map((err: GraphQLFormattedError) => {
            const known = KNOWN_REFUSALS.find((r) => r.code === err.extensions?.code && r.pattern.test(err.message));
            const key = (err.extensions?.messageKey as string | undefined) ?? known?.key;
            const params = (err.extensions?.messageParams as Record<string, unknown>) ?? {};
            const fields = err.extensions?.fields as FieldErrorDescriptor[] | undefined;
            const { messageKey: _k, messageParams: _p, ...extensions } = err.extensions ?? {};
            return {
              ...err,
              message: key ? t(key, params) : options.hideSuggestions ? err.message.replace(SUGGESTION, '') : err.message,
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

/**
 * Apollo answers an error thrown before execution with HTTP 500 unless the error names a status:
 * a refused request is the client's fault (400), like a validation error.
 */
function asBadRequest(error: AppError): AppError {
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}

/** How many (operation, variables) costs are remembered per parsed document. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Rejects operations whose estimated cost is above `maxComplexity` (`maxAnonymous` for callers who
 * are not signed in: the public pages need far less, and anyone can be anonymous) before any
 * resolver runs. Apollo keeps one parsed document per query text, so the cost of the web app's few
 * operations is computed once per set of variables instead of walking the schema on every request.
 * operationLimitsRule has already refused documents whose expanded size passes `maxComplexity`, so
 * the estimator never walks a fragment bomb.
 */
export function complexityLimitPlugin(maxComplexity: number, maxAnonymous = maxComplexity): ApolloServerPlugin<RequestContext> {
  const costs = new WeakMap<object, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          const key = `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let known = costs.get(document);
          let complexity = known?.get(key);
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                operationName: request.operationName,
                query: document,
                variables: request.variables ?? {},
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch (error) {
              // getComplexity coerces the variables itself and throws graphql-js's coercion error
              // (a null for an ID!, a string for an Int, more than 50 bad list items...), which
              // Apollo would answer as an internal error (500): answer it as Apollo answers the same
              // error from execution, BAD_USER_INPUT with HTTP 400.
              if (isVariableCoercionError(error)) {
                throw new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
              }
              throw error;
            }
            if (!known) costs.set(document, (known = new Map()));
            if (known.size >= COSTS_PER_DOCUMENT) known.delete(known.keys().next().value as string);
            known.set(key, complexity);
          }
          // An anonymous budget above the general one would be a configuration slip: the lower wins.
          const max = contextValue?.user ? maxComplexity : Math.min(maxAnonymous, maxComplexity);
          if (complexity > max) {
            throw asBadRequest(new AppError(ErrorCode.BadUserInput, 'errors:queryTooComplex', { complexity, max }));
          }
        },
      };
    },
  };
}

/** graphql-js's error for variables whose values do not fit their declared types. */
function isVariableCoercionError(error: unknown): boolean {
  const message = (error as Error | null)?.message ?? '';
  const nodes = (error as { nodes?: ReadonlyArray<{ kind: string }> } | null)?.nodes;
  if (message.startsWith('Too many errors processing variables')) return true;
  return nodes?.length === 1 && nodes[0].kind === 'VariableDefinition' && message.startsWith('Variable "$');
}

/**
 * Refuses a page size above LIMITS.pageSizeMax (the `first` argument of any field, literal or
 * variable) before any resolver runs, so no list can be asked for in bigger pages even where a
 * service forgot to check.
 */
export function pageSizeLimitPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return;
          try {
            assertPageSizes(document, operation, request.variables ?? {});
          } catch (error) {
            throw error instanceof AppError ? asBadRequest(error) : error;
          }
        },
      };
    },
  };
}
