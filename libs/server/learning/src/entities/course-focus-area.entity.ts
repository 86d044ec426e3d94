import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FocusArea } from '@alliance/server-alliance';
import { Course } from './course.entity';

@Entity('course_focus_areas')
@Index('idx_course_focus_areas_area', ['focusAreaId'])
export class CourseFocusArea {
  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ type: 'uuid' })
  focusAreaId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @ManyToOne(() => FocusArea, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'focus_area_id' })
  focusArea?: FocusArea;
}
