import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLObjectType,
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';
import { addTypenameToDocument } from '@apollo/client/utilities';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig } from '@alliance/server-config';
import { LIMITS } from '@alliance/shared-core';
import { complexityLimitPlugin, measureOperation, operationLimitsRule } from '@alliance/server-graphql';
import { createApi } from './bootstrap';
// The script `npm run graphql:allow-list` runs (a tool, not a library: loaded by path, as npm does).
const ALLOW_LIST_SCRIPT = path.resolve(__dirname, '../../../libs/tooling/scripts/graphql-allow-list.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { collectWebOperations } = require(ALLOW_LIST_SCRIPT) as {
  collectWebOperations: () => Array<{ name: string; document: DocumentNode }>;
};

type Body = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };

/**
 * The GraphQL abuse limits with their production values (the defaults): every operation the web
 * app ships fits them, and every hostile request is refused with a translated error before any
 * resolver runs (each root resolver of the schema is wrapped to count its calls).
 */
describe('GraphQL abuse limits', () => {
  let app: NestExpressApplication;
  let url: string;
  let config: AppConfig;
  let schema: GraphQLSchema;
  let rootCalls = 0;

  beforeAll(async () => {
    process.env.QUEUE_DRIVER = 'bullmq';
    for (const name of Object.keys(process.env)) if (name.startsWith('GRAPHQL_')) delete process.env[name];
    config = loadConfig();
    app = await createApi(config);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    schema = app.get(GraphQLSchemaHost).schema;
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.values(type!.getFields())) {
        const resolve = field.resolve ?? defaultFieldResolver;
        field.resolve = (...args) => {
          rootCalls++;
          return resolve(...args);
        };
      }
    }
  });

  afterAll(async () => {
    await app?.close();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const gql = (query: string, variables: Record<string, unknown> = {}, locale = 'en') => post({ query, variables }, { 'accept-language': locale });

  /** Sends a hostile request and checks that it was refused with `key`'s message and ran no resolver. */
  const expectRefused = async (send: () => Promise<{ status: number; body: Body }>, code: string) => {
    const before = rootCalls;
    const res = await send();
    expect(res.body.errors?.[0].extensions.code).toBe(code);
    expect(res.body.data ?? undefined).toBeUndefined();
    expect(rootCalls).toBe(before);
    // Translated (not a bare message key), without stack traces.
    expect(res.body.errors?.[0].message).not.toMatch(/^[a-zA-Z]+:[a-zA-Z]+$/);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace/);
    return res;
  };

  const PRODUCTION = { depth: 8, complexity: 2000, anonymous: 500, aliases: 15, tokens: 2000 };

  it('uses the production limits by default', () => {
    expect({
      depth: config.GRAPHQL_MAX_DEPTH,
      complexity: config.GRAPHQL_MAX_COMPLEXITY,
      anonymous: config.GRAPHQL_MAX_COMPLEXITY_ANONYMOUS,
      aliases: config.GRAPHQL_MAX_ALIASES,
      tokens: config.GRAPHQL_MAX_TOKENS,
    }).toEqual(PRODUCTION);
    expect(config.GRAPHQL_ALLOW_LIST).toBe(false);
  });

  it('counts root resolver calls (the instrument of the tests below)', async () => {
    const before = rootCalls;
    expect((await gql('{ me { id } }')).body).toEqual({ data: { me: null } });
    expect(rootCalls).toBe(before + 1);
  });

  describe('every operation of the web app fits the production limits', () => {
    const operations = collectWebOperations();

    it('finds them all', () => {
      expect(operations.length).toBeGreaterThan(200);
    });

    it('costs one per field: no field of the schema declares its own complexity', () => {
      const declared = Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .flatMap((type) => Object.values(type.getFields()).filter((f) => f.extensions?.complexity !== undefined).map((f) => `${type.name}.${f.name}`));
      expect(declared).toEqual([]);
      const document = parse('{ countries { code name } me { id } }');
      expect(getComplexity({ schema, query: document, variables: {}, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] })).toBe(
        measureOperation(document, document.definitions[0] as never).fields,
      );
    });

    it.each(operations.map((o) => [o.name, o.document] as const))('%s', (_name, document) => {
      const rule = operationLimitsRule({ maxDepth: PRODUCTION.depth, maxAliases: PRODUCTION.aliases, maxFields: PRODUCTION.complexity });
      expect(validate(schema, document, [...specifiedRules, rule]).map((e) => e.message)).toEqual([]);
      // As Apollo Client sends it (with __typename in every selection set), within the token limit.
      expect(() => parse(print(addTypenameToDocument(document)), { maxTokens: PRODUCTION.tokens })).not.toThrow();
      const operation = document.definitions.find((d) => d.kind === 'OperationDefinition')!;
      // Every query the web app sends fits even the anonymous budget (public pages: catalogue, home,
      // certificate verification, evidence bank); mutations are signed in, except sign-up and co.
      // The expanded field count bounds the estimate while no field declares its own complexity
      // (checked below); the estimator itself needs real variable values.
      expect(measureOperation(document, operation).fields).toBeLessThanOrEqual(PRODUCTION.anonymous);
      expect(measureOperation(document, operation).depth).toBeLessThanOrEqual(PRODUCTION.depth);
    });
  });

  it('refuses a query deeper than 8 levels, translated', async () => {
    const deep = deepQuery(schema, PRODUCTION.depth + 1);
    const res = await expectRefused(() => gql(deep, {}, 'fr'), 'GRAPHQL_VALIDATION_FAILED');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].message).toBe('La requête dépasse la profondeur maximale de 8 niveaux.');
    // One level less is within the limit (validated only: it may need a signed-in caller).
    expect(validate(schema, parse(deepQuery(schema, PRODUCTION.depth)), [operationLimitsRule({ maxDepth: 8, maxAliases: 15, maxFields: 2000 })])).toEqual([]);
  });

  it('refuses more than 15 aliases in one operation, also through fragments', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ');
    const direct = await expectRefused(() => gql(`{ ${aliases(16)} }`, {}, 'es'), 'GRAPHQL_VALIDATION_FAILED');
    expect(direct.body.errors![0].message).toBe('La consulta usa demasiados alias (como máximo 15).');
    // 4 aliases in a fragment spread 4 times: 16.
    const spread = await expectRefused(() => gql(`{ ...F ...F ...F ...F } fragment F on Query { ${aliases(4)} }`, {}, 'pt'), 'GRAPHQL_VALIDATION_FAILED');
    expect(spread.body.errors![0].message).toBe('A consulta usa aliases demais (no máximo 15).');
    const before = rootCalls;
    expect((await gql(`{ ${aliases(15)} }`)).body.errors).toBeUndefined();
    expect(rootCalls).toBe(before + 15);
  });

  it('refuses a fragment bomb (2^30 fields once expanded) quickly, before estimating its cost', async () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const bomb = `{ ...F0 }\n${fragments}\nfragment F${levels} on Query { me { id } }`;
    const res = await expectRefused(() => gql(bomb, {}, 'en'), 'GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors![0].message).toBe('The query is too complex.');
  });

  it('refuses fragment cycles and unknown fragments as validation errors, not server errors', async () => {
    const cycle = await expectRefused(() => gql('{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }'), 'GRAPHQL_VALIDATION_FAILED');
    expect(cycle.status).toBe(400);
    const missing = await expectRefused(() => gql('{ me { ...Missing } }'), 'GRAPHQL_VALIDATION_FAILED');
    expect(missing.status).toBe(400);
  });

  it('refuses a document of more than 2,000 tokens while parsing, translated', async () => {
    const huge = `{ me { ${'id '.repeat(3000)} } }`;
    const res = await expectRefused(() => gql(huge, {}, 'es'), 'GRAPHQL_PARSE_FAILED');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].message).toBe('La consulta es demasiado larga.');
  });

  it('refuses a page size above 100, literal or variable, on any list', async () => {
    expect(LIMITS.pageSizeMax).toBe(100);
    const literal = await expectRefused(() => gql('{ courses(first: 101) { totalCount } }', {}, 'en'), 'BAD_USER_INPUT');
    expect(literal.body.errors![0].message).toBe('At most 100 items can be requested at a time.');
    expect(literal.status).toBe(400);
    const variable = await expectRefused(() => gql('query($n: Int) { courses(first: $n) { totalCount } }', { n: 5000 }, 'fr'), 'BAD_USER_INPUT');
    expect(variable.body.errors![0].message).toBe('Vous pouvez demander au plus 100 éléments à la fois.');
    const defaulted = await expectRefused(() => gql('query($n: Int = 1000) { courses(first: $n) { totalCount } }'), 'BAD_USER_INPUT');
    expect(defaulted.body.errors![0].extensions.fields).toEqual([{ field: 'first', key: 'errors:pageTooLarge', message: 'At most 100 items can be requested at a time.' }]);
    expect((await gql('{ courses(first: 100) { totalCount } }')).body.errors).toBeUndefined();
    // Every paginated field of the schema takes `first`, the argument checked.
    const sizeArguments = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).flatMap((field) => field.args.filter((a) => /^(first|last|limit|take|pageSize)$/.test(a.name)).map((a) => a.name)));
    expect(new Set(sizeArguments)).toEqual(new Set(['first']));
  });

  it('gives anonymous callers a smaller complexity budget (500) than signed-in ones (2,000)', async () => {
    // 4^4 = 256 spreads of a 3-field fragment: 768 fields, within the validation bound (20,000) and
    // above the anonymous budget.
    const levels = ['A', 'B', 'C', 'D', 'Leaf'];
    const fragments = levels.slice(0, -1).map((name, i) => `fragment ${name} on Query { ${`...${levels[i + 1]} `.repeat(4)} }`);
    const query = `{ ...A } ${fragments.join(' ')} fragment Leaf on Query { countries { code name } }`;
    const res = await expectRefused(() => gql(query, {}, 'en'), 'BAD_USER_INPUT');
    expect(res.body.errors![0].message).toBe('The query is too complex.');
    expect(res.status).toBe(400);
    // The same plugin lets a signed-in caller spend up to 2,000.
    const plugin = complexityLimitPlugin(PRODUCTION.complexity, PRODUCTION.anonymous);
    const listener = (await plugin.requestDidStart!({} as never))!;
    const document = parse(query);
    const context = (user?: object) => ({ request: { variables: {} }, document, schema, contextValue: { user } }) as never;
    await expect(listener.didResolveOperation!(context({ id: 'someone' }))).resolves.toBeUndefined();
    await expect(listener.didResolveOperation!(context())).rejects.toMatchObject({ extensions: { messageKey: 'errors:queryTooComplex', messageParams: { max: 500 } } });
  });

  describe('requests a cross-site page could send', () => {
    it('refuses a form post (urlencoded, no custom header), translated', async () => {
      const res = await expectRefused(
        async () => {
          const r = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'pt' },
            body: new URLSearchParams({ query: 'mutation { signOut }' }).toString(),
          });
          return { status: r.status, body: (await r.json()) as Body };
        },
        'CSRF_BLOCKED',
      );
      expect(res.status).toBe(400);
      expect(res.body.errors![0].message).toBe('A requisição foi bloqueada como possível falsificação entre sites (CSRF).');
    });

    it('refuses text/plain and multipart posts and header-less GETs', async () => {
      for (const contentType of ['text/plain;charset=UTF-8', 'multipart/form-data; boundary=x']) {
        await expectRefused(
          async () => {
            const r = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify({ query: '{ me { id } }' }) });
            return { status: r.status, body: (await r.json()) as Body };
          },
          'CSRF_BLOCKED',
        );
      }
      await expectRefused(
        async () => {
          const r = await fetch(`${url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
          return { status: r.status, body: (await r.json()) as Body };
        },
        'CSRF_BLOCKED',
      );
    });

    it('refuses a mutation sent by GET, even with the preflight header', async () => {
      const res = await expectRefused(
        async () => {
          const r = await fetch(`${url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`, { headers: { 'apollo-require-preflight': 'true', 'accept-language': 'es' } });
          return { status: r.status, body: (await r.json()) as Body };
        },
        'BAD_REQUEST',
      );
      expect(res.status).toBe(405);
      expect(res.body.errors![0].message).toBe('Los cambios deben enviarse con una solicitud POST.');
      // A query by GET with the header is fine (scripts and tools may use it).
      const ok = await fetch(`${url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(await ok.json()).toEqual({ data: { me: null } });
    });
  });

  it('refuses batched requests (an array of operations), translated', async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: '{ me { id } }' }));
    const res = await expectRefused(() => post(batch, { 'accept-language': 'en' }), 'BATCH_NOT_ALLOWED');
    expect(res.status).toBe(400);
    expect(res.body.errors![0].message).toBe('Send one operation per request.');
  });

  it('keeps "Did you mean" suggestions outside production (production.spec.ts checks they are gone there)', async () => {
    const res = await gql('{ mee { id } }');
    expect(res.body.errors![0].message).toMatch(/Did you mean "me"\?/);
  });
});

/**
 * A valid query `depth` levels deep (root field at 0): follows object fields without required
 * arguments from Query, ending on a scalar field.
 */
function deepQuery(schema: GraphQLSchema, depth: number): string {
  const dead = new Set<string>();
  const path = (type: GraphQLObjectType, remaining: number): string | undefined => {
    if (dead.has(`${type.name}:${remaining}`)) return undefined;
    const fields = Object.values(type.getFields()).filter((f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined));
    for (const field of fields) {
      const named = getNamedType(field.type);
      if (remaining === 0 && isLeafType(named)) return field.name;
      if (remaining > 0 && isObjectType(named)) {
        const rest = path(named, remaining - 1);
        if (rest) return `${field.name} { ${rest} }`;
      }
    }
    dead.add(`${type.name}:${remaining}`);
    return undefined;
  };
  const query = path(schema.getQueryType()!, depth);
  if (!query) throw new Error(`no path ${depth} levels deep in the schema`);
  return `{ ${query} }`;
}
