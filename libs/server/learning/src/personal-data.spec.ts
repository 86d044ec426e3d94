import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PersonalDataService, SessionService, UsersService, deletedAccountEmail } from '@alliance/server-identity';
import { Enrolment } from './entities';
import { EnrolmentService } from './enrolment.service';
import { ProgressService } from './progress.service';
import { actorOf, makeCourse, person } from './testing/enrolment-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';

describe('Learning personal data (real PostgreSQL)', () => {
  let app: INestApplication;
  let db: DataSource;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    db = app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('exports enrolments and lesson progress; deletion keeps them counted and re-addresses an invitation to the old e-mail', async () => {
    const users = app.get(UsersService);
    const { course, offering, lessons } = await makeCourse(db);
    const learner = await person(users, { name: 'Bea Aprendiz' });
    await app.get(EnrolmentService).enrol(actorOf(learner), offering.id);
    await app.get(ProgressService).completeLesson(actorOf(learner), lessons[0].id);
    // Another course invited the same address before: an enrolment waiting for an account.
    const other = await makeCourse(db);
    await db.query(`INSERT INTO enrolments (course_id, offering_id, invited_email, status) VALUES ($1, $2, $3, 'NOMINATED')`, [other.course.id, other.offering.id, learner.email]);

    const exported = (await app.get(PersonalDataService).export(learner.id)) as {
      sections: { learning: { enrolments: Array<{ course: string; progressPercent: number }>; lessonProgress: unknown[] } };
    };
    expect(exported.sections.learning.enrolments).toEqual([expect.objectContaining({ course: course.slug, progressPercent: 50 })]);
    expect(exported.sections.learning.lessonProgress).toHaveLength(1);

    const before = await db.getRepository(Enrolment).countBy({ courseId: course.id });
    const sessions = app.get(SessionService);
    const { token } = await sessions.create(learner.id);
    await app.get(PersonalDataService).deleteAccount((await sessions.resolve(token))!, { password: 'correct horse battery' });

    // The course still counts the enrolment and its progress.
    expect(await db.getRepository(Enrolment).countBy({ courseId: course.id })).toBe(before);
    expect(await db.getRepository(Enrolment).findOneByOrFail({ courseId: course.id, userId: learner.id })).toMatchObject({ progressPercent: 50, completedLessons: 1 });
    // The invitation no longer names the address, which a new person may now sign up with.
    expect(await db.query(`SELECT invited_email FROM enrolments WHERE course_id = $1`, [other.course.id])).toEqual([{ invited_email: deletedAccountEmail(learner.id) }]);
  });
});
