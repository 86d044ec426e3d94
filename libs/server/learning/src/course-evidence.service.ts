import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, pickLocalized } from '@alliance/server-graphql';
import {
  EvidenceItemsService,
  EvidenceUsageRegistry,
  type EvidenceItem,
  type EvidenceUsageProvider,
  type EvidenceViewer,
} from '@alliance/server-evidence';
import type { Locale } from '@alliance/shared-core';
import { Course, CourseEvidenceLink } from './entities';
import { CoursesService, bumpRevision } from './courses.service';
import { LEARNING_LIMITS, type LocalizedText } from './learning.constants';
import { isUuid, requireEditor, type LearningActor } from './util';

const FIELD = 'evidenceItemIds';

/** Distinct lower-case uuids in the given order, or a BAD_USER_INPUT naming the field. */
export function parseEvidenceIds(input: unknown): string[] {
  if (!Array.isArray(input) || !input.every(isUuid)) throw AppError.badInput([{ field: FIELD, key: 'learning:evidenceItemsInvalid' }]);
  const ids = [...new Set(input.map((id) => id.toLowerCase()))];
  if (ids.length > LEARNING_LIMITS.courseEvidenceMax) {
    throw AppError.badInput([{ field: FIELD, key: 'learning:evidenceItemsTooMany', params: { max: LEARNING_LIMITS.courseEvidenceMax } }]);
  }
  return ids;
}

/**
 * A course's related evidence (ordered links to evidence bank items), and the "used in" side of the
 * evidence item page: evidence cannot import learning (tier order), so this service registers
 * itself with the evidence domain's usage registry when the module starts.
 */
@Injectable()
export class CourseEvidenceService implements EvidenceUsageProvider, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly evidence: EvidenceItemsService,
    private readonly registry: EvidenceUsageRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /**
   * Replaces the course's related evidence with `evidenceItemIds`, in that order. Every id must be a
   * published item the editor can see; otherwise nothing changes.
   */
  async setEvidence(actor: LearningActor, viewer: EvidenceViewer | undefined, courseId: string, evidenceItemIds: unknown): Promise<Course> {
    requireEditor(actor);
    const ids = parseEvidenceIds(evidenceItemIds);
    const visible = ids.length ? await this.evidence.visibleByIds(ids, viewer) : [];
    if (visible.length !== ids.length) throw AppError.badInput([{ field: FIELD, key: 'learning:evidenceItemsInvalid' }]);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, courseId);
      await manager.delete(CourseEvidenceLink, { courseId: course.id });
      if (ids.length) await manager.insert(CourseEvidenceLink, ids.map((evidenceItemId, position) => ({ courseId: course.id, evidenceItemId, position })));
      await bumpRevision(manager, course.id);
      return manager.getRepository(Course).findOneByOrFail({ id: course.id });
    });
  }

  /** Linked item ids of each course, in the editor's order (for DataLoader batches). */
  async linkedIds(courseIds: readonly string[]): Promise<string[][]> {
    const ids = courseIds.filter(isUuid);
    const rows = ids.length ? await this.dataSource.getRepository(CourseEvidenceLink).find({ where: ids.map((courseId) => ({ courseId })), order: { position: 'ASC' } }) : [];
    return courseIds.map((id) => rows.filter((r) => r.courseId === id).map((r) => r.evidenceItemId));
  }

  /** The course's related evidence the viewer may see (published and visible), in order. */
  async related(courseId: string, viewer: EvidenceViewer | undefined): Promise<EvidenceItem[]> {
    const [ids] = await this.linkedIds([courseId]);
    return ids.length ? this.evidence.visibleByIds(ids, viewer) : [];
  }

  /**
   * Published courses that link the item; titles in the reader's language: `locale` when the caller
   * passes it (anonymous readers have no viewer), else the viewer's, else Spanish.
   */
  async usagesOf(itemId: string, viewer: EvidenceViewer | undefined, locale?: Locale): Promise<Array<{ kind: 'COURSE'; title: string; path: string }>> {
    if (!isUuid(itemId)) return [];
    const rows: Array<{ slug: string; title: LocalizedText }> = await this.dataSource.query(
      `SELECT c.slug, c.title FROM course_evidence_links l JOIN courses c ON c.id = l.course_id
        WHERE l.evidence_item_id = $1 AND c.status = 'PUBLISHED'
        ORDER BY c.published_at DESC, c.id`,
      [itemId],
    );
    const shown = locale ?? viewer?.locale ?? 'es';
    return rows.map((r) => ({ kind: 'COURSE' as const, title: pickLocalized(r.title, shown), path: `/courses/${r.slug}` }));
  }
}
