// Imports only graphql and node: libs/tooling/scripts/graphql-allow-list.cjs loads this file as it is.
import { createHash } from 'node:crypto';
import { Kind, parse, print, visit, type DocumentNode } from 'graphql';

/** Directives Apollo Client strips before sending (QueryManager's serverQuery); @client fields never reach the server. */
const CLIENT_ONLY_DIRECTIVES = new Set(['client', 'connection', 'nonreactive', 'unmask']);

/**
 * The canonical text of a document: without `__typename` fields (Apollo Client's cache adds them to
 * every selection set), without client-only directives and fields, printed by graphql-js (so
 * whitespace, commas and comments do not matter).
 */
export function normaliseDocument(document: DocumentNode): string {
  const stripped = visit(document, {
    Field(node) {
      if (node.name.value === '__typename' && !node.alias) return null;
      if (node.directives?.some((d) => d.name.value === 'client')) return null;
      return undefined;
    },
    Directive(node) {
      return CLIENT_ONLY_DIRECTIVES.has(node.name.value) ? null : undefined;
    },
  });
  return print(stripped);
}

/** The allow-list key of a document: sha256 of its canonical text, in hex. */
export function documentHash(document: DocumentNode): string {
  return createHash('sha256').update(normaliseDocument(document)).digest('hex');
}

/** Does the document define at least one operation (fragment-only documents are parts, not requests)? */
export function definesOperation(document: DocumentNode): boolean {
  return document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
}

/** The manifest written by `npm run graphql:allow-list` (apps/api/graphql-operations.json). */
export interface AllowListManifest {
  /** Bumped if normaliseDocument changes, so an old manifest is never read with new rules. */
  version: number;
  operations: Array<{ name: string; hash: string }>;
}

export const ALLOW_LIST_VERSION = 1;

/** Texts whose answer is remembered: the web app sends a few hundred distinct ones. */
const REMEMBERED_TEXTS = 2000;

/**
 * Answers "is this query text one of the listed documents?". A text seen before is answered from
 * its sha256 alone; a new one is parsed (with the token limit, so a huge text costs little) and
 * normalised once. Only accepted texts are remembered, so refused ones cannot evict them.
 */
export class OperationAllowList {
  private readonly hashes: Set<string>;
  private readonly accepted = new Set<string>();

  constructor(
    manifest: AllowListManifest,
    private readonly maxTokens: number,
  ) {
    if (manifest.version !== ALLOW_LIST_VERSION) {
      throw new Error(`The GraphQL allow-list manifest is version ${manifest.version}, this server reads version ${ALLOW_LIST_VERSION}: run npm run graphql:allow-list`);
    }
    this.hashes = new Set(manifest.operations.map((o) => o.hash));
  }

  get size(): number {
    return this.hashes.size;
  }

  allows(query: string): boolean {
    const textHash = createHash('sha256').update(query).digest('hex');
    if (this.accepted.has(textHash)) return true;
    let document: DocumentNode;
    try {
      document = parse(query, { noLocation: true, maxTokens: this.maxTokens });
    } catch {
      return false;
    }
    if (!this.hashes.has(documentHash(document))) return false;
    if (this.accepted.size >= REMEMBERED_TEXTS) this.accepted.clear();
    this.accepted.add(textHash);
    return true;
  }
}
