import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Course } from './course.entity';

/** `courseId` requires `prerequisiteId` to be completed first. */
@Entity('course_prerequisites')
@Check('chk_course_prerequisites_self', `"course_id" <> "prerequisite_id"`)
@Index('idx_course_prerequisites_prerequisite', ['prerequisiteId'])
export class CoursePrerequisite {
  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ type: 'uuid' })
  prerequisiteId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prerequisite_id' })
  prerequisite?: Course;
}
