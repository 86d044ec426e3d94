import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentUser, RequireAuth, type RequestContext, type SessionUser } from '@alliance/server-graphql';
import { Role } from '@alliance/shared-core';
import { CoursesService } from './courses.service';
import { CourseInput, LessonInput, LocalizedTextInput, OfferingInput, ProgrammeInput, QuizInput } from './dto/inputs';
import { CourseModel, CourseModuleModel, LessonModel, OfferingModel, ProgrammeModel } from './dto/models';
import { OfferingsService } from './offerings.service';
import { ProgrammesService } from './programmes.service';
import { StructureService } from './structure.service';
import type { LearningActor } from './util';

const actorOf = (user: SessionUser): LearningActor => ({ id: user.id, name: user.name, roles: user.roles });

/** Authoring mutations for organisers and administrators; each returns the changed object. */
@Resolver()
@RequireAuth(Role.Organiser, Role.Admin)
export class AuthoringResolver {
  constructor(
    private readonly courses: CoursesService,
    private readonly structure: StructureService,
    private readonly offerings: OfferingsService,
    private readonly programmes: ProgrammesService,
  ) {}

  @Mutation(() => CourseModel, { description: 'Also creates the single open offering of a self-paced course.' })
  async createCourse(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('input') input: CourseInput): Promise<CourseModel> {
    return CourseModel.from(await this.courses.create(actorOf(user), input), ctx.locale);
  }

  @Mutation(() => CourseModel)
  async updateCourse(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: CourseInput): Promise<CourseModel> {
    return CourseModel.from(await this.courses.update(actorOf(user), id, input), ctx.locale);
  }

  @Mutation(() => CourseModel, { description: 'Needs a module with a lesson, questions in every quiz and an offering.' })
  async publishCourse(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CourseModel> {
    return CourseModel.from(await this.courses.publish(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => CourseModel)
  async archiveCourse(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<CourseModel> {
    return CourseModel.from(await this.courses.archive(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => CourseModuleModel)
  async addModule(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('courseId', { type: () => ID }) courseId: string,
    @Args('title', { type: () => [LocalizedTextInput] }) title: LocalizedTextInput[],
  ): Promise<CourseModuleModel> {
    return CourseModuleModel.from(await this.structure.addModule(actorOf(user), courseId, title), ctx.locale);
  }

  @Mutation(() => CourseModuleModel)
  async updateModule(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('title', { type: () => [LocalizedTextInput] }) title: LocalizedTextInput[],
  ): Promise<CourseModuleModel> {
    return CourseModuleModel.from(await this.structure.updateModule(actorOf(user), id, title), ctx.locale);
  }

  @Mutation(() => Boolean, { description: 'Hidden rather than deleted once the course has been published.' })
  deleteModule(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.structure.deleteModule(actorOf(user), id);
  }

  @Mutation(() => CourseModel, { description: '0-based target position; renumbers.' })
  async moveModule(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('position', { type: () => Int }) position: number,
  ): Promise<CourseModel> {
    const courseId = await this.structure.moveModule(actorOf(user), id, position);
    return CourseModel.from(await this.courses.requireCourse(courseId), ctx.locale);
  }

  @Mutation(() => LessonModel)
  async addLesson(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('input') input: LessonInput,
  ): Promise<LessonModel> {
    return LessonModel.from(await this.structure.addLesson(actorOf(user), moduleId, input), ctx.locale);
  }

  @Mutation(() => LessonModel)
  async updateLesson(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: LessonInput): Promise<LessonModel> {
    return LessonModel.from(await this.structure.updateLesson(actorOf(user), id, input), ctx.locale);
  }

  @Mutation(() => Boolean)
  deleteLesson(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.structure.deleteLesson(actorOf(user), id);
  }

  @Mutation(() => CourseModel)
  async moveLesson(
    @CurrentUser() user: SessionUser,
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('moduleId', { type: () => ID }) moduleId: string,
    @Args('position', { type: () => Int }) position: number,
  ): Promise<CourseModel> {
    const courseId = await this.structure.moveLesson(actorOf(user), id, moduleId, position);
    return CourseModel.from(await this.courses.requireCourse(courseId), ctx.locale);
  }

  @Mutation(() => LessonModel)
  async saveQuiz(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('lessonId', { type: () => ID }) lessonId: string, @Args('input') input: QuizInput): Promise<LessonModel> {
    return LessonModel.from(await this.structure.saveQuiz(actorOf(user), lessonId, input), ctx.locale);
  }

  @Mutation(() => OfferingModel)
  async createOffering(@CurrentUser() user: SessionUser, @Args('courseId', { type: () => ID }) courseId: string, @Args('input') input: OfferingInput): Promise<OfferingModel> {
    return OfferingModel.from(await this.offerings.create(actorOf(user), courseId, input));
  }

  @Mutation(() => OfferingModel, { description: 'Capacity cannot go below the seats taken.' })
  async updateOffering(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string, @Args('input') input: OfferingInput): Promise<OfferingModel> {
    return OfferingModel.from(await this.offerings.update(actorOf(user), id, input));
  }

  @Mutation(() => OfferingModel, { description: 'Only without active enrolments.' })
  async cancelOffering(@CurrentUser() user: SessionUser, @Args('id', { type: () => ID }) id: string): Promise<OfferingModel> {
    return OfferingModel.from(await this.offerings.cancel(actorOf(user), id));
  }

  @Mutation(() => ProgrammeModel)
  async createProgramme(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('input') input: ProgrammeInput): Promise<ProgrammeModel> {
    return ProgrammeModel.from(await this.programmes.create(actorOf(user), input), ctx.locale);
  }

  @Mutation(() => ProgrammeModel)
  async updateProgramme(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: ProgrammeInput): Promise<ProgrammeModel> {
    return ProgrammeModel.from(await this.programmes.update(actorOf(user), id, input), ctx.locale);
  }

  @Mutation(() => ProgrammeModel)
  async publishProgramme(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ProgrammeModel> {
    return ProgrammeModel.from(await this.programmes.publish(actorOf(user), id), ctx.locale);
  }

  @Mutation(() => ProgrammeModel)
  async archiveProgramme(@CurrentUser() user: SessionUser, @Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ProgrammeModel> {
    return ProgrammeModel.from(await this.programmes.archive(actorOf(user), id), ctx.locale);
  }
}
