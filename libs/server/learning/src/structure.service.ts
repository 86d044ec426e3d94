import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import { CourseModule, LearningFile, Lesson, QuizQuestion, type QuizOptionData } from './entities';
import { LEARNING_LIMITS } from './learning.constants';
import { lessonSchema, moduleTitleSchema, quizSchema, type LessonValues } from './learning-input';
import { CoursesService, bumpRevision } from './courses.service';
import { isUuid, requireEditor, type LearningActor } from './util';

/** Default pass mark of a new quiz lesson until the quiz is saved. */
const DEFAULT_PASS_MARK = 70;

/** A short random id for a quiz option (stable across edits once given). */
export function newOptionId(): string {
  return randomBytes(6).toString('base64url');
}

/**
 * Modules, lessons and quizzes of a course. Every change runs in a transaction holding the course
 * row lock, so concurrent reorders cannot interleave, and bumps the course revision. Once a course
 * has been published, removed modules and lessons are only hidden (deletedAt): learners'
 * completions and quiz attempts stay.
 */
@Injectable()
export class StructureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
  ) {}

  /** Visible modules of a course, in order. */
  modules(courseId: string): Promise<CourseModule[]> {
    return this.dataSource.getRepository(CourseModule).find({ where: { courseId, deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } });
  }

  async findLesson(id: string): Promise<Lesson | null> {
    if (!isUuid(id)) return null;
    return this.dataSource.getRepository(Lesson).findOneBy({ id, deletedAt: IsNull() });
  }

  async addModule(actor: LearningActor, courseId: string, titleInput: unknown): Promise<CourseModule> {
    requireEditor(actor);
    const title = parseInput(moduleTitleSchema, titleInput);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, courseId);
      const count = await manager.getRepository(CourseModule).countBy({ courseId: course.id, deletedAt: IsNull() });
      if (count >= LEARNING_LIMITS.modulesMax) throw AppError.conflict('learning:tooManyModules');
      const module = await manager.save(manager.create(CourseModule, { courseId: course.id, position: count, title, deletedAt: null }));
      await bumpRevision(manager, course.id);
      return module;
    });
  }

  async updateModule(actor: LearningActor, id: string, titleInput: unknown): Promise<CourseModule> {
    requireEditor(actor);
    const title = parseInput(moduleTitleSchema, titleInput);
    const found = await this.requireModule(this.dataSource.manager, id);
    return this.dataSource.transaction(async (manager) => {
      await this.courses.lockCourse(manager, found.courseId);
      const module = await this.requireModule(manager, id);
      await manager.update(CourseModule, { id: module.id }, { title });
      await bumpRevision(manager, module.courseId);
      return manager.getRepository(CourseModule).findOneByOrFail({ id: module.id });
    });
  }

  async deleteModule(actor: LearningActor, id: string): Promise<boolean> {
    requireEditor(actor);
    const found = await this.requireModule(this.dataSource.manager, id);
    await this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, found.courseId);
      const module = await this.requireModule(manager, id);
      if (course.publishedAt) {
        await manager.query(`UPDATE lessons SET deleted_at = now(), updated_at = now() WHERE module_id = $1 AND deleted_at IS NULL`, [module.id]);
        await manager.update(CourseModule, { id: module.id }, { deletedAt: new Date() });
      } else {
        await manager.delete(CourseModule, { id: module.id });
      }
      await this.renumberModules(manager, course.id);
      await bumpRevision(manager, course.id);
    });
    return true;
  }

  /** Moves a module to a 0-based position among the visible modules and renumbers them. */
  async moveModule(actor: LearningActor, id: string, position: number): Promise<string> {
    requireEditor(actor);
    if (!Number.isInteger(position) || position < 0) throw AppError.badInput([{ field: 'position', key: 'validation:invalid' }]);
    const found = await this.requireModule(this.dataSource.manager, id);
    await this.dataSource.transaction(async (manager) => {
      await this.courses.lockCourse(manager, found.courseId);
      const modules = await manager.getRepository(CourseModule).find({ where: { courseId: found.courseId, deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } });
      const from = modules.findIndex((m) => m.id === found.id);
      if (from < 0) throw AppError.notFound('learning:moduleNotFound');
      const [moved] = modules.splice(from, 1);
      modules.splice(Math.min(position, modules.length), 0, moved);
      await this.writePositions(manager, 'course_modules', modules.map((m) => m.id));
      await bumpRevision(manager, found.courseId);
    });
    return found.courseId;
  }

  async addLesson(actor: LearningActor, moduleId: string, input: unknown): Promise<Lesson> {
    requireEditor(actor);
    const values = parseInput(lessonSchema, input);
    const found = await this.requireModule(this.dataSource.manager, moduleId);
    return this.dataSource.transaction(async (manager) => {
      await this.courses.lockCourse(manager, found.courseId);
      const module = await this.requireModule(manager, moduleId);
      await this.checkFile(manager, values);
      const count = await manager.getRepository(Lesson).countBy({ moduleId: module.id, deletedAt: IsNull() });
      if (count >= LEARNING_LIMITS.lessonsPerModuleMax) throw AppError.conflict('learning:tooManyLessons');
      const lesson = await manager.save(
        manager.create(Lesson, {
          courseId: module.courseId,
          moduleId: module.id,
          position: count,
          ...lessonFields(values),
          passMark: values.type === 'QUIZ' ? DEFAULT_PASS_MARK : null,
          maxAttempts: null,
          deletedAt: null,
        }),
      );
      await bumpRevision(manager, module.courseId);
      return lesson;
    });
  }

  async updateLesson(actor: LearningActor, id: string, input: unknown): Promise<Lesson> {
    requireEditor(actor);
    const values = parseInput(lessonSchema, input);
    const found = await this.requireLesson(this.dataSource.manager, id);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, found.courseId);
      const lesson = await this.requireLesson(manager, id);
      await this.checkFile(manager, values);
      if (values.type !== lesson.type) {
        // Completions and attempts mean something only for the type they were made for.
        if (course.publishedAt) throw AppError.conflict('learning:lessonTypeLocked');
        if (lesson.type === 'QUIZ') await manager.delete(QuizQuestion, { lessonId: lesson.id });
      }
      const quiz = values.type === 'QUIZ';
      await manager.update(Lesson, { id: lesson.id }, {
        ...lessonFields(values),
        passMark: quiz ? (lesson.passMark ?? DEFAULT_PASS_MARK) : null,
        maxAttempts: quiz ? lesson.maxAttempts : null,
      });
      await bumpRevision(manager, lesson.courseId);
      return manager.getRepository(Lesson).findOneByOrFail({ id: lesson.id });
    });
  }

  async deleteLesson(actor: LearningActor, id: string): Promise<boolean> {
    requireEditor(actor);
    const found = await this.requireLesson(this.dataSource.manager, id);
    await this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, found.courseId);
      const lesson = await this.requireLesson(manager, id);
      if (course.publishedAt) await manager.update(Lesson, { id: lesson.id }, { deletedAt: new Date() });
      else await manager.delete(Lesson, { id: lesson.id });
      await this.renumberLessons(manager, lesson.moduleId);
      await bumpRevision(manager, course.id);
    });
    return true;
  }

  /** Moves a lesson to a 0-based position of a module of the same course; renumbers both modules. */
  async moveLesson(actor: LearningActor, id: string, moduleId: string, position: number): Promise<string> {
    requireEditor(actor);
    if (!Number.isInteger(position) || position < 0) throw AppError.badInput([{ field: 'position', key: 'validation:invalid' }]);
    const found = await this.requireLesson(this.dataSource.manager, id);
    await this.dataSource.transaction(async (manager) => {
      await this.courses.lockCourse(manager, found.courseId);
      const lesson = await this.requireLesson(manager, id);
      const target = await this.requireModule(manager, moduleId);
      if (target.courseId !== lesson.courseId) throw AppError.badInput([{ field: 'moduleId', key: 'learning:moduleNotFound' }]);
      const siblings = await manager.getRepository(Lesson).find({ where: { moduleId: target.id, deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } });
      const list = siblings.filter((l) => l.id !== lesson.id);
      if (target.id !== lesson.moduleId && list.length >= LEARNING_LIMITS.lessonsPerModuleMax) throw AppError.conflict('learning:tooManyLessons');
      list.splice(Math.min(position, list.length), 0, lesson);
      if (target.id !== lesson.moduleId) {
        await manager.update(Lesson, { id: lesson.id }, { moduleId: target.id });
        await this.renumberLessons(manager, lesson.moduleId);
      }
      await this.writePositions(manager, 'lessons', list.map((l) => l.id));
      await bumpRevision(manager, lesson.courseId);
    });
    return found.courseId;
  }

  /**
   * Replaces the questions of a QUIZ lesson. Questions keep their ids when given (so past attempts
   * keep their meaning); options keep given ids and new ones get short random ids.
   */
  async saveQuiz(actor: LearningActor, lessonId: string, input: unknown): Promise<Lesson> {
    requireEditor(actor);
    const values = parseInput(quizSchema, input);
    const found = await this.requireLesson(this.dataSource.manager, lessonId);
    if (found.type !== 'QUIZ') throw AppError.badInput([{ field: 'lessonId', key: 'learning:notAQuiz' }], 'learning:notAQuiz');
    return this.dataSource.transaction(async (manager) => {
      await this.courses.lockCourse(manager, found.courseId);
      const lesson = await this.requireLesson(manager, lessonId);
      const existing = await manager.getRepository(QuizQuestion).findBy({ lessonId: lesson.id });
      const existingIds = new Set(existing.map((q) => q.id));
      const keep = new Set<string>();
      for (const [position, q] of values.questions.entries()) {
        const used = new Set<string>();
        const options: QuizOptionData[] = q.options.map((o) => {
          let id = o.id && !used.has(o.id) ? o.id : newOptionId();
          while (used.has(id)) id = newOptionId();
          used.add(id);
          return { id, text: o.text, correct: o.correct };
        });
        const row = { lessonId: lesson.id, position, kind: q.kind, prompt: q.prompt, explanation: q.explanation, options };
        if (q.id && existingIds.has(q.id) && !keep.has(q.id)) {
          keep.add(q.id);
          await manager.update(QuizQuestion, { id: q.id }, row);
        } else {
          const saved = await manager.save(manager.create(QuizQuestion, row));
          keep.add(saved.id);
        }
      }
      const removed = existing.filter((q) => !keep.has(q.id)).map((q) => q.id);
      if (removed.length) await manager.delete(QuizQuestion, { id: In(removed) });
      await manager.update(Lesson, { id: lesson.id }, { passMark: values.passMark, maxAttempts: values.maxAttempts });
      await bumpRevision(manager, lesson.courseId);
      return manager.getRepository(Lesson).findOneByOrFail({ id: lesson.id });
    });
  }

  questionsOf(lessonIds: readonly string[]): Promise<QuizQuestion[]> {
    return this.dataSource.getRepository(QuizQuestion).find({ where: { lessonId: In([...lessonIds]) }, order: { position: 'ASC' } });
  }

  private async requireModule(manager: EntityManager, id: string): Promise<CourseModule> {
    const module = isUuid(id) ? await manager.getRepository(CourseModule).findOneBy({ id, deletedAt: IsNull() }) : null;
    if (!module) throw AppError.notFound('learning:moduleNotFound');
    return module;
  }

  private async requireLesson(manager: EntityManager, id: string): Promise<Lesson> {
    const lesson = isUuid(id) ? await manager.getRepository(Lesson).findOneBy({ id, deletedAt: IsNull() }) : null;
    if (!lesson) throw AppError.notFound('learning:lessonNotFound');
    return lesson;
  }

  private async checkFile(manager: EntityManager, values: LessonValues): Promise<void> {
    if (!values.fileId) return;
    const exists = await manager.getRepository(LearningFile).existsBy({ id: values.fileId });
    if (!exists) throw AppError.badInput([{ field: 'fileId', key: 'learning:fileNotFound' }]);
  }

  private async renumberModules(manager: EntityManager, courseId: string): Promise<void> {
    const modules = await manager.getRepository(CourseModule).find({ where: { courseId, deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } });
    await this.writePositions(manager, 'course_modules', modules.map((m) => m.id));
  }

  private async renumberLessons(manager: EntityManager, moduleId: string): Promise<void> {
    const lessons = await manager.getRepository(Lesson).find({ where: { moduleId, deletedAt: IsNull() }, order: { position: 'ASC', createdAt: 'ASC' } });
    await this.writePositions(manager, 'lessons', lessons.map((l) => l.id));
  }

  /** Positions 0..n-1 in the given order, in one statement. */
  private async writePositions(manager: EntityManager, table: 'course_modules' | 'lessons', ids: string[]): Promise<void> {
    if (!ids.length) return;
    await manager.query(
      `UPDATE ${table} t SET position = v.ord - 1, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, ord)
        WHERE t.id = v.id AND t.position <> v.ord - 1`,
      [ids],
    );
  }
}

function lessonFields(values: LessonValues) {
  return {
    type: values.type,
    title: values.title,
    body: values.body,
    required: values.required,
    estimatedMinutes: values.estimatedMinutes,
    videoUrl: values.videoUrl,
    fileId: values.fileId,
    liveStartsAt: values.liveStartsAt,
    liveUrl: values.liveUrl,
  };
}
