import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import { Enrolment } from './enrolment.entity';
import { Lesson } from './lesson.entity';

export interface QuizAnswerData {
  questionId: string;
  optionIds: string[];
}

/** A graded attempt; (enrolment, lesson, number) is unique, so two concurrent submits cannot both use the last attempt. */
@Entity('quiz_attempts')
@Check('chk_quiz_attempts_score', `"score" BETWEEN 0 AND 100 AND "number" >= 1`)
@Index('uq_quiz_attempts_number', ['enrolmentId', 'lessonId', 'number'], { unique: true })
export class QuizAttempt extends BaseRecord {
  @Column({ type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => Enrolment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrolment_id' })
  enrolment?: Enrolment;

  @Column({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'jsonb' })
  answers: QuizAnswerData[];

  /** Percentage, rounded down. */
  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'boolean' })
  passed: boolean;
}
