import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { measureOperation, largestPageSize, assertPageSizes, operationLimitsRule } from './limits';
import { OperationAllowList, ALLOW_LIST_VERSION, documentHash, normaliseDocument } from './allow-list';
import { guardRequest, isCrossSiteSafe } from './request-guards';

const operationOf = (source: string) => {
  const document = parse(source);
  return { document, operation: document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode };
};
const measure = (source: string) => {
  const { document, operation } = operationOf(source);
  return measureOperation(document, operation);
};

describe('measureOperation', () => {
  it('counts depth as graphql-depth-limit does (root fields at 0), ignoring introspection fields', () => {
    expect(measure('{ me }').depth).toBe(0);
    expect(measure('{ me { id } }').depth).toBe(1);
    expect(measure('{ users { edges { node { id } } } }').depth).toBe(3);
    expect(measure('{ me { __typename } __schema { types { fields { name } } } }').depth).toBe(1);
    expect(measure('{ me { ...F } } fragment F on User { org { ... on Org { id } } }').depth).toBe(2);
  });

  it('counts aliases and fields at every spread of a fragment', () => {
    expect(measure('{ a: me { id } b: me { id } }')).toEqual({ depth: 1, aliases: 2, fields: 4 });
    expect(measure('{ ...F ...F ...F } fragment F on Query { x: me { y: id } }')).toEqual({ depth: 1, aliases: 6, fields: 6 });
  });

  it('measures a fragment bomb without expanding it, and survives cycles and missing fragments', () => {
    const levels = 60;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(measure(`{ ...F0 } ${fragments} fragment F${levels} on Query { me }`).fields).toBe(2 ** levels);
    expect(measure('{ ...A } fragment A on Query { me ...B } fragment B on Query { ...A }').fields).toBe(1);
    expect(measure('{ me { ...Missing } }')).toEqual({ depth: 1, aliases: 0, fields: 1 });
  });
});

describe('operationLimitsRule', () => {
  const schema = buildSchema('type Query { me: User } type User { id: ID friend: User }');
  const errors = (source: string) => validate(schema, parse(source), [operationLimitsRule({ maxDepth: 2, maxAliases: 1, maxFields: 5 })]);

  it('reports one translated error per operation and limit', () => {
    expect(errors('{ me { friend { id } } }')).toEqual([]);
    const [deep] = errors('{ me { friend { friend { id } } } }');
    expect(deep.extensions).toEqual({ messageKey: 'errors:queryTooDeep', messageParams: { max: 2 } });
    expect(errors('{ a: me { id } b: me { id } }').map((e) => e.extensions.messageKey)).toEqual(['errors:tooManyAliases']);
    expect(errors('{ me { id friend { id friend { id } } } }').map((e) => e.extensions.messageKey)).toEqual(['errors:queryTooDeep', 'errors:queryTooComplex']);
  });
});

describe('page sizes', () => {
  const size = (source: string, variables: Record<string, unknown> = {}) => {
    const { document, operation } = operationOf(source);
    return largestPageSize(document, operation, variables);
  };

  it('reads literals, variables, variable defaults and fragments', () => {
    expect(size('{ a(first: 5) { b(first: 7) } }')).toBe(7);
    expect(size('query($n: Int) { a(first: $n) }', { n: 300 })).toBe(300);
    expect(size('query($n: Int = 150) { a(first: $n) }')).toBe(150);
    expect(size('query($n: Int = 150) { a(first: $n) }', { n: 10 })).toBe(10);
    expect(size('{ ...F } fragment F on Query { a(first: 101) }')).toBe(101);
    expect(size('{ a(last: 500, limit: 9) }')).toBe(0);
  });

  it('refuses above 100 with a field error', () => {
    const { document, operation } = operationOf('{ a(first: 101) }');
    expect(() => assertPageSizes(document, operation, {})).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ messageKey: 'errors:pageTooLarge', messageParams: { max: 100 } }) }));
    const ok = operationOf('{ a(first: 100) }');
    expect(() => assertPageSizes(ok.document, ok.operation, {})).not.toThrow();
  });
});

describe('allow-list', () => {
  const listed = parse('query Me { me { id name } }');
  const list = new OperationAllowList({ version: ALLOW_LIST_VERSION, operations: [{ name: 'Me', hash: documentHash(listed) }] }, 200);

  it('normalises away whitespace, comments, __typename and client-only directives', () => {
    const sent = parse('# comment\nquery Me {\n  me @connection(key: "x") { __typename id\n name }\n  local @client\n}');
    expect(normaliseDocument(sent)).toBe(normaliseDocument(listed));
    // An aliased __typename is the caller's own field, not Apollo's addition.
    expect(normaliseDocument(parse('query Me { me { t: __typename id name } }'))).not.toBe(normaliseDocument(listed));
  });

  it('accepts listed documents only, and remembers accepted texts', () => {
    expect(list.allows('query Me { me { __typename id name } }')).toBe(true);
    expect(list.allows('query Me { me { __typename id name } }')).toBe(true);
    expect(list.allows('query Me { me { id name email } }')).toBe(false);
    expect(list.allows('query Other { me { id name } }')).toBe(false);
    expect(list.allows('{ not valid')).toBe(false);
    expect(list.allows(`{ me { ${'id '.repeat(500)} } }`)).toBe(false);
  });

  it('refuses a manifest of another version', () => {
    expect(() => new OperationAllowList({ version: ALLOW_LIST_VERSION + 1, operations: [] }, 200)).toThrow(/graphql:allow-list/);
  });
});

describe('request guards', () => {
  const request = (headers: Record<string, string>, body: unknown = { query: '{ me { id } }' }, method = 'POST') => ({ method, headers, body, query: {} }) as never;

  it('applies Apollo’s CSRF rule: simple content types or none need a preflight header', () => {
    expect(isCrossSiteSafe(request({ 'content-type': 'application/json' }))).toBe(true);
    expect(isCrossSiteSafe(request({ 'content-type': 'application/json; charset=utf-8' }))).toBe(true);
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'TEXT/PLAIN;charset=UTF-8']) {
      expect(isCrossSiteSafe(request({ 'content-type': type }))).toBe(false);
      expect(isCrossSiteSafe(request({ 'content-type': type, 'apollo-require-preflight': 'true' }))).toBe(true);
    }
    expect(isCrossSiteSafe(request({}))).toBe(false);
    expect(isCrossSiteSafe(request({ 'x-apollo-operation-name': 'Me' }))).toBe(true);
    expect(isCrossSiteSafe(request({ 'x-apollo-operation-name': '' }))).toBe(false);
  });

  it('throws translated refusals with their codes and status 400', () => {
    const refusal = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error as { message: string; extensions: Record<string, unknown> };
      }
      return undefined;
    };
    expect(refusal(() => guardRequest(request({ 'content-type': 'text/plain' }), 'fr'))).toMatchObject({
      message: 'La requête a été bloquée comme possible falsification de requête intersite (CSRF).',
      extensions: { code: 'CSRF_BLOCKED', http: { status: 400 } },
    });
    expect(refusal(() => guardRequest(request({ 'content-type': 'application/json' }, [{ query: '{ me { id } }' }]), 'es'))).toMatchObject({
      message: 'Envíe una sola operación por solicitud.',
      extensions: { code: 'BATCH_NOT_ALLOWED' },
    });
    const list = new OperationAllowList({ version: ALLOW_LIST_VERSION, operations: [{ name: 'Me', hash: documentHash(parse('{ me { id } }')) }] }, 200);
    expect(refusal(() => guardRequest(request({ 'content-type': 'application/json' }), 'en', list))).toBeUndefined();
    expect(refusal(() => guardRequest(request({ 'content-type': 'application/json' }, { query: '{ me { email } }' }), 'pt', list))).toMatchObject({
      message: 'O servidor não aceita esta operação.',
      extensions: { code: 'OPERATION_NOT_ALLOWED' },
    });
    // GET: the query is in the URL.
    const get = { method: 'GET', headers: { 'apollo-require-preflight': '1' }, body: {}, query: { query: '{ me { email } }' } } as never;
    expect(refusal(() => guardRequest(get, 'en', list))).toMatchObject({ extensions: { code: 'OPERATION_NOT_ALLOWED' } });
  });
});
