import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText, ProgrammeStatus } from '../learning.constants';
import type { CourseSignatory } from './course.entity';

/** A learning path: an ordered set of courses; completing them all completes the programme. */
@Entity('programmes')
@Check('chk_programmes_status', `"status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')`)
export class Programme extends BaseRecord {
  @Index('uq_programmes_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  summary: LocalizedText;

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: ProgrammeStatus;

  @Column({ type: 'varchar', length: 200 })
  certificateIssuer: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  certificateSignatories: CourseSignatory[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
