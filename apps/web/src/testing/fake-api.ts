// Test helper: an API stand-in behind the real HttpLink, so tests exercise the same HTTP parsing
// and error classes as the browser does. (The real API is covered by the API and browser journeys.)
import type { ApolloClient } from '@apollo/client';
import { createApolloClient } from '../app/apollo';

export interface RecordedRequest {
  operationName: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

export type Handler = (request: RecordedRequest) => { status?: number; body: unknown } | unknown;

class FakeResponse {
  readonly headers: { get: (name: string) => string | null };
  readonly ok: boolean;
  constructor(
    private readonly bodyText: string,
    readonly status: number,
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = { get: (name) => (name.toLowerCase() === 'content-type' ? 'application/json; charset=utf-8' : null) };
  }
  text(): Promise<string> {
    return Promise.resolve(this.bodyText);
  }
  json(): Promise<unknown> {
    return Promise.resolve(JSON.parse(this.bodyText));
  }
}

export function fakeApi(handlers: Record<string, Handler>, locale: () => string = () => 'es') {
  const requests: RecordedRequest[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { operationName: string; variables?: Record<string, unknown> };
    const request: RecordedRequest = {
      operationName: body.operationName,
      variables: body.variables ?? {},
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
    };
    requests.push(request);
    const handler = handlers[body.operationName];
    if (!handler) throw new TypeError(`no fake for ${body.operationName}`);
    const answer = handler(request) as { status?: number; body?: unknown };
    const isWrapped = answer && typeof answer === 'object' && 'body' in answer;
    return new FakeResponse(JSON.stringify(isWrapped ? answer.body : answer), (isWrapped && answer.status) || 200);
  }) as unknown as typeof fetch;
  const client: ApolloClient = createApolloClient(locale, fetchImpl);
  return { client, requests };
}

export function graphQLError(code: string, message: string, extra: Record<string, unknown> = {}) {
  return { data: null, errors: [{ message, extensions: { code, ...extra } }] };
}
