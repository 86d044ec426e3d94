import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LessonType, LocalizedText } from '../learning.constants';
import { CourseModule } from './course-module.entity';
import { Course } from './course.entity';

/**
 * A lesson of a module. Lessons of a published course are never deleted (deletedAt hides them),
 * so learners' progress and quiz attempts survive edits.
 */
@Entity('lessons')
@Check('chk_lessons_type', `"type" IN ('TEXT', 'VIDEO', 'DOCUMENT', 'QUIZ', 'LIVE')`)
@Check('chk_lessons_pass_mark', `"pass_mark" IS NULL OR ("pass_mark" BETWEEN 1 AND 100)`)
@Check('chk_lessons_attempts', `"max_attempts" IS NULL OR "max_attempts" >= 1`)
@Index('idx_lessons_module', ['moduleId', 'position'])
@Index('idx_lessons_course', ['courseId'])
export class Lesson extends BaseRecord {
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => CourseModule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModule;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  type: LessonType;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  /** Markdown per language (TEXT lessons; an optional introduction for the others). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  body: LocalizedText;

  /** Counts toward completion. */
  @Column({ type: 'boolean', default: true })
  required: boolean;

  @Column({ type: 'int', nullable: true })
  estimatedMinutes: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  videoUrl: string | null;

  @Column({ type: 'uuid', nullable: true })
  fileId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  liveStartsAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  liveUrl: string | null;

  /** QUIZ: percentage needed to pass. */
  @Column({ type: 'int', nullable: true })
  passMark: number | null;

  /** QUIZ: null = unlimited. */
  @Column({ type: 'int', nullable: true })
  maxAttempts: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
