import { Args, Float, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, Ctx, CurrentUser, PageArgs, RequireAuth, type ConnectionShape, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { CountryModel, FocusAreaModel } from '@alliance/server-alliance';
import { Role } from '@alliance/shared-core';
import type { Course } from './entities';
import { CatalogueService } from './catalogue.service';
import { CoursesService } from './courses.service';
import { CoursesArgs, ManagedCoursesArgs } from './dto/inputs';
import {
  CountrySeatsModel,
  CourseConnection,
  CourseModel,
  CourseModuleModel,
  LearningFileModel,
  LessonModel,
  LocalizedTextModel,
  OfferingModel,
  ProgrammeConnection,
  ProgrammeModel,
  QuizModel,
} from './dto/models';
import { videoEmbedUrl } from './learning-input';
import { canLearn, learningLoaders } from './loaders';
import { localizedToList, pickLocalized } from '@alliance/server-graphql';
import { renderMarkdown } from './markdown';
import { ProgrammesService } from './programmes.service';
import { StructureService } from './structure.service';
import { isEditor } from './util';

const courseNodes = (page: ConnectionShape<Course>, locale: RequestContext['locale']): ConnectionShape<CourseModel> => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: CourseModel.from(e.node, locale) })),
});

/** Catalogue and authoring queries, and the Course fields every viewer may read. */
@Resolver(() => CourseModel)
export class CatalogueResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly courseService: CoursesService,
    private readonly structure: StructureService,
    private readonly programmeService: ProgrammesService,
  ) {}

  @Query(() => CourseConnection, { description: 'Public: published courses, newest first.' })
  async courses(@Ctx() ctx: RequestContext, @Args() args: CoursesArgs): Promise<ConnectionShape<CourseModel>> {
    return courseNodes(await this.catalogue.courses(args), ctx.locale);
  }

  @Query(() => CourseModel, { nullable: true, description: 'Published for everyone; drafts and archived courses for organisers.' })
  async course(@Ctx() ctx: RequestContext, @Args('slug') slug: string): Promise<CourseModel | null> {
    const course = await this.courseService.findBySlug(slug);
    if (!course || (course.status !== 'PUBLISHED' && !isEditor(ctx.user))) return null;
    return CourseModel.from(course, ctx.locale);
  }

  @Query(() => CourseConnection, { description: 'Organisers: every course, most recently changed first.' })
  @RequireAuth(Role.Organiser, Role.Admin)
  async managedCourses(@Ctx() ctx: RequestContext, @Args() args: ManagedCoursesArgs): Promise<ConnectionShape<CourseModel>> {
    return courseNodes(await this.catalogue.managed(args), ctx.locale);
  }

  @Query(() => CourseModel)
  @RequireAuth(Role.Organiser, Role.Admin)
  async courseForEditing(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CourseModel> {
    return CourseModel.from(await this.courseService.requireCourse(id), ctx.locale);
  }

  @Query(() => LessonModel, { description: 'A learner with a place in the course, or an organiser (preview).' })
  async lesson(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<LessonModel> {
    const lesson = await this.structure.findLesson(id);
    if (!lesson) throw AppError.notFound('learning:lessonNotFound');
    if (!ctx.user) throw AppError.unauthenticated();
    if (!(await canLearn(ctx, learningLoaders(ctx, this.dataSource), lesson.courseId))) throw AppError.forbidden('learning:lessonForbidden');
    return LessonModel.from(lesson, ctx.locale);
  }

  @Query(() => ProgrammeConnection, { description: 'Public: published programmes.' })
  async programmes(@Ctx() ctx: RequestContext, @Args() args: PageArgs): Promise<ConnectionShape<ProgrammeModel>> {
    const page = await this.programmeService.list(args, 'PUBLISHED');
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: ProgrammeModel.from(e.node, ctx.locale) })) };
  }

  @Query(() => ProgrammeModel, { nullable: true })
  async programme(@Ctx() ctx: RequestContext, @Args('slug') slug: string): Promise<ProgrammeModel | null> {
    const programme = await this.programmeService.findBySlug(slug);
    if (!programme || (programme.status !== 'PUBLISHED' && !isEditor(ctx.user))) return null;
    return ProgrammeModel.from(programme, ctx.locale);
  }

  @Query(() => ProgrammeConnection)
  @RequireAuth(Role.Organiser, Role.Admin)
  async managedProgrammes(@Ctx() ctx: RequestContext, @Args() args: PageArgs): Promise<ConnectionShape<ProgrammeModel>> {
    const page = await this.programmeService.list(args, null);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: ProgrammeModel.from(e.node, ctx.locale) })) };
  }

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<FocusAreaModel[]> {
    return (await learningLoaders(ctx, this.dataSource).focusAreas.load(course.id)).map((f) => FocusAreaModel.from(f, ctx.locale));
  }

  @ResolveField(() => LearningFileModel, { nullable: true })
  async coverImage(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<LearningFileModel | null> {
    if (!course.entity.coverImageId) return null;
    const file = await learningLoaders(ctx, this.dataSource).file.load(course.entity.coverImageId);
    return file ? LearningFileModel.from(file) : null;
  }

  @ResolveField(() => [CourseModel])
  async prerequisites(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<CourseModel[]> {
    const loaders = learningLoaders(ctx, this.dataSource);
    const ids = await loaders.prerequisiteIds.load(course.id);
    const rows = await Promise.all(ids.map((id) => loaders.course.load(id)));
    return rows.filter((c): c is Course => !!c).map((c) => CourseModel.from(c, ctx.locale));
  }

  @ResolveField(() => [CourseModuleModel])
  async modules(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<CourseModuleModel[]> {
    return (await learningLoaders(ctx, this.dataSource).modules.load(course.id)).map((m) => CourseModuleModel.from(m, ctx.locale));
  }

  @ResolveField(() => [OfferingModel], { description: 'Not cancelled, by start date.' })
  async offerings(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<OfferingModel[]> {
    return (await learningLoaders(ctx, this.dataSource).offerings.load(course.id)).map((o) => OfferingModel.from(o));
  }

  @ResolveField(() => Int)
  lessonCount(@Parent() course: CourseModel, @Ctx() ctx: RequestContext): Promise<number> {
    return learningLoaders(ctx, this.dataSource).lessonCount.load(course.id);
  }

  @ResolveField(() => Boolean, { description: 'The viewer is an organiser or administrator.' })
  canEdit(@Ctx() ctx: RequestContext): boolean {
    return isEditor(ctx.user);
  }
}

@Resolver(() => CourseModuleModel)
export class CourseModuleResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [LessonModel])
  async lessons(@Parent() module: CourseModuleModel, @Ctx() ctx: RequestContext): Promise<LessonModel[]> {
    return (await learningLoaders(ctx, this.dataSource).lessons.load(module.id)).map((l) => LessonModel.from(l, ctx.locale));
  }
}

/** Lesson content: only for editors and for learners holding a place (APPROVED/ENROLLED/COMPLETED). */
@Resolver(() => LessonModel)
export class LessonContentResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private allowed(ctx: RequestContext, lesson: LessonModel): Promise<boolean> {
    return canLearn(ctx, learningLoaders(ctx, this.dataSource), lesson.courseId);
  }

  @ResolveField(() => String, { nullable: true, description: 'Markdown in the reader’s language, rendered and sanitised.' })
  async bodyHtml(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!(await this.allowed(ctx, lesson))) return null;
    const markdown = pickLocalized(lesson.entity.body, ctx.locale);
    return markdown ? renderMarkdown(markdown) : null;
  }

  @ResolveField(() => [LocalizedTextModel], { nullable: true, description: 'Markdown source; editors only.' })
  bodyTranslations(@Parent() lesson: LessonModel, @CurrentUser() user: SessionUser | undefined): LocalizedTextModel[] | null {
    return isEditor(user) ? localizedToList(lesson.entity.body) : null;
  }

  @ResolveField(() => String, { nullable: true })
  async videoUrl(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.allowed(ctx, lesson)) ? lesson.entity.videoUrl : null;
  }

  @ResolveField(() => String, { nullable: true })
  async videoEmbedUrl(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.allowed(ctx, lesson)) ? videoEmbedUrl(lesson.entity.videoUrl) : null;
  }

  @ResolveField(() => LearningFileModel, { nullable: true })
  async file(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<LearningFileModel | null> {
    if (!lesson.entity.fileId || !(await this.allowed(ctx, lesson))) return null;
    const file = await learningLoaders(ctx, this.dataSource).file.load(lesson.entity.fileId);
    return file ? LearningFileModel.from(file) : null;
  }

  @ResolveField(() => Date, { nullable: true })
  async liveStartsAt(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return (await this.allowed(ctx, lesson)) ? lesson.entity.liveStartsAt : null;
  }

  @ResolveField(() => String, { nullable: true })
  async liveUrl(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.allowed(ctx, lesson)) ? lesson.entity.liveUrl : null;
  }

  @ResolveField(() => QuizModel, { nullable: true, description: 'QUIZ lessons; correct answers only for editors.' })
  async quiz(@Parent() lesson: LessonModel, @Ctx() ctx: RequestContext): Promise<QuizModel | null> {
    if (lesson.type !== 'QUIZ' || !(await this.allowed(ctx, lesson))) return null;
    const questions = await learningLoaders(ctx, this.dataSource).questions.load(lesson.id);
    return QuizModel.from(lesson.entity, questions, ctx.locale, isEditor(ctx.user));
  }
}

@Resolver(() => OfferingModel)
export class OfferingResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Int)
  waitlistCount(@Parent() offering: OfferingModel, @Ctx() ctx: RequestContext): Promise<number> {
    return learningLoaders(ctx, this.dataSource).waitlistCount.load(offering.id);
  }

  @ResolveField(() => Boolean, { description: 'Window open, not cancelled, course published.' })
  async openForEnrolment(@Parent() offering: OfferingModel, @Ctx() ctx: RequestContext): Promise<boolean> {
    const o = offering.entity;
    const now = Date.now();
    if (o.cancelledAt || (o.enrolmentOpensAt && o.enrolmentOpensAt.getTime() > now) || (o.enrolmentClosesAt && o.enrolmentClosesAt.getTime() <= now)) return false;
    const course = await learningLoaders(ctx, this.dataSource).course.load(o.courseId);
    return course?.status === 'PUBLISHED';
  }

  @ResolveField(() => [CountrySeatsModel])
  async countrySeats(@Parent() offering: OfferingModel, @Ctx() ctx: RequestContext): Promise<CountrySeatsModel[]> {
    return (await learningLoaders(ctx, this.dataSource).countrySeats.load(offering.id)).map((s) => CountrySeatsModel.from(s));
  }
}

@Resolver(() => CountrySeatsModel)
export class CountrySeatsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => CountryModel)
  async country(@Parent() seats: CountrySeatsModel, @Ctx() ctx: RequestContext): Promise<CountryModel> {
    const country = await learningLoaders(ctx, this.dataSource).country.load(seats.countryCode);
    if (!country) throw AppError.notFound();
    return CountryModel.from(country, ctx.locale);
  }
}

@Resolver(() => ProgrammeModel)
export class ProgrammeFieldsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** In order; drafts only for editors. */
  @ResolveField(() => [CourseModel])
  async courses(@Parent() programme: ProgrammeModel, @Ctx() ctx: RequestContext): Promise<CourseModel[]> {
    const loaders = learningLoaders(ctx, this.dataSource);
    const ids = await loaders.programmeCourseIds.load(programme.id);
    const rows = await Promise.all(ids.map((id) => loaders.course.load(id)));
    return rows
      .filter((c): c is Course => !!c && (c.status !== 'DRAFT' || isEditor(ctx.user)))
      .map((c) => CourseModel.from(c, ctx.locale));
  }

  @ResolveField(() => Float)
  async totalHours(@Parent() programme: ProgrammeModel, @Ctx() ctx: RequestContext): Promise<number> {
    const loaders = learningLoaders(ctx, this.dataSource);
    const ids = await loaders.programmeCourseIds.load(programme.id);
    const rows = await Promise.all(ids.map((id) => loaders.course.load(id)));
    return Math.round(rows.reduce((sum, c) => sum + (c?.estimatedHours ?? 0), 0) * 10) / 10;
  }

  @ResolveField(() => Boolean)
  canEdit(@Ctx() ctx: RequestContext): boolean {
    return isEditor(ctx.user);
  }
}
