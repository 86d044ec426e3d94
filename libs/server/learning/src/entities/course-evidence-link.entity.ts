import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EvidenceItem } from '@alliance/server-evidence';
import { Course } from './course.entity';

/**
 * A course's "related evidence": evidence bank items in the order the editor chose. The relation
 * points down the tier order (learning -> evidence) and has no inverse side.
 */
@Entity('course_evidence_links')
@Index('idx_course_evidence_links_item', ['evidenceItemId'])
export class CourseEvidenceLink {
  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ type: 'uuid' })
  evidenceItemId: string;

  @Column({ type: 'int' })
  position: number;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @ManyToOne(() => EvidenceItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_item_id' })
  evidenceItem?: EvidenceItem;
}
