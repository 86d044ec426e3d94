import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { BitstringStatusList, checkStatus, createCredential } from '@digitalbazaar/vc-bitstring-status-list';
import { translator } from '@alliance/shared-i18n';
import { bundledContextLoader, DID_V1_CONTEXT, loaded, MULTIKEY_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT, type DocumentLoader } from './document-loader';
import { ACHIEVEMENT_TYPE, type CredentialSubjectData, type CredentialVerification } from './credential.types';
import { IssuerKeyStore, type IssuerKey } from './issuer-key.store';
import { StatusListStore } from './status-list.store';
import { STATUS_LIST_PATH } from './issuer-identity';

export class StatusListNotFoundError extends Error {}

const REVOCATION = 'revocation';

// Building an Intl formatter costs more than signing's hashing; one per locale for the process.
const longDates = new Map<string, Intl.DateTimeFormat>();
function longDate(locale: string): Intl.DateTimeFormat {
  let format = longDates.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    longDates.set(locale, format);
  }
  return format;
}

const decimalFormats = new Map<string, Intl.NumberFormat>();
function decimals(locale: string): Intl.NumberFormat {
  let format = decimalFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    decimalFormats.set(locale, format);
  }
  return format;
}

/** XML Schema dateTime without milliseconds, as VC validFrom is usually written. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Signed Open Badges 3.0 credentials (VC Data Model 2.0, Data Integrity proof with
 * eddsa-rdfc-2022) issued by the portal's did:web identity, and the W3C Bitstring Status List that
 * publishes their revocation. Signing and verifying load JSON-LD only from bundled contexts and
 * from this service (the DID document, the status lists): never from the network.
 */
@Injectable()
export class CredentialService implements OnModuleInit {
  private readonly signedLists = new Map<number, { version: number; keyId: string; credential: Record<string, unknown> }>();
  private readonly signing = new Map<string, Promise<Record<string, unknown>>>();

  constructor(
    private readonly keys: IssuerKeyStore,
    private readonly lists: StatusListStore,
  ) {}

  /** Creates or loads the key at start, so a misconfiguration stops the process right away. */
  async onModuleInit(): Promise<void> {
    await this.keys.get();
  }

  /** Resolves the portal's own DID, key and status lists; everything else from bundled contexts. */
  readonly documentLoader: DocumentLoader = async (url: string) => {
    const key = await this.keys.get();
    const { did, keyId, publicUrl } = key.identity;
    if (url === did) return loaded(url, this.buildDidDocument(key));
    if (url === keyId) return loaded(url, { '@context': MULTIKEY_CONTEXT, ...this.verificationMethod(key) });
    const statusPrefix = `${publicUrl}${STATUS_LIST_PATH}/`;
    if (url.startsWith(statusPrefix)) return loaded(url, await this.statusListCredential(url.slice(statusPrefix.length)));
    return bundledContextLoader()(url);
  };

  async issue(data: CredentialSubjectData): Promise<Record<string, unknown>> {
    const key = await this.keys.get();
    const { did, publicUrl } = key.identity;
    const t = translator(data.locale);
    const kind = t(`credentials:kind_${data.kind}`);
    const issuerProfileName = t('common:appName');
    const { listNumber, position } = StatusListStore.position(data.statusListIndex);
    const statusListUrl = key.identity.statusListUrl(listNumber);

    const narrative = [t(`credentials:criteria_${data.kind}`, { title: data.title })];
    if (data.hours != null) narrative.push(t('credentials:hours', { hours: decimals(data.locale).format(data.hours) }));
    const day = (iso: string) => longDate(data.locale).format(new Date(`${iso}T00:00:00Z`));
    if (data.startDate && data.endDate && data.startDate !== data.endDate) narrative.push(t('credentials:dateRange', { start: day(data.startDate), end: day(data.endDate) }));
    else if (data.startDate || data.endDate) narrative.push(t('credentials:singleDate', { date: day((data.startDate ?? data.endDate)!) }));

    // The e-mail is only ever present hashed with a per-credential salt (OB 3.0 IdentityObject), so a
    // verifier who knows the address can match it and nobody else can read it.
    const salt = randomBytes(16).toString('hex');
    const identityHash = `sha256$${createHash('sha256').update(`${data.recipientEmail.trim().toLowerCase()}${salt}`).digest('hex')}`;

    const subject: Record<string, unknown> = {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash, identityType: 'emailAddress', hashed: true, salt }],
      achievement: {
        id: `${publicUrl}/verify/${encodeURIComponent(data.code)}#achievement`,
        type: ['Achievement'],
        achievementType: ACHIEVEMENT_TYPE[data.kind],
        name: data.title,
        description: data.description?.trim() || t('credentials:achievementDescription', { kind, issuer: data.issuerName }),
        criteria: { narrative: narrative.join(' ') },
        inLanguage: data.locale,
      },
    };
    if (data.startDate) subject.activityStartDate = `${data.startDate}T00:00:00Z`;
    if (data.endDate) subject.activityEndDate = `${data.endDate}T00:00:00Z`;

    const credential: Record<string, unknown> = {
      '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
      id: `urn:uuid:${randomUUID()}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: issuerProfileName, url: publicUrl },
      validFrom: isoSeconds(data.issuedAt),
      awardedDate: isoSeconds(data.issuedAt),
      name: t('credentials:credentialName', { kind, title: data.title }),
      description: t('credentials:credentialDescription', { kind, title: data.title, name: data.recipientName, issuer: data.issuerName, url: data.verificationUrl }),
      credentialSubject: subject,
      credentialStatus: {
        id: `${statusListUrl}#${position}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: REVOCATION,
        statusListIndex: String(position),
        statusListCredential: statusListUrl,
      },
    };
    return vc.issue({ credential, suite: this.signingSuite(key), documentLoader: this.documentLoader });
  }

  /** Our own check (signature, issuer key, status): for the UI and tests. Revoked = not verified. */
  async verify(credential: unknown): Promise<CredentialVerification> {
    try {
      const result = await vc.verifyCredential({
        credential,
        suite: new DataIntegrityProof({ cryptosuite }),
        documentLoader: this.documentLoader,
        checkStatus: (options) => checkStatus({ ...options, suite: new DataIntegrityProof({ cryptosuite }) }),
      });
      const errors: string[] = [];
      if (result.error) {
        const nested = result.error.errors?.map((e) => e.message ?? String(e)) ?? [];
        errors.push(...(nested.length ? nested : [result.error.message ?? String(result.error)]));
      }
      for (const r of result.results ?? []) if (r.error) errors.push(r.error.message);
      if (result.statusResult?.error) errors.push(result.statusResult.error.message);
      const revoked = result.statusResult?.results?.some((r) => r.status === true) ?? false;
      if (revoked) errors.push('The credential has been revoked.');
      return { verified: result.verified && !revoked && errors.length === 0, errors: [...new Set(errors)] };
    } catch (error) {
      return { verified: false, errors: [(error as Error).message] };
    }
  }

  async didDocument(): Promise<Record<string, unknown>> {
    return this.buildDidDocument(await this.keys.get());
  }

  /** The signed BitstringStatusListCredential of list `listId` ("1", "2", ...), re-signed after changes. */
  async statusListCredential(listId: string): Promise<Record<string, unknown>> {
    if (!/^[1-9]\d{0,8}$/.test(listId)) throw new StatusListNotFoundError(`no status list "${listId}"`);
    const listNumber = Number(listId);
    const key = await this.keys.get();
    const keyId = key.identity.keyId;
    const version = await this.lists.version(listNumber);
    if (version === null) throw new StatusListNotFoundError(`no status list "${listId}"`);
    const cached = this.signedLists.get(listNumber);
    if (cached && cached.version === version && cached.keyId === keyId) return cached.credential;

    const flightKey = `${listNumber}:${version}`;
    let flight = this.signing.get(flightKey);
    if (!flight) {
      flight = this.loadOrSign(key, listNumber).finally(() => this.signing.delete(flightKey));
      this.signing.set(flightKey, flight);
    }
    return flight;
  }

  async setRevoked(statusListIndex: number, revoked: boolean, manager?: EntityManager): Promise<void> {
    await this.lists.setBit(statusListIndex, revoked, manager);
  }

  allocateStatusIndex(manager: EntityManager): Promise<number> {
    return this.lists.allocate(manager);
  }

  private async loadOrSign(key: IssuerKey, listNumber: number): Promise<Record<string, unknown>> {
    const row = await this.lists.load(listNumber);
    if (!row) throw new StatusListNotFoundError(`no status list "${listNumber}"`);
    const url = key.identity.statusListUrl(listNumber);
    const stored = row.signedCredential;
    const storedProof = stored?.proof as { verificationMethod?: string } | undefined;
    let credential: Record<string, unknown>;
    // Another process may already have signed this version; reuse it if it was signed for the
    // same URL and key (PUBLIC_URL or the key may have changed since).
    if (stored && row.signedVersion === row.version && stored.id === url && storedProof?.verificationMethod === key.identity.keyId) {
      credential = stored;
    } else {
      const list = new BitstringStatusList({ buffer: Uint8Array.from(row.bits) });
      const unsigned = await createCredential({ id: url, list, statusPurpose: REVOCATION });
      unsigned.issuer = key.identity.did;
      unsigned.validFrom = isoSeconds(new Date());
      credential = await vc.issue({ credential: unsigned, suite: this.signingSuite(key), documentLoader: this.documentLoader });
      await this.lists.storeSigned(listNumber, row.version, credential);
    }
    this.signedLists.set(listNumber, { version: row.version, keyId: key.identity.keyId, credential });
    return credential;
  }

  private signingSuite(key: IssuerKey): DataIntegrityProof {
    return new DataIntegrityProof({ signer: key.signer, cryptosuite });
  }

  private verificationMethod(key: IssuerKey): Record<string, unknown> {
    return { id: key.identity.keyId, type: 'Multikey', controller: key.identity.did, publicKeyMultibase: key.publicKeyMultibase };
  }

  private buildDidDocument(key: IssuerKey): Record<string, unknown> {
    return {
      '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT],
      id: key.identity.did,
      verificationMethod: [this.verificationMethod(key)],
      assertionMethod: [key.identity.keyId],
    };
  }
}
