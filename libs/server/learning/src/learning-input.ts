import { z } from 'zod';
import { LOCALES, isCountryCode } from '@alliance/shared-core';
import {
  COURSE_FORMATS,
  COURSE_LEVELS,
  ENROLMENT_POLICIES,
  LEARNING_LIMITS as L,
  LESSON_TYPES,
  QUESTION_KINDS,
  VIDEO_HOSTS,
} from './learning.constants';
import { localizedSchema } from '@alliance/server-graphql';

const uuid = z.string({ error: 'validation:invalid' }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'validation:invalid' });
const uuidList = (max: number) =>
  z
    .array(uuid, { error: 'validation:invalid' })
    .max(max, { error: 'validation:invalid' })
    .nullish()
    .transform((ids) => [...new Set((ids ?? []).map((id) => id.toLowerCase()))]);
const optionalText = (max: number, key: string) =>
  z
    .string()
    .trim()
    .max(max, { error: key })
    .nullish()
    .transform((v) => (v ? v : null));

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(L.slugMax, { error: 'learning:slugInvalid' })
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), { error: 'learning:slugInvalid' });

const signatorySchema = z.object({
  name: z.string().trim().min(1, { error: 'learning:signatoryInvalid' }).max(120, { error: 'learning:signatoryInvalid' }),
  title: z.string().trim().max(120, { error: 'learning:signatoryInvalid' }),
  organisation: z.string().trim().max(200, { error: 'learning:signatoryInvalid' }),
});
const signatoriesSchema = z.array(signatorySchema, { error: 'learning:signatoryInvalid' }).max(4, { error: 'learning:signatoriesTooMany' });
const issuerSchema = z.string({ error: 'validation:required' }).trim().min(2, { error: 'learning:issuerInvalid' }).max(200, { error: 'learning:issuerInvalid' });

export const courseSchema = z.object({
  slug: slugSchema,
  title: localizedSchema(L.titleMax, { namespace: 'learning', key: 'learning:titleInvalid' }),
  summary: localizedSchema(L.summaryMax, { namespace: 'learning', key: 'learning:summaryInvalid' }),
  audience: localizedSchema(L.audienceMax, { namespace: 'learning', optional: true, key: 'learning:audienceInvalid' }),
  level: z.enum(COURSE_LEVELS, { error: 'validation:invalid' }),
  format: z.enum(COURSE_FORMATS, { error: 'validation:invalid' }),
  estimatedHours: z
    .number({ error: 'learning:hoursInvalid' })
    .gt(0, { error: 'learning:hoursInvalid' })
    .max(L.hoursMax, { error: 'learning:hoursInvalid' })
    .transform((h) => Math.round(h * 10) / 10)
    .refine((h) => h > 0, { error: 'learning:hoursInvalid' }),
  languages: z
    .array(z.enum(LOCALES, { error: 'validation:localeInvalid' }), { error: 'learning:languagesRequired' })
    .min(1, { error: 'learning:languagesRequired' })
    .max(LOCALES.length * 2, { error: 'validation:invalid' })
    .transform((ls) => LOCALES.filter((l) => ls.includes(l))),
  focusAreaIds: uuidList(20),
  prerequisiteIds: uuidList(20),
  coverImageId: uuid.nullish().transform((v) => v ?? null),
  enrolmentPolicy: z.enum(ENROLMENT_POLICIES, { error: 'validation:invalid' }),
  certificateIssuer: issuerSchema,
  certificateSignatories: signatoriesSchema,
});
export type CourseValues = z.output<typeof courseSchema>;

export const moduleTitleSchema = localizedSchema(L.titleMax, { namespace: 'learning', key: 'learning:titleInvalid' });

const httpUrl = (value: string): URL | null => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
};

/**
 * The URL of the embeddable player for a video link of an allow-listed host, or null.
 * YouTube goes through youtube-nocookie (no tracking cookies before play), Vimeo through its player.
 */
export function videoEmbedUrl(link: string | null | undefined): string | null {
  if (!link) return null;
  const url = httpUrl(link);
  if (!url || url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  if (!(VIDEO_HOSTS as readonly string[]).includes(host)) return null;
  const idOk = (id: string | null | undefined) => (id && /^[\w-]{6,20}$/.test(id) ? id : null);
  let youtube: string | null = null;
  if (host === 'youtu.be') youtube = idOk(url.pathname.slice(1));
  else if (host.endsWith('youtube.com') || host.endsWith('youtube-nocookie.com')) {
    if (url.pathname === '/watch') youtube = idOk(url.searchParams.get('v'));
    else {
      const m = /^\/(?:embed|shorts|live)\/([\w-]+)\/?$/.exec(url.pathname);
      youtube = idOk(m?.[1]);
    }
  }
  if (youtube) return `https://www.youtube-nocookie.com/embed/${youtube}`;
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const m = /^\/(?:video\/)?(\d{5,12})\/?$/.exec(url.pathname);
    if (m) return `https://player.vimeo.com/video/${m[1]}`;
  }
  return null;
}

const datetime = z
  .union([z.date(), z.string()], { error: 'learning:dateInvalid' })
  .transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'learning:dateInvalid' });
      return z.NEVER;
    }
    return d;
  });

export const lessonSchema = z
  .object({
    type: z.enum(LESSON_TYPES, { error: 'validation:invalid' }),
    title: localizedSchema(L.titleMax, { namespace: 'learning', key: 'learning:titleInvalid' }),
    body: localizedSchema(L.bodyMax, { namespace: 'learning', optional: true, key: 'learning:bodyTooLong' }),
    required: z.boolean().nullish().transform((v) => v ?? true),
    estimatedMinutes: z
      .number()
      .int({ error: 'learning:minutesInvalid' })
      .min(1, { error: 'learning:minutesInvalid' })
      .max(6000, { error: 'learning:minutesInvalid' })
      .nullish()
      .transform((v) => v ?? null),
    videoUrl: optionalText(500, 'learning:videoUrlInvalid'),
    fileId: uuid.nullish().transform((v) => v ?? null),
    liveStartsAt: datetime.nullish().transform((v) => v ?? null),
    liveUrl: optionalText(500, 'learning:liveUrlInvalid'),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'VIDEO' && !videoEmbedUrl(v.videoUrl)) ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'learning:videoUrlInvalid' });
    if (v.type === 'DOCUMENT' && !v.fileId) ctx.addIssue({ code: 'custom', path: ['fileId'], message: 'learning:fileRequired' });
    if (v.type === 'LIVE' && !v.liveStartsAt) ctx.addIssue({ code: 'custom', path: ['liveStartsAt'], message: 'learning:liveStartsAtRequired' });
    if (v.type === 'LIVE' && v.liveUrl && !httpUrl(v.liveUrl)) ctx.addIssue({ code: 'custom', path: ['liveUrl'], message: 'learning:liveUrlInvalid' });
  })
  // Fields that do not belong to the type are dropped, so a type change leaves nothing stale behind.
  .transform((v) => ({
    ...v,
    videoUrl: v.type === 'VIDEO' ? v.videoUrl : null,
    fileId: v.type === 'DOCUMENT' ? v.fileId : null,
    liveStartsAt: v.type === 'LIVE' ? v.liveStartsAt : null,
    liveUrl: v.type === 'LIVE' ? v.liveUrl : null,
  }));
export type LessonValues = z.output<typeof lessonSchema>;

const optionId = z.string().regex(/^[A-Za-z0-9_-]{1,24}$/, { error: 'validation:invalid' });

export const quizSchema = z.object({
  passMark: z
    .number({ error: 'learning:passMarkInvalid' })
    .int({ error: 'learning:passMarkInvalid' })
    .min(L.passMarkMin, { error: 'learning:passMarkInvalid' })
    .max(L.passMarkMax, { error: 'learning:passMarkInvalid' }),
  maxAttempts: z
    .number()
    .int({ error: 'learning:attemptsInvalid' })
    .min(1, { error: 'learning:attemptsInvalid' })
    .max(L.attemptsMax, { error: 'learning:attemptsInvalid' })
    .nullish()
    .transform((v) => v ?? null),
  questions: z
    .array(
      z
        .object({
          id: uuid.nullish().transform((v) => v ?? null),
          kind: z.enum(QUESTION_KINDS, { error: 'validation:invalid' }),
          prompt: localizedSchema(L.summaryMax, { namespace: 'learning', key: 'learning:promptInvalid' }),
          explanation: localizedSchema(L.summaryMax, { namespace: 'learning', optional: true, key: 'learning:explanationTooLong' }),
          options: z
            .array(
              z.object({
                id: optionId.nullish().transform((v) => v ?? null),
                text: localizedSchema(L.audienceMax, { namespace: 'learning', key: 'learning:optionInvalid' }),
                correct: z.boolean({ error: 'validation:invalid' }),
              }),
              { error: 'learning:optionsCount' },
            )
            .min(2, { error: 'learning:optionsCount' })
            .max(L.optionsMax, { error: 'learning:optionsCount' }),
        })
        .superRefine((q, ctx) => {
          const correct = q.options.filter((o) => o.correct).length;
          if (correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'learning:correctOptionRequired' });
          if (q.kind === 'SINGLE' && correct > 1) ctx.addIssue({ code: 'custom', path: ['options'], message: 'learning:singleNeedsOneCorrect' });
        }),
      { error: 'learning:questionsRequired' },
    )
    .min(1, { error: 'learning:questionsRequired' })
    .max(L.questionsMax, { error: 'learning:questionsTooMany' }),
});
export type QuizValues = z.output<typeof quizSchema>;

const isoDate = z
  .string({ error: 'learning:dateInvalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'learning:dateInvalid' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: 'learning:dateInvalid' });

export const offeringSchema = z
  .object({
    name: optionalText(120, 'learning:offeringNameTooLong'),
    startsOn: isoDate.nullish().transform((v) => v ?? null),
    endsOn: isoDate.nullish().transform((v) => v ?? null),
    enrolmentOpensAt: datetime.nullish().transform((v) => v ?? null),
    enrolmentClosesAt: datetime.nullish().transform((v) => v ?? null),
    capacity: z
      .number()
      .int({ error: 'learning:capacityInvalid' })
      .min(1, { error: 'learning:capacityInvalid' })
      .max(L.capacityMax, { error: 'learning:capacityInvalid' })
      .nullish()
      .transform((v) => v ?? null),
    waitlistEnabled: z.boolean({ error: 'validation:invalid' }),
    countrySeats: z
      .array(
        z.object({
          countryCode: z.string().trim().toUpperCase().refine(isCountryCode, { error: 'validation:countryInvalid' }),
          seats: z.number().int({ error: 'learning:seatsInvalid' }).min(0, { error: 'learning:seatsInvalid' }).max(L.capacityMax, { error: 'learning:seatsInvalid' }),
        }),
      )
      .max(60, { error: 'validation:invalid' })
      .nullish()
      .transform((v) => v ?? []),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'learning:endBeforeStart' });
    if (v.enrolmentOpensAt && v.enrolmentClosesAt && v.enrolmentClosesAt <= v.enrolmentOpensAt) {
      ctx.addIssue({ code: 'custom', path: ['enrolmentClosesAt'], message: 'learning:windowInvalid' });
    }
    const seen = new Set<string>();
    for (const [i, s] of v.countrySeats.entries()) {
      if (seen.has(s.countryCode)) ctx.addIssue({ code: 'custom', path: ['countrySeats', i, 'countryCode'], message: 'learning:countryDuplicate' });
      seen.add(s.countryCode);
    }
    const sum = v.countrySeats.reduce((acc, s) => acc + s.seats, 0);
    if (v.capacity !== null && sum > v.capacity) ctx.addIssue({ code: 'custom', path: ['countrySeats'], message: 'learning:countrySeatsOverCapacity' });
  });
export type OfferingValues = z.output<typeof offeringSchema>;

export const programmeSchema = z.object({
  slug: slugSchema,
  title: localizedSchema(L.titleMax, { namespace: 'learning', key: 'learning:titleInvalid' }),
  summary: localizedSchema(L.summaryMax, { namespace: 'learning', key: 'learning:summaryInvalid' }),
  courseIds: z
    .array(uuid, { error: 'learning:programmeCoursesInvalid' })
    .min(1, { error: 'learning:programmeCoursesRequired' })
    .max(L.programmeCoursesMax, { error: 'learning:programmeCoursesInvalid' })
    .refine((ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length, { error: 'learning:programmeCoursesDuplicate' })
    .transform((ids) => ids.map((id) => id.toLowerCase())),
  certificateIssuer: issuerSchema,
  certificateSignatories: signatoriesSchema,
});
export type ProgrammeValues = z.output<typeof programmeSchema>;
