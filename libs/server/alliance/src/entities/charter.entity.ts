import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';

/** One published version of the alliance charter (Markdown in four languages). Never edited: a change is a new version. */
@Entity('alliance_charters')
export class Charter extends BaseRecord {
  @Index('uq_alliance_charters_version', { unique: true })
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  textEs: string;

  @Column({ type: 'text' })
  textEn: string;

  @Column({ type: 'text' })
  textPt: string;

  @Column({ type: 'text' })
  textFr: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;
}
