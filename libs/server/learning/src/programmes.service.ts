import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { Course, Programme, ProgrammeCourse } from './entities';
import { LEARNING_LIMITS } from './learning.constants';
import { programmeSchema } from './learning-input';
import { isUuid, requireEditor, returnedRows, signatoryProblems, slugFrom, type LearningActor } from './util';

/** Programmes (learning paths): an ordered set of courses. */
@Injectable()
export class ProgrammesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findBySlug(slug: string): Promise<Programme | null> {
    if (typeof slug !== 'string' || !slug || slug.length > LEARNING_LIMITS.slugMax) return null;
    return this.dataSource.getRepository(Programme).findOneBy({ slug: slug.toLowerCase() });
  }

  /** Ordered course ids of programmes. */
  coursesOf(programmeIds: readonly string[]): Promise<ProgrammeCourse[]> {
    return this.dataSource.getRepository(ProgrammeCourse).find({ where: { programmeId: In([...programmeIds]) }, order: { position: 'ASC' } });
  }

  list(args: PageArgs, status: 'PUBLISHED' | null): Promise<ConnectionShape<Programme>> {
    const qb = this.dataSource.getRepository(Programme).createQueryBuilder('p');
    if (status) qb.where('p.status = :status', { status });
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', p.created_at)`,
      direction: 'DESC',
      valueOf: (p) => p.createdAt.toISOString(),
      idColumn: 'p.id',
      idOf: (p) => p.id,
    });
  }

  async create(actor: LearningActor, input: unknown): Promise<Programme> {
    requireEditor(actor);
    const values = parseInput(programmeSchema, input);
    return this.dataSource.transaction(async (manager) => {
      await this.checkCourses(manager, values.courseIds);
      const slug = await this.uniqueSlug(manager, values.slug ?? slugFrom(Object.values(values.title)[0] ?? '', LEARNING_LIMITS.slugMax), null, !!values.slug);
      const programme = await manager.save(
        manager.create(Programme, {
          slug,
          title: values.title,
          summary: values.summary,
          status: 'DRAFT',
          certificateIssuer: values.certificateIssuer,
          certificateSignatories: values.certificateSignatories,
          createdById: actor.id,
          publishedAt: null,
        }),
      );
      await manager.insert(ProgrammeCourse, values.courseIds.map((courseId, position) => ({ programmeId: programme.id, courseId, position })));
      return programme;
    });
  }

  async update(actor: LearningActor, id: string, input: unknown): Promise<Programme> {
    requireEditor(actor);
    const values = parseInput(programmeSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.lock(manager, id);
      await this.checkCourses(manager, values.courseIds);
      if (programme.status === 'PUBLISHED') await this.checkPublishable(manager, values.courseIds);
      const slug = values.slug && values.slug !== programme.slug ? await this.uniqueSlug(manager, values.slug, programme.id, true) : programme.slug;
      await manager.update(Programme, { id: programme.id }, {
        slug,
        title: values.title,
        summary: values.summary,
        certificateIssuer: values.certificateIssuer,
        certificateSignatories: values.certificateSignatories,
      });
      await manager.delete(ProgrammeCourse, { programmeId: programme.id });
      await manager.insert(ProgrammeCourse, values.courseIds.map((courseId, position) => ({ programmeId: programme.id, courseId, position })));
      return manager.getRepository(Programme).findOneByOrFail({ id: programme.id });
    });
  }

  /** Every course of a published programme must itself be published. */
  async publish(actor: LearningActor, id: string): Promise<Programme> {
    requireEditor(actor);
    return this.dataSource.transaction(async (manager) => {
      const programme = await this.lock(manager, id);
      if (programme.status === 'PUBLISHED') throw AppError.conflict('learning:alreadyPublished');
      const [signatoryProblem] = signatoryProblems(programme.certificateSignatories);
      if (signatoryProblem) throw AppError.conflict(signatoryProblem);
      const links = await manager.getRepository(ProgrammeCourse).findBy({ programmeId: programme.id });
      await this.checkPublishable(manager, links.map((l) => l.courseId));
      await manager.query(`UPDATE programmes SET status = 'PUBLISHED', published_at = COALESCE(published_at, now()), updated_at = now() WHERE id = $1`, [programme.id]);
      return manager.getRepository(Programme).findOneByOrFail({ id: programme.id });
    });
  }

  async archive(actor: LearningActor, id: string): Promise<Programme> {
    requireEditor(actor);
    if (!isUuid(id)) throw AppError.notFound('learning:programmeNotFound');
    const rows = returnedRows<{ id: string }>(
      await this.dataSource.query(`UPDATE programmes SET status = 'ARCHIVED', updated_at = now() WHERE id = $1 AND status <> 'ARCHIVED' RETURNING id`, [id]),
    );
    if (!rows.length) {
      if (!(await this.dataSource.getRepository(Programme).existsBy({ id }))) throw AppError.notFound('learning:programmeNotFound');
      throw AppError.conflict('learning:alreadyArchived');
    }
    return this.dataSource.getRepository(Programme).findOneByOrFail({ id });
  }

  private async lock(manager: EntityManager, id: string): Promise<Programme> {
    const programme = isUuid(id)
      ? await manager.getRepository(Programme).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne()
      : null;
    if (!programme) throw AppError.notFound('learning:programmeNotFound');
    return programme;
  }

  private async checkCourses(manager: EntityManager, courseIds: string[]): Promise<void> {
    const found = await manager.getRepository(Course).countBy({ id: In(courseIds) });
    if (found !== courseIds.length) throw AppError.badInput([{ field: 'courseIds', key: 'learning:courseNotFound' }]);
  }

  private async checkPublishable(manager: EntityManager, courseIds: string[]): Promise<void> {
    if (!courseIds.length) throw AppError.conflict('learning:programmeCoursesRequired');
    const published = await manager.getRepository(Course).countBy({ id: In(courseIds), status: 'PUBLISHED' });
    if (published !== courseIds.length) throw AppError.conflict('learning:programmeCoursesUnpublished');
  }

  private async uniqueSlug(manager: EntityManager, base: string, ownId: string | null, explicit: boolean): Promise<string> {
    const taken = async (slug: string) => {
      const row = await manager.getRepository(Programme).findOne({ where: { slug }, select: { id: true } });
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
