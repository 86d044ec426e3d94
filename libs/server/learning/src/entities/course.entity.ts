import { Check, Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { CourseFormat, CourseLevel, CourseStatus, EnrolmentPolicy, LocalizedText } from '../learning.constants';

export interface CourseSignatory {
  name: string;
  title: string;
  organisation: string;
}

/** A course: its description, policy and lifecycle. Structure lives in modules and lessons. */
@Entity('courses')
@Check('chk_courses_status', `"status" IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')`)
@Check('chk_courses_format', `"format" IN ('SELF_PACED', 'COHORT')`)
@Check('chk_courses_level', `"level" IN ('INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED')`)
@Check('chk_courses_policy', `"enrolment_policy" IN ('OPEN', 'APPROVAL', 'INVITATION')`)
@Check('chk_courses_hours', `"estimated_hours" > 0`)
@Index('idx_courses_status', ['status', 'publishedAt'])
export class Course extends BaseRecord {
  @Index('uq_courses_slug', { unique: true })
  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  summary: LocalizedText;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  audience: LocalizedText;

  @Column({ type: 'varchar', length: 16 })
  level: CourseLevel;

  @Column({ type: 'varchar', length: 16 })
  format: CourseFormat;

  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  estimatedHours: number;

  /** Languages the course is taught in (es, en, pt, fr). */
  @Column({ type: 'varchar', length: 2, array: true })
  languages: string[];

  @Column({ type: 'varchar', length: 16, default: 'DRAFT' })
  status: CourseStatus;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  enrolmentPolicy: EnrolmentPolicy;

  @Column({ type: 'uuid', nullable: true })
  coverImageId: string | null;

  /** Printed on the course certificate. */
  @Column({ type: 'varchar', length: 200 })
  certificateIssuer: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  certificateSignatories: CourseSignatory[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  /** Bumped by every structural change, so editors notice concurrent edits. */
  @Column({ type: 'int', default: 1 })
  revision: number;
}
