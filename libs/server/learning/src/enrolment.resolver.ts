import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { AllianceCountry } from '@alliance/server-alliance';
import { Certificate, CertificateModel, CertificatesService } from '@alliance/server-certificates';
import { AppError, Ctx, CurrentUser, RequireAuth, byKeys, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { User } from '@alliance/server-identity';
import { Role, countryName } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { CourseEnrolmentsArgs, QuizAnswerInput } from './dto/enrolment.inputs';
import {
  CourseReportModel,
  EnrolmentConnection,
  EnrolmentEventModel,
  EnrolmentModel,
  EnrolmentPersonModel,
  MyLearningModel,
  NominationResultModel,
  ProgrammeProgressModel,
  TeamContextModel,
} from './dto/enrolment.models';
import { EnrolmentDecisionEnum, type EnrolmentDecision } from './dto/enums';
import { CountryModel, CourseModel, LessonModel, OfferingModel, ProgrammeModel, QuizAttemptModel, QuizModel } from './dto/models';
import { isUuid } from './enrolment-input';
import { EnrolmentService, isOrganiser, type LearningActor } from './enrolment.service';
import { Enrolment, EnrolmentEvent, LessonCompletion, Offering, Programme, ProgrammeCompletion, QuizAttempt, Lesson } from './entities';
import { learningLoaders } from './loaders';
import { NominationsService, type NominationOutcome } from './nominations.service';
import { ProgressService, gradeQuiz } from './progress.service';
import { ReportsService } from './reports.service';

const actorOf = (user: SessionUser): LearningActor => ({ id: user.id, name: user.name, roles: user.roles, locale: user.locale });

const group = <K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] => {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return keys.map((k) => map.get(k) ?? []);
};

/** Per-request batched look-ups of the enrolment side (one query per kind and request). */
function enrolmentLoaders(ctx: RequestContext, dataSource: DataSource) {
  const ids = (keys: readonly string[]) => keys.filter(isUuid);
  return {
    offering: ctx.loaders.get<string, Offering | null>('enrolment.offering', async (keys) =>
      byKeys(keys, await dataSource.getRepository(Offering).findBy({ id: In(ids(keys)) }), (o) => o.id),
    ),
    user: ctx.loaders.get<string, User | null>('enrolment.user', async (keys) => byKeys(keys, await dataSource.getRepository(User).findBy({ id: In(ids(keys)) }), (u) => u.id)),
    certificate: ctx.loaders.get<string, Certificate | null>('enrolment.certificate', async (keys) =>
      byKeys(keys, await dataSource.getRepository(Certificate).findBy({ id: In(ids(keys)) }), (c) => c.id),
    ),
    events: ctx.loaders.get<string, EnrolmentEvent[]>('enrolment.events', async (keys) =>
      group(keys, await dataSource.getRepository(EnrolmentEvent).find({ where: { enrolmentId: In(ids(keys)) }, order: { createdAt: 'ASC', id: 'ASC' } }), (e) => e.enrolmentId),
    ),
    completions: ctx.loaders.get<string, Set<string>>('enrolment.completions', async (keys) =>
      group(keys, await dataSource.getRepository(LessonCompletion).find({ select: { enrolmentId: true, lessonId: true }, where: { enrolmentId: In(ids(keys)) } }), (c) => c.enrolmentId).map(
        (list) => new Set(list.map((c) => c.lessonId)),
      ),
    ),
    /**
     * Required lessons of a course in syllabus order (modules and lessons not removed): ids only, since
     * a learner's page lists many courses and lesson bodies are large (nextLesson loads the one it needs).
     */
    requiredLessons: ctx.loaders.get<string, Array<Pick<Lesson, 'id' | 'courseId'>>>('enrolment.requiredLessons', async (keys) => {
      const rows = await dataSource
        .getRepository(Lesson)
        .createQueryBuilder('l')
        .select(['l.id', 'l.courseId'])
        .innerJoin('course_modules', 'm', 'm.id = l.module_id AND m.deleted_at IS NULL')
        .where('l.course_id = ANY(:ids)', { ids: ids(keys) })
        .andWhere('l.deleted_at IS NULL AND l.required')
        .orderBy('m.position', 'ASC')
        .addOrderBy('l.position', 'ASC')
        .getMany();
      return group(keys, rows, (l) => l.courseId);
    }),
    lesson: ctx.loaders.get<string, Lesson | null>('enrolment.lesson', async (keys) => byKeys(keys, await dataSource.getRepository(Lesson).findBy({ id: In(ids(keys)) }), (l) => l.id)),
    /** The viewer's enrolment per course. */
    mine: ctx.loaders.get<string, Enrolment | null>('enrolment.mine', async (keys) => {
      if (!ctx.user) return keys.map(() => null);
      return byKeys(keys, await dataSource.getRepository(Enrolment).findBy({ userId: ctx.user.id, courseId: In(ids(keys)) }), (e) => e.courseId);
    }),
    /** Quiz attempts per `${enrolmentId}|${lessonId}`, newest first. */
    attempts: ctx.loaders.get<string, QuizAttempt[]>('enrolment.attempts', async (keys) => {
      const pairs = keys.map((k) => k.split('|'));
      const rows = await dataSource.getRepository(QuizAttempt).find({
        where: { enrolmentId: In(ids(pairs.map((p) => p[0]))), lessonId: In(ids(pairs.map((p) => p[1]))) },
        order: { number: 'DESC' },
      });
      return group(keys, rows, (a) => `${a.enrolmentId}|${a.lessonId}`);
    }),
    /** The viewer's programme completions. */
    programmeCompletion: ctx.loaders.get<string, ProgrammeCompletion | null>('enrolment.programmeCompletion', async (keys) => {
      if (!ctx.user) return keys.map(() => null);
      return byKeys(keys, await dataSource.getRepository(ProgrammeCompletion).findBy({ userId: ctx.user.id, programmeId: In(ids(keys)) }), (p) => p.programmeId);
    }),
  };
}

function countryModel(code: string, row: AllianceCountry | null, ctx: RequestContext): CountryModel {
  if (row) return CountryModel.from(row, ctx.locale);
  // A country outside the alliance's list (from a profile): its name from Intl.
  return Object.assign(new CountryModel(), { code, name: countryName(code, ctx.locale), subRegion: 'OBSERVER', observer: true });
}

const models = (rows: Enrolment[]) => rows.map((e) => EnrolmentModel.from(e));

/** Enrolment, progress, team nomination and report queries and mutations, and the Enrolment fields. */
@Resolver(() => EnrolmentModel)
export class EnrolmentResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly enrolments: EnrolmentService,
    private readonly nominations: NominationsService,
    private readonly progress: ProgressService,
    private readonly reports: ReportsService,
    private readonly certificates: CertificatesService,
  ) {}

  // ------------------------------------------------------------ queries

  @Query(() => MyLearningModel, { description: 'The viewer’s enrolments by state, and the programmes they take part in.' })
  @RequireAuth()
  async myLearning(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext): Promise<MyLearningModel> {
    const rows = await this.enrolments.ofUser(user.id);
    const programmes = await this.dataSource
      .getRepository(Programme)
      .createQueryBuilder('p')
      .where(`p.status = 'PUBLISHED'`)
      .andWhere(
        `EXISTS (SELECT 1 FROM programme_courses pc JOIN enrolments e ON e.course_id = pc.course_id
                  WHERE pc.programme_id = p.id AND e.user_id = :userId AND e.status NOT IN ('WITHDRAWN', 'REJECTED'))`,
        { userId: user.id },
      )
      .orderBy('p.published_at', 'DESC')
      .getMany();
    const of = (statuses: string[]) => models(rows.filter((e) => statuses.includes(e.status)));
    return Object.assign(new MyLearningModel(), {
      active: of(['APPROVED', 'ENROLLED']),
      pending: of(['REQUESTED', 'NOMINATED', 'WAITLISTED']),
      completed: of(['COMPLETED']),
      programmes: programmes.map((p) => ProgrammeModel.from(p, ctx.locale)),
    });
  }

  @Query(() => EnrolmentConnection, { description: 'Organisers: the enrolments of a course, newest first.' })
  @RequireAuth(Role.Organiser, Role.Admin)
  async courseEnrolments(@CurrentUser() user: SessionUser, @Args() args: CourseEnrolmentsArgs): Promise<ConnectionShape<EnrolmentModel>> {
    const page = await this.enrolments.ofCourse(actorOf(user), args.courseId, args);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: EnrolmentModel.from(e.node) })) };
  }

  @Query(() => TeamContextModel, { nullable: true, description: 'The viewer’s ministry and its country’s seats, when the viewer is a focal point of an active member ministry.' })
  async teamContext(@Args('offeringId', { type: () => ID }) offeringId: string, @Ctx() ctx: RequestContext): Promise<TeamContextModel | null> {
    if (!ctx.user) return null;
    const team = await this.nominations.teamContext(actorOf(ctx.user), offeringId);
    if (!team) return null;
    const country = await learningLoaders(ctx, this.dataSource).country.load(team.countryCode);
    return Object.assign(new TeamContextModel(), {
      organisationId: team.organisationId,
      organisationName: team.organisationName,
      country: countryModel(team.countryCode, country, ctx),
      seats: team.seats,
      seatsTaken: team.seatsTaken,
    });
  }

  @Query(() => [EnrolmentModel], { description: 'Enrolments the viewer nominated as a focal point, with progress.' })
  @RequireAuth()
  async teamEnrolments(@CurrentUser() user: SessionUser, @Args('courseId', { type: () => ID, nullable: true }) courseId?: string | null): Promise<EnrolmentModel[]> {
    return models(await this.enrolments.nominatedBy(user.id, courseId));
  }

  @Query(() => CourseReportModel, { description: 'Organisers. CSV: GET /api/learning/courses/<id>/report.csv' })
  @RequireAuth(Role.Organiser, Role.Admin)
  async courseReport(@CurrentUser() user: SessionUser, @Args('courseId', { type: () => ID }) courseId: string, @Ctx() ctx: RequestContext): Promise<CourseReportModel> {
    return Object.assign(new CourseReportModel(), await this.reports.courseReport(actorOf(user), courseId, ctx.locale));
  }

  // ------------------------------------------------------------ mutations

  @Mutation(() => EnrolmentModel)
  @RequireAuth()
  async enrol(@CurrentUser() user: SessionUser, @Args('offeringId', { type: () => ID }) offeringId: string): Promise<EnrolmentModel> {
    return EnrolmentModel.from(await this.enrolments.enrol(actorOf(user), offeringId));
  }

  @Mutation(() => EnrolmentModel)
  @RequireAuth()
  async withdrawEnrolment(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<EnrolmentModel> {
    return EnrolmentModel.from(await this.enrolments.withdraw(actorOf(user), id, note));
  }

  @Mutation(() => EnrolmentModel)
  @RequireAuth(Role.Organiser, Role.Admin)
  async decideEnrolment(
    @CurrentUser() user: SessionUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => EnrolmentDecisionEnum }) decision: EnrolmentDecision,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<EnrolmentModel> {
    return EnrolmentModel.from(await this.enrolments.decide(actorOf(user), id, decision, note));
  }

  @Mutation(() => EnrolmentModel)
  @RequireAuth(Role.Organiser, Role.Admin)
  async removeEnrolment(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('note') note: string): Promise<EnrolmentModel> {
    return EnrolmentModel.from(await this.enrolments.remove(actorOf(user), id, note));
  }

  @Mutation(() => NominationResultModel, { description: 'Organisers: e-mails as a list or a CSV with an "email" column.' })
  @RequireAuth(Role.Organiser, Role.Admin)
  async inviteLearners(
    @CurrentUser() user: SessionUser,
    @Args('offeringId', { type: () => ID }) offeringId: string,
    @Args('emails') emails: string,
    @Ctx() ctx: RequestContext,
  ): Promise<NominationResultModel> {
    return this.result(await this.nominations.inviteLearners(actorOf(user), offeringId, emails), ctx);
  }

  @Mutation(() => NominationResultModel, { description: 'Focal points of an active member ministry: their team, within the country’s seats.' })
  @RequireAuth()
  async nominateTeam(
    @CurrentUser() user: SessionUser,
    @Args('offeringId', { type: () => ID }) offeringId: string,
    @Args('emails') emails: string,
    @Ctx() ctx: RequestContext,
  ): Promise<NominationResultModel> {
    return this.result(await this.nominations.nominateTeam(actorOf(user), offeringId, emails), ctx);
  }

  @Mutation(() => EnrolmentModel)
  @RequireAuth()
  async completeLesson(@CurrentUser() user: SessionUser, @Args('lessonId', { type: () => ID }) lessonId: string): Promise<EnrolmentModel> {
    return EnrolmentModel.from(await this.progress.completeLesson(actorOf(user), lessonId));
  }

  @Mutation(() => QuizAttemptModel, { description: 'Graded on the server; feedback per question.' })
  @RequireAuth()
  async submitQuizAttempt(
    @CurrentUser() user: SessionUser,
    @Args('lessonId', { type: () => ID }) lessonId: string,
    @Args('answers', { type: () => [QuizAnswerInput] }) answers: QuizAnswerInput[],
  ): Promise<QuizAttemptModel> {
    const { attempt, feedback } = await this.progress.submitQuizAttempt(actorOf(user), lessonId, answers.map((a) => ({ questionId: a.questionId, optionIds: a.optionIds })));
    return Object.assign(new QuizAttemptModel(), { id: attempt.id, number: attempt.number, score: attempt.score, passed: attempt.passed, createdAt: attempt.createdAt, feedback });
  }

  // ------------------------------------------------------------ Enrolment fields

  @ResolveField(() => CourseModel)
  async course(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<CourseModel> {
    const course = await learningLoaders(ctx, this.dataSource).course.load(e.entity.courseId);
    if (!course) throw AppError.notFound('enrolment:courseNotFound');
    return CourseModel.from(course, ctx.locale);
  }

  @ResolveField(() => OfferingModel)
  async offering(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<OfferingModel> {
    const offering = await enrolmentLoaders(ctx, this.dataSource).offering.load(e.entity.offeringId);
    if (!offering) throw AppError.notFound('enrolment:offeringNotFound');
    return OfferingModel.from(offering);
  }

  @ResolveField(() => EnrolmentPersonModel, { description: 'The account, or the invited e-mail before sign-up.' })
  async person(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<EnrolmentPersonModel> {
    const { userId, invitedEmail, nominatedById } = e.entity;
    const user = userId ? await enrolmentLoaders(ctx, this.dataSource).user.load(userId) : null;
    const viewer = ctx.user;
    const maySee = !!viewer && (isOrganiser(viewer) || viewer.id === userId || viewer.id === nominatedById);
    const email = user?.email ?? invitedEmail ?? '';
    return Object.assign(new EnrolmentPersonModel(), { id: user?.id ?? null, name: user?.name ?? invitedEmail ?? '', email: maySee ? email : '' });
  }

  @ResolveField(() => CountryModel, { nullable: true })
  async country(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<CountryModel | null> {
    const code = e.entity.countryCode;
    if (!code) return null;
    return countryModel(code, await learningLoaders(ctx, this.dataSource).country.load(code), ctx);
  }

  @ResolveField(() => Int)
  async requiredLessons(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<number> {
    return (await enrolmentLoaders(ctx, this.dataSource).requiredLessons.load(e.entity.courseId)).length;
  }

  @ResolveField(() => CertificateModel, { nullable: true })
  async certificate(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<CertificateModel | null> {
    if (!e.entity.certificateId) return null;
    const certificate = await enrolmentLoaders(ctx, this.dataSource).certificate.load(e.entity.certificateId);
    return certificate ? CertificateModel.fromCertificate(certificate, ctx.locale, this.certificates.verificationUrl(certificate.code)) : null;
  }

  @ResolveField(() => LessonModel, { nullable: true, description: 'The first required lesson not completed yet.' })
  async nextLesson(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<LessonModel | null> {
    const loaders = enrolmentLoaders(ctx, this.dataSource);
    const [lessons, done] = await Promise.all([loaders.requiredLessons.load(e.entity.courseId), loaders.completions.load(e.entity.id)]);
    const next = lessons.find((l) => !done.has(l.id));
    const lesson = next ? await loaders.lesson.load(next.id) : null;
    return lesson ? LessonModel.from(lesson, ctx.locale) : null;
  }

  @ResolveField(() => [EnrolmentEventModel])
  async events(@Parent() e: EnrolmentModel, @Ctx() ctx: RequestContext): Promise<EnrolmentEventModel[]> {
    return (await enrolmentLoaders(ctx, this.dataSource).events.load(e.entity.id)).map((ev) => EnrolmentEventModel.from(ev));
  }

  private result(outcome: NominationOutcome, ctx: RequestContext): NominationResultModel {
    const t = translator(ctx.locale);
    return Object.assign(new NominationResultModel(), {
      enrolled: models(outcome.enrolled),
      invited: models(outcome.invited),
      pending: models(outcome.pending),
      skipped: outcome.skipped.map((s) => ({ email: s.email, reason: String(t(s.reasonKey)) })),
    });
  }
}

/** Course fields about the viewer. */
@Resolver(() => CourseModel)
export class CourseEnrolmentFieldsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => EnrolmentModel, { nullable: true, description: 'The viewer’s enrolment (null signed out or none).' })
  async myEnrolment(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<EnrolmentModel | null> {
    const mine = await enrolmentLoaders(ctx, this.dataSource).mine.load(course.id);
    return mine ? EnrolmentModel.from(mine) : null;
  }

  @ResolveField(() => Boolean, { description: 'The viewer completed every prerequisite (true when there are none).' })
  async prerequisitesMet(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    const prerequisites = await learningLoaders(ctx, this.dataSource).prerequisiteIds.load(course.id);
    if (!prerequisites.length) return true;
    if (!ctx.user) return false;
    const mine = await enrolmentLoaders(ctx, this.dataSource).mine.loadMany(prerequisites);
    return mine.every((e) => !!e && !(e instanceof Error) && e.status === 'COMPLETED');
  }
}

/** Lesson.completed for the viewer. */
@Resolver(() => LessonModel)
export class LessonProgressResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Boolean, { description: 'By the viewer.' })
  async completed(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    const loaders = enrolmentLoaders(ctx, this.dataSource);
    const mine = await loaders.mine.load(lesson.courseId);
    return mine ? (await loaders.completions.load(mine.id)).has(lesson.id) : false;
  }
}

/** The viewer's attempts of a quiz. */
@Resolver(() => QuizModel)
export class QuizProgressResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async attemptRows(quiz: QuizModel, ctx: RequestContext): Promise<QuizAttempt[]> {
    const loaders = enrolmentLoaders(ctx, this.dataSource);
    const mine = await loaders.mine.load(quiz.courseId);
    return mine ? loaders.attempts.load(`${mine.id}|${quiz.lessonId}`) : [];
  }

  @ResolveField(() => Int)
  async attemptsUsed(@Parent() quiz: QuizModel, @Ctx() ctx: RequestContext): Promise<number> {
    return (await this.attemptRows(quiz, ctx)).length;
  }

  @ResolveField(() => Boolean)
  async passed(@Parent() quiz: QuizModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await this.attemptRows(quiz, ctx)).some((a) => a.passed);
  }

  @ResolveField(() => Int, { nullable: true })
  async bestScore(@Parent() quiz: QuizModel, @Ctx() ctx: RequestContext): Promise<number | null> {
    const rows = await this.attemptRows(quiz, ctx);
    return rows.length ? Math.max(...rows.map((a) => a.score)) : null;
  }

  @ResolveField(() => [QuizAttemptModel], { description: 'The viewer’s, newest first.' })
  async attempts(@Parent() quiz: QuizModel, @Ctx() ctx: RequestContext): Promise<QuizAttemptModel[]> {
    const rows = await this.attemptRows(quiz, ctx);
    if (!rows.length) return [];
    const questions = await learningLoaders(ctx, this.dataSource).questions.load(quiz.lessonId);
    return rows.map((a) =>
      Object.assign(new QuizAttemptModel(), {
        id: a.id,
        number: a.number,
        score: a.score,
        passed: a.passed,
        createdAt: a.createdAt,
        feedback: gradeQuiz(questions, a.answers, ctx.locale).feedback,
      }),
    );
  }
}

/** Programme.myProgress for the viewer. */
@Resolver(() => ProgrammeModel)
export class ProgrammeProgressResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly certificates: CertificatesService,
  ) {}

  @ResolveField(() => ProgrammeProgressModel, { nullable: true, description: 'Null when signed out.' })
  async myProgress(@Parent() programme: ProgrammeModel, @Ctx() ctx: RequestContext): Promise<ProgrammeProgressModel | null> {
    if (!ctx.user) return null;
    const loaders = enrolmentLoaders(ctx, this.dataSource);
    const courseIds = await learningLoaders(ctx, this.dataSource).programmeCourseIds.load(programme.id);
    const mine = courseIds.length ? await loaders.mine.loadMany(courseIds) : [];
    const completion = await loaders.programmeCompletion.load(programme.id);
    const certificate = completion?.certificateId ? await loaders.certificate.load(completion.certificateId) : null;
    return Object.assign(new ProgrammeProgressModel(), {
      completedCourses: mine.filter((e) => !!e && !(e instanceof Error) && e.status === 'COMPLETED').length,
      totalCourses: courseIds.length,
      completedAt: completion?.completedAt ?? null,
      certificate: certificate ? CertificateModel.fromCertificate(certificate, ctx.locale, this.certificates.verificationUrl(certificate.code)) : null,
    });
  }
}
