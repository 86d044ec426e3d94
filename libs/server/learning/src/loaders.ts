import { In, IsNull, type DataSource } from 'typeorm';
import { byKeys, type RequestContext } from '@alliance/server-graphql';
import { AllianceCountry, FocusArea } from '@alliance/server-alliance';
import {
  Course,
  CourseFocusArea,
  CourseModule,
  CoursePrerequisite,
  Enrolment,
  LearningFile,
  Lesson,
  Offering,
  OfferingCountrySeats,
  ProgrammeCourse,
  QuizQuestion,
} from './entities';
import { LEARNING_STATUSES, type EnrolmentStatus } from './learning.constants';
import { isEditor, isUuid } from './util';

const group = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] => {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
};

/** Per-request batched look-ups of the learning field resolvers (one query per kind and request). */
export function learningLoaders(ctx: RequestContext, dataSource: DataSource) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  return {
    course: ctx.loaders.get<string, Course | null>('learning.course', async (keys) =>
      byKeys(keys, await dataSource.getRepository(Course).findBy({ id: In(ids(keys)) }), (c) => c.id),
    ),
    focusAreas: ctx.loaders.get<string, FocusArea[]>('learning.focusAreas', async (keys) => {
      const links = await dataSource.getRepository(CourseFocusArea).findBy({ courseId: In(ids(keys)) });
      const areas = links.length ? await dataSource.getRepository(FocusArea).findBy({ id: In([...new Set(links.map((l) => l.focusAreaId))]) }) : [];
      const byId = new Map(areas.map((a) => [a.id, a]));
      return group(keys, links, (l) => l.courseId).map((list) => list.map((l) => byId.get(l.focusAreaId)).filter((a): a is FocusArea => !!a));
    }),
    prerequisiteIds: ctx.loaders.get<string, string[]>('learning.prerequisiteIds', async (keys) => {
      const links = await dataSource.getRepository(CoursePrerequisite).findBy({ courseId: In(ids(keys)) });
      return group(keys, links, (l) => l.courseId).map((list) => list.map((l) => l.prerequisiteId));
    }),
    modules: ctx.loaders.get<string, CourseModule[]>('learning.modules', async (keys) =>
      group(keys, await dataSource.getRepository(CourseModule).find({ where: { courseId: In(ids(keys)), deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } }), (m) => m.courseId),
    ),
    lessons: ctx.loaders.get<string, Lesson[]>('learning.lessonsOfModule', async (keys) =>
      group(keys, await dataSource.getRepository(Lesson).find({ where: { moduleId: In(ids(keys)), deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } }), (l) => l.moduleId),
    ),
    lessonCount: ctx.loaders.get<string, number>('learning.lessonCount', async (keys) => {
      const rows: Array<{ course_id: string; n: number }> = await dataSource.query(
        `SELECT l.course_id, count(*)::int AS n FROM lessons l JOIN course_modules m ON m.id = l.module_id
          WHERE l.course_id = ANY($1) AND l.deleted_at IS NULL AND m.deleted_at IS NULL GROUP BY l.course_id`,
        [ids(keys)],
      );
      const map = new Map(rows.map((r) => [r.course_id, r.n]));
      return keys.map((k) => map.get(k) ?? 0);
    }),
    offerings: ctx.loaders.get<string, Offering[]>('learning.offerings', async (keys) => {
      const rows = await dataSource
        .getRepository(Offering)
        .createQueryBuilder('o')
        .where('o.course_id = ANY(:ids)', { ids: ids(keys) })
        .andWhere('o.cancelled_at IS NULL')
        .orderBy('o.starts_on', 'ASC', 'NULLS FIRST')
        .addOrderBy('o.created_at', 'ASC')
        .getMany();
      return group(keys, rows, (o) => o.courseId);
    }),
    countrySeats: ctx.loaders.get<string, OfferingCountrySeats[]>('learning.countrySeats', async (keys) =>
      group(keys, await dataSource.getRepository(OfferingCountrySeats).find({ where: { offeringId: In(ids(keys)) }, order: { countryCode: 'ASC' } }), (s) => s.offeringId),
    ),
    waitlistCount: ctx.loaders.get<string, number>('learning.waitlistCount', async (keys) => {
      const rows: Array<{ offering_id: string; n: number }> = await dataSource.query(
        `SELECT offering_id, count(*)::int AS n FROM enrolments WHERE offering_id = ANY($1) AND status = 'WAITLISTED' GROUP BY offering_id`,
        [ids(keys)],
      );
      const map = new Map(rows.map((r) => [r.offering_id, r.n]));
      return keys.map((k) => map.get(k) ?? 0);
    }),
    questions: ctx.loaders.get<string, QuizQuestion[]>('learning.questions', async (keys) =>
      group(keys, await dataSource.getRepository(QuizQuestion).find({ where: { lessonId: In(ids(keys)) }, order: { position: 'ASC' } }), (q) => q.lessonId),
    ),
    file: ctx.loaders.get<string, LearningFile | null>('learning.file', async (keys) =>
      byKeys(keys, await dataSource.getRepository(LearningFile).findBy({ id: In(ids(keys)) }), (f) => f.id),
    ),
    country: ctx.loaders.get<string, AllianceCountry | null>('learning.country', async (codes) =>
      byKeys(codes, await dataSource.getRepository(AllianceCountry).findBy({ code: In([...codes]) }), (c) => c.code),
    ),
    programmeCourseIds: ctx.loaders.get<string, string[]>('learning.programmeCourseIds', async (keys) =>
      group(keys, await dataSource.getRepository(ProgrammeCourse).find({ where: { programmeId: In(ids(keys)) }, order: { position: 'ASC' } }), (p) => p.programmeId).map((list) =>
        list.map((p) => p.courseId),
      ),
    ),
    /** The viewer's enrolment status per course (null when none or signed out). */
    myStatus: ctx.loaders.get<string, EnrolmentStatus | null>('learning.myStatus', async (keys) => {
      if (!ctx.user) return keys.map(() => null);
      const rows = await dataSource.getRepository(Enrolment).find({ where: { userId: ctx.user.id, courseId: In(ids(keys)) }, select: { courseId: true, status: true } });
      const map = new Map(rows.map((r) => [r.courseId, r.status]));
      return keys.map((k) => map.get(k) ?? null);
    }),
  };
}

export type LearningLoaders = ReturnType<typeof learningLoaders>;

/** Editors see every lesson (preview); learners the lessons of courses they hold an active place in. */
export async function canLearn(ctx: RequestContext, loaders: LearningLoaders, courseId: string): Promise<boolean> {
  if (isEditor(ctx.user)) return true;
  if (!ctx.user) return false;
  const status = await loaders.myStatus.load(courseId);
  return status !== null && LEARNING_STATUSES.includes(status);
}
