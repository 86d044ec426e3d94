import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import { FocusArea } from '@alliance/server-alliance';
import { Course, CourseFocusArea, CoursePrerequisite, LearningFile, Offering } from './entities';
import { LEARNING_LIMITS } from './learning.constants';
import { courseSchema, type CourseValues } from './learning-input';
import { isUuid, requireEditor, returnedRows, signatoryProblems, slugFrom, type LearningActor } from './util';
import { catalogueChanged } from './catalogue-cache';

// Serialises changes to the prerequisite graph, so two concurrent edits cannot close a cycle together.
const PREREQUISITE_LOCK = 727_105;

/** Courses: creation, description, prerequisites and lifecycle (draft -> published -> archived). */
@Injectable()
export class CoursesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<Course | null> {
    return isUuid(id) ? this.dataSource.getRepository(Course).findOneBy({ id }) : null;
  }

  async findBySlug(slug: string): Promise<Course | null> {
    if (typeof slug !== 'string' || !slug || slug.length > LEARNING_LIMITS.slugMax) return null;
    return this.dataSource.getRepository(Course).findOneBy({ slug: slug.toLowerCase() });
  }

  async requireCourse(id: string, manager: EntityManager = this.dataSource.manager): Promise<Course> {
    const course = isUuid(id) ? await manager.getRepository(Course).findOneBy({ id }) : null;
    if (!course) throw AppError.notFound('learning:courseNotFound');
    return course;
  }

  async create(actor: LearningActor, input: unknown): Promise<Course> {
    requireEditor(actor);
    const values = parseInput(courseSchema, input);
    return this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, values, null);
      const slug = await this.uniqueSlug(manager, values.slug ?? slugFrom(Object.values(values.title)[0] ?? '', LEARNING_LIMITS.slugMax), null, !!values.slug);
      const course = await manager.save(
        manager.create(Course, {
          slug,
          title: values.title,
          summary: values.summary,
          audience: values.audience,
          level: values.level,
          format: values.format,
          estimatedHours: values.estimatedHours,
          languages: values.languages,
          status: 'DRAFT',
          enrolmentPolicy: values.enrolmentPolicy,
          coverImageId: values.coverImageId,
          certificateIssuer: values.certificateIssuer,
          certificateSignatories: values.certificateSignatories,
          createdById: actor.id,
          publishedAt: null,
          archivedAt: null,
          revision: 1,
        }),
      );
      await this.saveLinks(manager, course.id, values);
      // A self-paced course runs as one always-open offering; enrolments need an offering.
      if (values.format === 'SELF_PACED') await manager.save(manager.create(Offering, { courseId: course.id, waitlistEnabled: false }));
      return course;
    });
  }

  async update(actor: LearningActor, id: string, input: unknown): Promise<Course> {
    requireEditor(actor);
    const values = parseInput(courseSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.lockCourse(manager, id);
      await this.checkReferences(manager, values, course.id);
      const slug = values.slug && values.slug !== course.slug ? await this.uniqueSlug(manager, values.slug, course.id, true) : course.slug;
      if (values.format !== course.format) await this.changeFormat(manager, course, values.format);
      await manager.update(Course, { id: course.id }, {
        slug,
        title: values.title,
        summary: values.summary,
        audience: values.audience,
        level: values.level,
        format: values.format,
        estimatedHours: values.estimatedHours,
        languages: values.languages,
        enrolmentPolicy: values.enrolmentPolicy,
        coverImageId: values.coverImageId,
        certificateIssuer: values.certificateIssuer,
        certificateSignatories: values.certificateSignatories,
      });
      await manager.delete(CourseFocusArea, { courseId: course.id });
      await manager.delete(CoursePrerequisite, { courseId: course.id });
      await this.saveLinks(manager, course.id, values);
      await bumpRevision(manager, course.id);
      return manager.getRepository(Course).findOneByOrFail({ id: course.id });
    });
  }

  /** Needs at least one module with a lesson, questions in every quiz, and an offering that is not cancelled. */
  async publish(actor: LearningActor, id: string): Promise<Course> {
    requireEditor(actor);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.lockCourse(manager, id);
      if (course.status === 'PUBLISHED') throw AppError.conflict('learning:alreadyPublished');
      const problems = [...signatoryProblems(course.certificateSignatories), ...(await this.publishProblems(manager, course.id))];
      if (problems.length) throw AppError.conflict(problems[0]);
      await manager.query(
        `UPDATE courses SET status = 'PUBLISHED', published_at = COALESCE(published_at, now()), archived_at = NULL, updated_at = now() WHERE id = $1`,
        [course.id],
      );
      catalogueChanged(manager);
      return manager.getRepository(Course).findOneByOrFail({ id: course.id });
    });
  }

  /** The first reason a course cannot be published yet (i18n keys), empty when it can. */
  async publishProblems(manager: EntityManager, courseId: string): Promise<string[]> {
    const problems: string[] = [];
    const [{ lessons }] = await manager.query(
      `SELECT count(*)::int AS lessons FROM lessons l JOIN course_modules m ON m.id = l.module_id
        WHERE l.course_id = $1 AND l.deleted_at IS NULL AND m.deleted_at IS NULL`,
      [courseId],
    );
    if (lessons === 0) problems.push('learning:publishNeedsLesson');
    const emptyQuizzes = await manager.query(
      `SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id
        WHERE l.course_id = $1 AND l.type = 'QUIZ' AND l.deleted_at IS NULL AND m.deleted_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM quiz_questions q WHERE q.lesson_id = l.id)`,
      [courseId],
    );
    if (emptyQuizzes.length) problems.push('learning:publishQuizWithoutQuestions');
    const offerings = await manager.getRepository(Offering).countBy({ courseId, cancelledAt: IsNull() });
    if (offerings === 0) problems.push('learning:publishNeedsOffering');
    return problems;
  }

  async archive(actor: LearningActor, id: string): Promise<Course> {
    requireEditor(actor);
    const course = await this.requireCourse(id);
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE courses SET status = 'ARCHIVED', archived_at = now(), updated_at = now() WHERE id = $1 AND status <> 'ARCHIVED' RETURNING id`,
        [course.id],
      ),
    );
    if (!rows.length) throw AppError.conflict('learning:alreadyArchived');
    catalogueChanged(this.dataSource.manager);
    return this.dataSource.getRepository(Course).findOneByOrFail({ id: course.id });
  }

  /** The course row locked for the rest of the transaction (structure edits serialise on it). */
  async lockCourse(manager: EntityManager, id: string): Promise<Course> {
    if (!isUuid(id)) throw AppError.notFound('learning:courseNotFound');
    const course = await manager.getRepository(Course).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
    if (!course) throw AppError.notFound('learning:courseNotFound');
    return course;
  }

  private async checkReferences(manager: EntityManager, values: CourseValues, courseId: string | null): Promise<void> {
    if (values.focusAreaIds.length) {
      const found = await manager.getRepository(FocusArea).countBy({ id: In(values.focusAreaIds) });
      if (found !== values.focusAreaIds.length) throw AppError.badInput([{ field: 'focusAreaIds', key: 'learning:focusAreaInvalid' }]);
    }
    if (values.coverImageId) {
      const file = await manager.getRepository(LearningFile).findOneBy({ id: values.coverImageId });
      if (!file || !file.contentType.startsWith('image/')) throw AppError.badInput([{ field: 'coverImageId', key: 'learning:coverImageInvalid' }]);
    }
    if (values.prerequisiteIds.length) {
      if (courseId && values.prerequisiteIds.includes(courseId)) throw AppError.badInput([{ field: 'prerequisiteIds', key: 'learning:prerequisiteCycle' }], 'learning:prerequisiteCycle');
      const found = await manager.getRepository(Course).countBy({ id: In(values.prerequisiteIds) });
      if (found !== values.prerequisiteIds.length) throw AppError.badInput([{ field: 'prerequisiteIds', key: 'learning:courseNotFound' }]);
    }
  }

  private async saveLinks(manager: EntityManager, courseId: string, values: CourseValues): Promise<void> {
    if (values.focusAreaIds.length) {
      await manager.insert(CourseFocusArea, values.focusAreaIds.map((focusAreaId) => ({ courseId, focusAreaId })));
    }
    if (values.prerequisiteIds.length) {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [PREREQUISITE_LOCK]);
      // A cycle exists if this course is reachable from one of its new prerequisites.
      const [{ cycle }] = await manager.query(
        `WITH RECURSIVE reach(id) AS (
           SELECT unnest($2::uuid[])
           UNION
           SELECT p.prerequisite_id FROM course_prerequisites p JOIN reach r ON p.course_id = r.id
         )
         SELECT EXISTS (SELECT 1 FROM reach WHERE id = $1) AS cycle`,
        [courseId, values.prerequisiteIds],
      );
      if (cycle) throw AppError.badInput([{ field: 'prerequisiteIds', key: 'learning:prerequisiteCycle' }], 'learning:prerequisiteCycle');
      await manager.insert(CoursePrerequisite, values.prerequisiteIds.map((prerequisiteId) => ({ courseId, prerequisiteId })));
    }
  }

  /**
   * Self-paced and cohort courses run differently (one open offering vs dated editions), so the
   * format can only change before anybody enrolled.
   */
  private async changeFormat(manager: EntityManager, course: Course, format: Course['format']): Promise<void> {
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM enrolments WHERE course_id = $1`, [course.id]);
    if (n > 0) throw AppError.conflict('learning:formatLocked');
    await manager.query(`UPDATE course_offerings SET cancelled_at = now(), updated_at = now() WHERE course_id = $1 AND cancelled_at IS NULL`, [course.id]);
    if (format === 'SELF_PACED') await manager.save(manager.create(Offering, { courseId: course.id, waitlistEnabled: false }));
  }

  /** `base`, or when taken and not asked for explicitly, `base-2`, `base-3`... */
  private async uniqueSlug(manager: EntityManager, base: string, ownId: string | null, explicit: boolean): Promise<string> {
    const taken = async (slug: string) => {
      const row = await manager.getRepository(Course).findOne({ where: { slug }, select: { id: true } });
      return !!row && row.id !== ownId;
    };
    if (!(await taken(base))) return base;
    if (explicit) throw AppError.badInput([{ field: 'slug', key: 'learning:slugTaken' }], 'learning:slugTaken');
    for (let n = 2; n < 1000; n++) {
      const suffix = `-${n}`;
      const slug = `${base.slice(0, LEARNING_LIMITS.slugMax - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!(await taken(slug))) return slug;
    }
    throw AppError.conflict('learning:slugTaken');
  }
}

/** Every change to a course's description or structure bumps its revision. */
export async function bumpRevision(manager: EntityManager, courseId: string): Promise<void> {
  await manager.query(`UPDATE courses SET revision = revision + 1, updated_at = now() WHERE id = $1`, [courseId]);
  catalogueChanged(manager);
}

