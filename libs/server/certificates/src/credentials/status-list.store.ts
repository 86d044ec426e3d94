import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { STATUS_LIST_CAPACITY } from './entities/credential-status-list.entity';

export const STATUS_INDEX_SEQUENCE = 'credential_status_index_seq';

// Consecutive allocations are spread over the list by an odd stride (a bijection modulo the
// power-of-two capacity), so neighbouring bits do not reveal which credentials were issued together.
const STRIDE = 40_503;

export interface StatusPosition {
  listNumber: number;
  /** Bit position inside the list, as written in the credential's statusListIndex. */
  position: number;
}

export interface StatusListRow {
  version: number;
  bits: Buffer;
  signedVersion: number | null;
  signedCredential: Record<string, unknown> | null;
}

/** SQL over credential_status_list; bits change only through set_bit inside PostgreSQL. */
@Injectable()
export class StatusListStore {
  constructor(private readonly dataSource: DataSource) {}

  static position(statusListIndex: number): StatusPosition {
    if (!Number.isSafeInteger(statusListIndex) || statusListIndex < 0) throw new RangeError(`invalid status list index ${statusListIndex}`);
    return { listNumber: Math.floor(statusListIndex / STATUS_LIST_CAPACITY) + 1, position: statusListIndex % STATUS_LIST_CAPACITY };
  }

  /**
   * A new index from a database sequence: unique across processes without any lock (a rolled-back
   * caller leaves a gap, which is harmless: that bit is simply never used).
   */
  async allocate(manager: EntityManager): Promise<number> {
    const [{ n }] = (await manager.query(`SELECT nextval('${STATUS_INDEX_SEQUENCE}') AS n`)) as Array<{ n: string }>;
    const serial = Number(n);
    const block = Math.floor(serial / STATUS_LIST_CAPACITY);
    const position = ((serial % STATUS_LIST_CAPACITY) * STRIDE) % STATUS_LIST_CAPACITY;
    await this.ensureList(manager, block + 1);
    return block * STATUS_LIST_CAPACITY + position;
  }

  /** Sets or clears the bit; returns whether it changed. Runs in the caller's transaction if given. */
  async setBit(statusListIndex: number, value: boolean, manager?: EntityManager): Promise<boolean> {
    const { listNumber, position } = StatusListStore.position(statusListIndex);
    // The spec numbers bits from the most significant bit of the first byte; PostgreSQL's set_bit
    // numbers them from the least significant one.
    const pgBit = (position >> 3) * 8 + (7 - (position & 7));
    const run = async (m: EntityManager) => {
      await this.ensureList(m, listNumber);
      const [, affected] = (await m.query(
        `UPDATE credential_status_list
            SET bits = set_bit(bits, $2, $3), version = version + 1, updated_at = now()
          WHERE list_number = $1 AND get_bit(bits, $2) <> $3`,
        [listNumber, pgBit, value ? 1 : 0],
      )) as [unknown, number];
      return affected > 0;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async version(listNumber: number): Promise<number | null> {
    const rows = (await this.dataSource.query(`SELECT version FROM credential_status_list WHERE list_number = $1`, [listNumber])) as Array<{ version: number }>;
    return rows.length ? rows[0].version : null;
  }

  async load(listNumber: number): Promise<StatusListRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT version, bits, signed_version AS "signedVersion", signed_credential AS "signedCredential"
         FROM credential_status_list WHERE list_number = $1`,
      [listNumber],
    )) as StatusListRow[];
    return rows[0] ?? null;
  }

  /** Caches a signed list, unless the bits changed meanwhile (then the next reader re-signs). */
  async storeSigned(listNumber: number, version: number, credential: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(
      `UPDATE credential_status_list SET signed_credential = $3, signed_version = $2 WHERE list_number = $1 AND version = $2`,
      [listNumber, version, JSON.stringify(credential)],
    );
  }

  private async ensureList(manager: EntityManager, listNumber: number): Promise<void> {
    // Read first: an INSERT ... ON CONFLICT would wait on any other transaction inserting the same
    // list, so only the very first issues of a list ever contend.
    const exists = (await manager.query(`SELECT 1 FROM credential_status_list WHERE list_number = $1`, [listNumber])) as unknown[];
    if (exists.length) return;
    await manager.query(
      `INSERT INTO credential_status_list (list_number, capacity, bits)
       VALUES ($1, $2, decode(repeat('00', $3), 'hex'))
       ON CONFLICT (list_number) DO NOTHING`,
      [listNumber, STATUS_LIST_CAPACITY, STATUS_LIST_CAPACITY / 8],
    );
  }
}
