import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, LocalizedTextModel } from '@alliance/server-graphql';
import { CountryModel, FocusAreaModel } from '@alliance/server-alliance';
import { Signatory } from '@alliance/server-certificates';
import type { Locale } from '@alliance/shared-core';
import type {
  Course,
  CourseModule,
  LearningFile,
  Lesson,
  Offering,
  OfferingCountrySeats,
  Programme,
  QuizQuestion,
} from '../entities';
import type { CourseFormat, CourseLevel, CourseStatus, EnrolmentPolicy, LessonType, ProgrammeStatus, QuestionKind } from '../learning.constants';
import { localizedToList, pickLocalized } from '@alliance/server-graphql';
import {
  CourseFormatEnum,
  CourseLevelEnum,
  CourseStatusEnum,
  EnrolmentPolicyEnum,
  LessonTypeEnum,
  ProgrammeStatusEnum,
  QuestionKindEnum,
} from './enums';

export { Signatory };

export { LocalizedTextModel };

@ObjectType('LearningFile')
export class LearningFileModel {
  @Field(() => ID) id: string;
  @Field() filename: string;
  @Field() contentType: string;
  @Field(() => Int) size: number;
  @Field({ description: '/api/learning/files/<id>' }) url: string;

  static from(f: Pick<LearningFile, 'id' | 'filename' | 'contentType' | 'size'>): LearningFileModel {
    return Object.assign(new LearningFileModel(), { id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, url: `/api/learning/files/${f.id}` });
  }
}

/**
 * A course. focusAreas, coverImage, prerequisites, modules, offerings, lessonCount and canEdit are
 * resolved fields (catalogue.resolver.ts); myEnrolment and prerequisitesMet belong to the enrolment side.
 */
@ObjectType('Course')
export class CourseModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field({ description: 'In the reader’s language.' }) title: string;
  @Field() summary: string;
  @Field() audience: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  @Field(() => [LocalizedTextModel]) summaryTranslations: LocalizedTextModel[];
  @Field(() => [LocalizedTextModel]) audienceTranslations: LocalizedTextModel[];
  @Field(() => CourseLevelEnum) level: CourseLevel;
  @Field(() => CourseFormatEnum) format: CourseFormat;
  @Field(() => CourseStatusEnum) status: CourseStatus;
  @Field(() => EnrolmentPolicyEnum) enrolmentPolicy: EnrolmentPolicy;
  @Field(() => Float) estimatedHours: number;
  @Field(() => [String]) languages: string[];
  @Field() certificateIssuer: string;
  @Field(() => [Signatory]) certificateSignatories: Signatory[];
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() updatedAt: Date;
  @Field(() => Int) revision: number;
  /** The row it was built from, for resolved fields. */
  entity: Course;

  static from(c: Course, locale: Locale): CourseModel {
    return Object.assign(new CourseModel(), {
      id: c.id,
      slug: c.slug,
      title: pickLocalized(c.title, locale),
      summary: pickLocalized(c.summary, locale),
      audience: pickLocalized(c.audience, locale),
      titleTranslations: localizedToList(c.title),
      summaryTranslations: localizedToList(c.summary),
      audienceTranslations: localizedToList(c.audience),
      level: c.level,
      format: c.format,
      status: c.status,
      enrolmentPolicy: c.enrolmentPolicy,
      estimatedHours: c.estimatedHours,
      languages: c.languages,
      certificateIssuer: c.certificateIssuer,
      certificateSignatories: c.certificateSignatories ?? [],
      publishedAt: c.publishedAt,
      updatedAt: c.updatedAt,
      revision: c.revision,
      entity: c,
    });
  }
}

/** A module of the syllabus; `lessons` is a resolved field. */
@ObjectType('CourseModule')
export class CourseModuleModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  courseId: string;

  static from(m: CourseModule, locale: Locale): CourseModuleModel {
    return Object.assign(new CourseModuleModel(), {
      id: m.id,
      position: m.position,
      title: pickLocalized(m.title, locale),
      titleTranslations: localizedToList(m.title),
      courseId: m.courseId,
    });
  }
}

/**
 * A lesson. The content fields (bodyHtml, bodyTranslations, videoUrl, videoEmbedUrl, file,
 * liveStartsAt, liveUrl, quiz) are resolved fields that check the viewer's access; `completed`
 * belongs to the enrolment side.
 */
@ObjectType('Lesson')
export class LessonModel {
  @Field(() => ID) id: string;
  @Field(() => ID) courseId: string;
  @Field(() => ID) moduleId: string;
  @Field(() => Int) position: number;
  @Field(() => LessonTypeEnum) type: LessonType;
  @Field() required: boolean;
  @Field(() => Int, { nullable: true }) estimatedMinutes: number | null;
  @Field() title: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  entity: Lesson;

  static from(l: Lesson, locale: Locale): LessonModel {
    return Object.assign(new LessonModel(), {
      id: l.id,
      courseId: l.courseId,
      moduleId: l.moduleId,
      position: l.position,
      type: l.type,
      required: l.required,
      estimatedMinutes: l.estimatedMinutes,
      title: pickLocalized(l.title, locale),
      titleTranslations: localizedToList(l.title),
      entity: l,
    });
  }
}

@ObjectType('QuizOption')
export class QuizOptionModel {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => [LocalizedTextModel], { nullable: true, description: 'Editors only.' }) textTranslations: LocalizedTextModel[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Editors only.' }) correct: boolean | null;
}

@ObjectType('QuizQuestion')
export class QuizQuestionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field(() => QuestionKindEnum) kind: QuestionKind;
  @Field() prompt: string;
  @Field(() => [LocalizedTextModel], { nullable: true, description: 'Editors only.' }) promptTranslations: LocalizedTextModel[] | null;
  @Field(() => [QuizOptionModel]) options: QuizOptionModel[];
  /** Editors only: what the quiz editor reloads, so a re-save keeps the explanations. */
  @Field(() => [LocalizedTextModel], { nullable: true, description: 'Editors only.' }) explanationTranslations: LocalizedTextModel[] | null;

  /** Learners never receive which options are correct, nor the other languages. */
  static from(q: QuizQuestion, locale: Locale, editor: boolean): QuizQuestionModel {
    return Object.assign(new QuizQuestionModel(), {
      id: q.id,
      position: q.position,
      kind: q.kind,
      prompt: pickLocalized(q.prompt, locale),
      promptTranslations: editor ? localizedToList(q.prompt) : null,
      explanationTranslations: editor ? localizedToList(q.explanation) : null,
      options: q.options.map((o) =>
        Object.assign(new QuizOptionModel(), {
          id: o.id,
          text: pickLocalized(o.text, locale),
          textTranslations: editor ? localizedToList(o.text) : null,
          correct: editor ? o.correct : null,
        }),
      ),
    });
  }
}

/** A quiz of a QUIZ lesson; attemptsUsed, passed, bestScore and attempts belong to the enrolment side. */
@ObjectType('Quiz')
export class QuizModel {
  @Field(() => Int) passMark: number;
  @Field(() => Int, { nullable: true }) maxAttempts: number | null;
  @Field(() => [QuizQuestionModel]) questions: QuizQuestionModel[];
  lessonId: string;
  courseId: string;

  static from(lesson: Lesson, questions: QuizQuestion[], locale: Locale, editor: boolean): QuizModel {
    return Object.assign(new QuizModel(), {
      passMark: lesson.passMark ?? 100,
      maxAttempts: lesson.maxAttempts,
      questions: [...questions].sort((a, b) => a.position - b.position).map((q) => QuizQuestionModel.from(q, locale, editor)),
      lessonId: lesson.id,
      courseId: lesson.courseId,
    });
  }
}

@ObjectType('QuestionFeedback')
export class QuestionFeedbackModel {
  @Field(() => ID) questionId: string;
  @Field() correct: boolean;
  @Field(() => [ID]) correctOptionIds: string[];
  @Field(() => String, { nullable: true }) explanation: string | null;
}

@ObjectType('QuizAttempt')
export class QuizAttemptModel {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field(() => Int) score: number;
  @Field() passed: boolean;
  @Field() createdAt: Date;
  @Field(() => [QuestionFeedbackModel]) feedback: QuestionFeedbackModel[];
}

/** `country` is a resolved field (from countryCode). */
@ObjectType('CountrySeats')
export class CountrySeatsModel {
  @Field(() => CountryModel) country: CountryModel;
  @Field(() => Int) seats: number;
  @Field(() => Int) taken: number;
  countryCode: string;

  static from(s: OfferingCountrySeats): CountrySeatsModel {
    return Object.assign(new CountrySeatsModel(), { countryCode: s.countryCode, seats: s.seats, taken: s.taken });
  }
}

/** An edition of a course. waitlistCount, openForEnrolment and countrySeats are resolved fields. */
@ObjectType('Offering')
export class OfferingModel {
  @Field(() => ID) id: string;
  @Field(() => ID) courseId: string;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endsOn: string | null;
  @Field(() => Date, { nullable: true }) enrolmentOpensAt: Date | null;
  @Field(() => Date, { nullable: true }) enrolmentClosesAt: Date | null;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => Int) seatsTaken: number;
  @Field(() => Int, { nullable: true }) seatsLeft: number | null;
  @Field() waitlistEnabled: boolean;
  entity: Offering;

  static from(o: Offering): OfferingModel {
    return Object.assign(new OfferingModel(), {
      id: o.id,
      courseId: o.courseId,
      name: o.name,
      startsOn: o.startsOn,
      endsOn: o.endsOn,
      enrolmentOpensAt: o.enrolmentOpensAt,
      enrolmentClosesAt: o.enrolmentClosesAt,
      capacity: o.capacity,
      seatsTaken: o.seatsTaken,
      seatsLeft: o.capacity === null ? null : Math.max(0, o.capacity - o.seatsTaken),
      waitlistEnabled: o.waitlistEnabled,
      entity: o,
    });
  }
}

/** A learning path. courses, totalHours and canEdit are resolved fields; myProgress belongs to the enrolment side. */
@ObjectType('Programme')
export class ProgrammeModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() title: string;
  @Field() summary: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  @Field(() => [LocalizedTextModel]) summaryTranslations: LocalizedTextModel[];
  @Field(() => ProgrammeStatusEnum) status: ProgrammeStatus;
  @Field() certificateIssuer: string;
  @Field(() => [Signatory]) certificateSignatories: Signatory[];
  entity: Programme;

  static from(p: Programme, locale: Locale): ProgrammeModel {
    return Object.assign(new ProgrammeModel(), {
      id: p.id,
      slug: p.slug,
      title: pickLocalized(p.title, locale),
      summary: pickLocalized(p.summary, locale),
      titleTranslations: localizedToList(p.title),
      summaryTranslations: localizedToList(p.summary),
      status: p.status,
      certificateIssuer: p.certificateIssuer,
      certificateSignatories: p.certificateSignatories ?? [],
      entity: p,
    });
  }
}

export const CourseConnection = Connection(CourseModel, 'Course');
export const ProgrammeConnection = Connection(ProgrammeModel, 'Programme');

export { FocusAreaModel, CountryModel };
