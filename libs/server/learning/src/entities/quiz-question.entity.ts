import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '@alliance/server-database';
import type { LocalizedText, QuestionKind } from '../learning.constants';
import { Lesson } from './lesson.entity';

export interface QuizOptionData {
  /** Stable within the question (a short random id), so attempts keep meaning after edits. */
  id: string;
  text: LocalizedText;
  correct: boolean;
}

@Entity('quiz_questions')
@Check('chk_quiz_questions_kind', `"kind" IN ('SINGLE', 'MULTIPLE')`)
@Index('idx_quiz_questions_lesson', ['lessonId', 'position'])
export class QuizQuestion extends BaseRecord {
  @Column({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => Lesson, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  kind: QuestionKind;

  @Column({ type: 'jsonb' })
  prompt: LocalizedText;

  @Column({ type: 'jsonb' })
  options: QuizOptionData[];

  /** Shown after an attempt. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  explanation: LocalizedText;
}
