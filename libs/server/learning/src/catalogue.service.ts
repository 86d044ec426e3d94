import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { AppError, paginate, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { LOCALES } from '@alliance/shared-core';
import { Course } from './entities';
import { COURSE_FORMATS, COURSE_LEVELS, COURSE_STATUSES, type CourseFormat, type CourseLevel, type CourseStatus } from './learning.constants';
import { ACCENTED, PLAIN, isUuid, searchWords } from './util';

export interface CatalogueArgs extends PageArgs {
  search?: string | null;
  language?: string | null;
  focusAreaId?: string | null;
  level?: CourseLevel | null;
  format?: CourseFormat | null;
  openForEnrolment?: boolean | null;
}

export interface ManagedCoursesArgs extends PageArgs {
  search?: string | null;
  status?: CourseStatus | null;
}

/** SQL: an offering of course `c` accepting enrolments now (not cancelled, inside its window). */
export const OPEN_OFFERING_SQL = `EXISTS (SELECT 1 FROM course_offerings o WHERE o.course_id = c.id AND o.cancelled_at IS NULL
  AND (o.enrolment_opens_at IS NULL OR o.enrolment_opens_at <= now())
  AND (o.enrolment_closes_at IS NULL OR o.enrolment_closes_at > now()))`;

/** The public catalogue and the organisers' course list. */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published courses, newest first; search over titles and summaries in every language, accent-insensitive. */
  courses(args: CatalogueArgs): Promise<ConnectionShape<Course>> {
    const qb = this.dataSource.getRepository(Course).createQueryBuilder('c').where(`c.status = 'PUBLISHED'`);
    this.search(qb, args.search);
    if (args.language) {
      if (!(LOCALES as readonly string[]).includes(args.language)) throw AppError.badInput([{ field: 'language', key: 'validation:localeInvalid' }]);
      qb.andWhere(':language = ANY(c.languages)', { language: args.language });
    }
    if (args.focusAreaId) {
      if (!isUuid(args.focusAreaId)) throw AppError.badInput([{ field: 'focusAreaId', key: 'validation:invalid' }]);
      qb.andWhere('EXISTS (SELECT 1 FROM course_focus_areas f WHERE f.course_id = c.id AND f.focus_area_id = :focusAreaId)', { focusAreaId: args.focusAreaId });
    }
    if (args.level) {
      if (!(COURSE_LEVELS as readonly string[]).includes(args.level)) throw AppError.badInput([{ field: 'level', key: 'validation:invalid' }]);
      qb.andWhere('c.level = :level', { level: args.level });
    }
    if (args.format) {
      if (!(COURSE_FORMATS as readonly string[]).includes(args.format)) throw AppError.badInput([{ field: 'format', key: 'validation:invalid' }]);
      qb.andWhere('c.format = :format', { format: args.format });
    }
    if (args.openForEnrolment === true) qb.andWhere(OPEN_OFFERING_SQL);
    if (args.openForEnrolment === false) qb.andWhere(`NOT ${OPEN_OFFERING_SQL}`);
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', c.published_at)`,
      direction: 'DESC',
      valueOf: (c) => (c.publishedAt ?? c.createdAt).toISOString(),
      idColumn: 'c.id',
      idOf: (c) => c.id,
    });
  }

  /** Every course for organisers, most recently changed first. */
  managed(args: ManagedCoursesArgs): Promise<ConnectionShape<Course>> {
    const qb = this.dataSource.getRepository(Course).createQueryBuilder('c');
    this.search(qb, args.search);
    if (args.status) {
      if (!(COURSE_STATUSES as readonly string[]).includes(args.status)) throw AppError.badInput([{ field: 'status', key: 'validation:invalid' }]);
      qb.andWhere('c.status = :status', { status: args.status });
    }
    return paginate(qb, args, {
      column: `date_trunc('milliseconds', c.updated_at)`,
      direction: 'DESC',
      valueOf: (c) => c.updatedAt.toISOString(),
      idColumn: 'c.id',
      idOf: (c) => c.id,
    });
  }

  /** Each word must appear in the title, summary or slug (any language), ignoring case and accents. */
  private search(qb: SelectQueryBuilder<Course>, search: string | null | undefined): void {
    if (!search?.trim()) return;
    if (search.length > 200) throw AppError.badInput([{ field: 'search', key: 'validation:invalid' }]);
    const haystack = `lower(translate(c.title::text || ' ' || c.summary::text || ' ' || c.slug, :accented, :plain))`;
    qb.setParameters({ accented: ACCENTED, plain: PLAIN });
    searchWords(search).forEach((word, i) => qb.andWhere(`${haystack} LIKE :w${i}`, { [`w${i}`]: `%${word}%` }));
  }
}
