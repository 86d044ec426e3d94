import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText } from '../learning.constants';
import { Course } from './course.entity';

/** An ordered section of a course. Removed modules of a published course are only hidden (deletedAt). */
@Entity('course_modules')
@Index('idx_course_modules_course', ['courseId', 'position'])
export class CourseModule extends BaseRecord {
  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
