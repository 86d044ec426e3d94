import path from 'node:path';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { defaultFieldResolver, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@alliance/server-config';
import { ALLOW_LIST_VERSION } from '@alliance/server-graphql';
import { createApi } from './bootstrap';
// The script `npm run graphql:allow-list` runs (a tool, not a library: loaded by path, as npm does).
const ALLOW_LIST_SCRIPT = path.resolve(__dirname, '../../../libs/tooling/scripts/graphql-allow-list.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require(ALLOW_LIST_SCRIPT) as {
  collectWebOperations: () => Array<{ name: string; hash: string; document: DocumentNode }>;
  manifestOf: (operations: Array<{ name: string; hash: string }>, version: number) => unknown;
  render: (manifest: unknown) => string;
  MANIFEST: string;
};

type Body = { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };

/** GRAPHQL_ALLOW_LIST=true: the API accepts the web app's operations, as Apollo Client sends them, and nothing else. */
describe('GraphQL operation allow-list', () => {
  const operations = script.collectWebOperations();
  let app: NestExpressApplication;
  let url: string;
  let rootCalls = 0;

  beforeAll(async () => {
    process.env.QUEUE_DRIVER = 'bullmq';
    process.env.GRAPHQL_ALLOW_LIST = 'true';
    app = await createApi(loadConfig());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const schema = app.get(GraphQLSchemaHost).schema;
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
    delete process.env.GRAPHQL_ALLOW_LIST;
  });

  const gql = async (query: string, locale = 'en') => {
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': locale }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as Body };
  };

  it('has a manifest in step with the web app (run `npm run graphql:allow-list` after changing an operation)', () => {
    const expected = script.render(script.manifestOf(operations, ALLOW_LIST_VERSION));
    expect(fs.readFileSync(script.MANIFEST, 'utf8')).toBe(expected);
  });

  it('accepts every operation of the web app as Apollo Client sends it', async () => {
    // Apollo Client's own transforms (added __typename, removed client directives) and printing,
    // over HTTP; the fetch below records each answer, whatever the client makes of it.
    const answers: Body[] = [];
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({
        uri: `${url}/graphql`,
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const text = await res.text();
          answers.push(JSON.parse(text) as Body);
          return new Response(text, { status: res.status, headers: res.headers });
        },
      }),
    });
    for (const { document } of operations) {
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
      // Without variables most operations fail their variable check, after the allow-list (nothing changes).
      await (operation.operation === 'mutation'
        ? client.mutate({ mutation: document, errorPolicy: 'all' })
        : client.query({ query: document, fetchPolicy: 'no-cache', errorPolicy: 'all' })
      ).catch(() => undefined);
    }
    expect(answers).toHaveLength(operations.length);
    const refused = answers.flatMap((answer, i) => (answer.errors?.some((e) => e.extensions.code === 'OPERATION_NOT_ALLOWED') ? [operations[i].name] : []));
    expect(refused).toEqual([]);
  });

  it('accepts a web operation however it is spaced, commented or given __typename', async () => {
    const me = operations.find((o) => print(o.document).includes('me {') && !print(o.document).includes('$'))!;
    const reformatted = `# the same operation\n${print(me.document).replace(/\{/g, '{ __typename\n\n').replace(/ /g, '   ')}`;
    const res = await gql(reformatted);
    expect(res.body.errors?.map((e) => e.extensions.code) ?? []).not.toContain('OPERATION_NOT_ALLOWED');
  });

  it('refuses an ad-hoc document before any resolver runs, translated', async () => {
    const messages = {
      es: 'El servidor no acepta esta operación.',
      en: 'The server does not accept this operation.',
      pt: 'O servidor não aceita esta operação.',
      fr: 'Le serveur n’accepte pas cette opération.',
    };
    const before = rootCalls;
    for (const [locale, message] of Object.entries(messages)) {
      const res = await gql('{ me { id email roles } }', locale);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [{ message, extensions: { code: 'OPERATION_NOT_ALLOWED' } }] });
    }
    // A web operation with one more field is another document.
    const [first] = operations;
    const widened = print(first.document).replace(/\{/, '{ __schema { queryType { name } } ');
    expect((await gql(widened)).body.errors?.[0].extensions.code).toBe('OPERATION_NOT_ALLOWED');
    // Too long to be a web operation: refused without being parsed whole.
    expect((await gql(`{ me { ${'id '.repeat(5000)} } }`)).body.errors?.[0].extensions.code).toBe('OPERATION_NOT_ALLOWED');
    expect(rootCalls).toBe(before);
  });
});
