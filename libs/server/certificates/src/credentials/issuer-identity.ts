/**
 * The portal's issuer identity as a did:web DID, derived from PUBLIC_URL (W3C did:web method):
 * the host, a port encoded as %3A, and path segments joined with ':'.
 */
export function didWebFromUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => encodeURIComponent(decodeURIComponent(s)));
  return ['did:web', host, ...segments].join(':');
}

/** Where a did:web resolver fetches the document: /.well-known/did.json, or <path>/did.json. */
export function didDocumentUrl(publicUrl: string): string {
  const url = new URL(publicUrl);
  const base = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${base ? `${base}/did.json` : '/.well-known/did.json'}`;
}

export interface IssuerIdentity {
  did: string;
  keyId: string;
  publicUrl: string;
  statusListUrl(listNumber: number): string;
}

export const STATUS_LIST_PATH = '/api/credentials/status';

export function issuerIdentity(publicUrl: string): IssuerIdentity {
  const base = publicUrl.replace(/\/+$/, '');
  const did = didWebFromUrl(base);
  return {
    did,
    keyId: `${did}#key-1`,
    publicUrl: base,
    statusListUrl: (listNumber) => `${base}${STATUS_LIST_PATH}/${listNumber}`,
  };
}
