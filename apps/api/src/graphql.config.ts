import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import type { Logger } from 'nestjs-pino';
import type { AppConfig } from '@alliance/server-config';
import { resolveLocale } from '@alliance/shared-core';
import {
  LoaderRegistry,
  OperationAllowList,
  complexityLimitPlugin,
  errorTranslationPlugin,
  formatError,
  guardRequest,
  nulCharacterPlugin,
  operationLimitsRule,
  pageSizeLimitPlugin,
  type AllowListManifest,
  type RequestContext,
} from '@alliance/server-graphql';
import type { SessionService } from '@alliance/server-identity';

// Written by `npm run graphql:allow-list` from the web app's operations; bundled, so the allow-list
// is always the one of the web app built with this API.
import allowListManifest from '../graphql-operations.json';

/**
 * GraphQL conventions, set once: translated errors with stable codes; limits on depth, aliases,
 * expanded size, tokens, complexity (lower for anonymous callers) and page size, all checked before
 * any resolver runs; CSRF prevention; no batching; optionally only the web app's own operations;
 * no introspection, schema-name suggestions or stack traces in production.
 */
export function graphqlOptions(config: AppConfig, sessions: SessionService, logger: Logger, extraPlugins: ApolloDriverConfig['plugins'] = []): Omit<ApolloDriverConfig, 'driver'> {
  const exposeStack = config.NODE_ENV === 'development';
  const allowList = config.GRAPHQL_ALLOW_LIST ? new OperationAllowList(allowListManifest as AllowListManifest, config.GRAPHQL_MAX_TOKENS) : undefined;
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.isProduction,
    graphiql: config.NODE_ENV === 'development',
    // guardRequest (in the context function below) applies Apollo's CSRF rule itself, so that its
    // refusal is translated; Apollo's own check would refuse first, in English.
    csrfPrevention: false,
    // One operation per HTTP request (guardRequest refuses arrays with a translated error first).
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let a client register any document by hash; the web app
    // does not use them.
    persistedQueries: false,
    // Refused while parsing: a huge document costs little before validation (whose overlapping
    // fields check is quadratic) ever sees it.
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    // Production: no "Did you mean ...?" hints (they name schema fields and types to a prober).
    hideSchemaDetailsFromClientErrors: config.isProduction,
    validationOptions: { hideSuggestions: config.isProduction },
    includeStacktraceInErrorResponses: exposeStack,
    validationRules: [
      // maxFields only keeps the complexity estimator (which expands every spread) away from
      // fragment bombs; the complexity limit itself, with its per-caller budget, is the plugin's.
      operationLimitsRule({ maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxFields: 10 * config.GRAPHQL_MAX_COMPLEXITY }),
    ],
    plugins: [
      errorTranslationPlugin({ hideSuggestions: config.isProduction }),
      complexityLimitPlugin(config.GRAPHQL_MAX_COMPLEXITY, config.GRAPHQL_MAX_COMPLEXITY_ANONYMOUS),
      pageSizeLimitPlugin(),
      nulCharacterPlugin(),
      ...(extraPlugins ?? []),
    ],
    formatError: (formatted, error) => formatError(formatted, error, exposeStack, (err) => logger.error(err)),
    context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
      // Before the session is looked up: a refused request costs no database query.
      guardRequest(req, resolveLocale(req.headers['accept-language']), allowList);
      const user = await sessions.resolveRequest(req);
      // The web app always sends the reader's chosen language; other clients fall back to the profile.
      const locale = resolveLocale(req.headers['accept-language'] ?? user?.locale);
      Object.assign(req, { user, locale });
      return { req, res, user, locale, loaders: new LoaderRegistry() };
    },
  };
}
