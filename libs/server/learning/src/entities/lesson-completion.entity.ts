import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Enrolment } from './enrolment.entity';
import { Lesson } from './lesson.entity';

/** A lesson a learner has completed; the primary key makes marking twice harmless. */
@Entity('lesson_completions')
@Index('idx_lesson_completions_lesson', ['lessonId'])
export class LessonCompletion {
  @PrimaryColumn({ type: 'uuid' })
  enrolmentId: string;

  @PrimaryColumn({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @CreateDateColumn({ type: 'timestamptz' })
  completedAt: Date;
}
