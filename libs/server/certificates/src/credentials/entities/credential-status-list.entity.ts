import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/** Bits per list: the minimum the W3C Bitstring Status List spec allows (16 KiB), for herd privacy. */
export const STATUS_LIST_CAPACITY = 131_072;

/**
 * One W3C Bitstring Status List (revocation). Bit i (big-endian within each byte, as the spec
 * numbers them) is 1 when the credential at that position is revoked. Bits are flipped in SQL
 * (set_bit), never read-modify-written in JavaScript, so concurrent revocations cannot undo each
 * other. `version` grows with every change; the signed credential is cached with the version it
 * reflects, so any process can tell whether the cached copy is stale.
 */
@Entity('credential_status_list')
@Check('chk_credential_status_list_size', 'octet_length(bits) * 8 = capacity')
@Index('uq_credential_status_list_number', ['listNumber'], { unique: true })
export class CredentialStatusList extends BaseRecord {
  /** Public number of the list: /api/credentials/status/<listNumber>. */
  @Column({ type: 'int' })
  listNumber: number;

  @Column({ type: 'int', default: STATUS_LIST_CAPACITY })
  capacity: number;

  @Column({ type: 'bytea' })
  bits: Buffer;

  @Column({ type: 'int', default: 0 })
  version: number;

  /** The last signed BitstringStatusListCredential, valid while signedVersion = version. */
  @Column({ type: 'jsonb', nullable: true })
  signedCredential: Record<string, unknown> | null;

  @Column({ type: 'int', nullable: true })
  signedVersion: number | null;
}
