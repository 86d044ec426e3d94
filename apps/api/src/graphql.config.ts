import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Request, Response } from 'express';
import depthLimit from 'graphql-depth-limit';
import { Kind, visit, type ASTVisitor, type ValidationContext } from 'graphql';
import { parse as parseCookies } from 'cookie';
import type { Logger } from 'nestjs-pino';
import type { AppConfig } from '@alliance/server-config';
import { resolveLocale } from '@alliance/shared-core';
import {
  LoaderRegistry,
  complexityLimitPlugin,
  errorTranslationPlugin,
  formatError,
  type RequestContext,
} from '@alliance/server-graphql';
import { SESSION_COOKIE_NAME, type SessionService } from '@alliance/server-identity';

/**
 * GraphQL conventions, set once: translated errors with stable codes, depth and complexity limits,
 * Apollo's CSRF prevention, no introspection or stack traces in production.
 */
export function graphqlOptions(config: AppConfig, sessions: SessionService, logger: Logger, extraPlugins: ApolloDriverConfig['plugins'] = []): Omit<ApolloDriverConfig, 'driver'> {
  const exposeStack = config.NODE_ENV === 'development';
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !config.isProduction,
    graphiql: config.NODE_ENV === 'development',
    csrfPrevention: true,
    includeStacktraceInErrorResponses: exposeStack,
    validationRules: [depthLimitOnKnownFragments(config.GRAPHQL_MAX_DEPTH)],
    plugins: [errorTranslationPlugin(), complexityLimitPlugin(config.GRAPHQL_MAX_COMPLEXITY), ...(extraPlugins ?? [])],
    formatError: (formatted, error) => formatError(formatted, error, exposeStack, (err) => logger.error(err)),
    context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
      const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE_NAME];
      const user = token ? await sessions.resolve(token) : undefined;
      // The web app always sends the reader's chosen language; other clients fall back to the profile.
      const locale = resolveLocale(req.headers['accept-language'] ?? user?.locale);
      Object.assign(req, { user, locale });
      return { req, res, user, locale, loaders: new LoaderRegistry() };
    },
  };
}

/**
 * graphql-depth-limit throws (a 500) on a spread of a fragment the document does not define; the
 * standard KnownFragmentNames rule reports that as a validation error, so the depth rule waits for
 * a document whose fragments all exist.
 */
function depthLimitOnKnownFragments(maxDepth: number): (context: ValidationContext) => ASTVisitor {
  const rule = depthLimit(maxDepth);
  return (context) => {
    const document = context.getDocument();
    const defined = new Set(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
    let missing = false;
    visit(document, {
      FragmentSpread(node) {
        if (!defined.has(node.name.value)) missing = true;
      },
    });
    return missing ? {} : (rule(context) as ASTVisitor);
  };
}
