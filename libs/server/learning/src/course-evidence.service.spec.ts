import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EvidenceUsageRegistry, insertEvidenceItem, type EvidenceViewer } from '@alliance/server-evidence';
import { UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { CourseEvidenceService } from './course-evidence.service';
import { CoursesService } from './courses.service';
import { StructureService } from './structure.service';
import { courseInput, publishCourse } from './testing/course-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';
import type { LearningActor } from './util';

const tag = () => randomBytes(4).toString('hex');

async function appError(promise: Promise<unknown>): Promise<{ extensions: { code: string; fields?: Array<{ field: string; key: string }> } }> {
  try {
    await promise;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected an error');
}

describe('course related evidence (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let courses: CoursesService;
  let structure: StructureService;
  let links: CourseEvidenceService;
  let organiser: LearningActor;
  let staff: EvidenceViewer;
  let learner: LearningActor;
  let submitterId: string;
  const marker = tag();
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '' });
    app = await createLearningTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    courses = app.get(CoursesService);
    structure = app.get(StructureService);
    links = app.get(CourseEvidenceService);
    const users = app.get(UsersService);
    const o = await users.createUser({ name: 'Marcela Fuentes', email: `o.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'CL', verified: true, roles: [Role.Organiser] });
    const l = await users.createUser({ name: 'Jorge Ramírez', email: `l.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'PE', verified: true });
    const s = await users.createUser({ name: 'Lucía Paredes', email: `s.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'BO', verified: true });
    organiser = { id: o.id, name: o.name, roles: [Role.Organiser] };
    staff = { id: o.id, name: o.name, roles: [Role.Organiser], locale: 'es', member: true, reviewer: true };
    learner = { id: l.id, name: l.name, roles: [] };
    submitterId = s.id;
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  async function draftCourse(title: string) {
    const titles = [
      { locale: 'es', value: `${title} ${marker}` },
      { locale: 'en', value: `${title} (en) ${marker}` },
    ];
    return courses.create(organiser, courseInput(titles, `Resumen ${marker}`));
  }

  const item = (fixture: Parameters<typeof insertEvidenceItem>[2]) => insertEvidenceItem(dataSource, submitterId, fixture);

  it('links published items in the chosen order, reorders and clears, and shows readers only what they may see', async () => {
    const course = await draftCourse('Tutorías entre pares');
    const a = await item({ titles: [['es', `Tutorías en Cusco ${marker}`]] });
    const b = await item({ titles: [['pt', `Tutoria em Recife ${marker}`]], visibility: 'MEMBERS' });
    const c = await item({ titles: [['es', `Aprendizaje rural ${marker}`]] });
    const before = course.revision;

    const saved = await links.setEvidence(organiser, staff, course.id, [c, a.toUpperCase(), b, a]);
    expect(saved.revision).toBe(before + 1);
    expect((await links.related(course.id, staff)).map((i) => i.id)).toEqual([c, a, b]);
    // Members-only items stay hidden from anonymous readers and from people outside member organisations.
    expect((await links.related(course.id, undefined)).map((i) => i.id)).toEqual([c, a]);
    expect((await links.related(course.id, { ...staff, id: learner.id, roles: [], member: false, reviewer: false })).map((i) => i.id)).toEqual([c, a]);

    await links.setEvidence(organiser, staff, course.id, [b, c]);
    expect((await links.related(course.id, staff)).map((i) => i.id)).toEqual([b, c]);
    await links.setEvidence(organiser, staff, course.id, []);
    expect(await links.related(course.id, staff)).toEqual([]);
  });

  it('refuses unknown, unpublished and invisible items, too many items and non-editors, changing nothing', async () => {
    const course = await draftCourse('Evaluación formativa');
    const ok = await item({ titles: [['es', `Rúbricas compartidas ${marker}`]] });
    const draft = await item({ titles: [['es', `Borrador ${marker}`]], status: 'DRAFT' });
    const membersOnly = await item({ titles: [['es', `Solo miembros ${marker}`]], visibility: 'MEMBERS' });
    await links.setEvidence(organiser, staff, course.id, [ok]);

    const expectBadInput = async (ids: unknown, viewer: EvidenceViewer | undefined, key: string) => {
      const error = await appError(links.setEvidence(organiser, viewer, course.id, ids));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields).toEqual([expect.objectContaining({ field: 'evidenceItemIds', key })]);
    };
    await expectBadInput([ok, '0b6c1f9e-8a51-4c3e-9b7a-2f1d3c4e5a6b'], staff, 'learning:evidenceItemsInvalid');
    await expectBadInput([draft], staff, 'learning:evidenceItemsInvalid');
    await expectBadInput(['not-a-uuid'], staff, 'learning:evidenceItemsInvalid');
    await expectBadInput([membersOnly], { ...staff, member: false, reviewer: false, roles: [] }, 'learning:evidenceItemsInvalid');
    const many = Array.from({ length: 21 }, () => crypto.randomUUID());
    await expectBadInput(many, staff, 'learning:evidenceItemsTooMany');
    expect((await appError(links.setEvidence(learner, undefined, course.id, [ok]))).extensions.code).toBe('FORBIDDEN');
    expect((await appError(links.setEvidence(organiser, staff, crypto.randomUUID(), [ok]))).extensions.code).toBe('NOT_FOUND');

    expect((await links.related(course.id, staff)).map((i) => i.id)).toEqual([ok]);
  });

  it('reports the published courses that use an item, titled in the reader’s language, through the evidence registry', async () => {
    const shared = await item({ titles: [['es', `Escuelas multigrado ${marker}`]] });
    const published = await draftCourse('Aulas multigrado');
    await links.setEvidence(organiser, staff, published.id, [shared]);
    await publishCourse({ courses, structure }, organiser, published.id);
    const draft = await draftCourse('Curso en preparación');
    await links.setEvidence(organiser, staff, draft.id, [shared]);

    expect(await links.usagesOf(shared, undefined)).toEqual([{ kind: 'COURSE', title: `Aulas multigrado ${marker}`, path: `/courses/${published.slug}` }]);
    expect(await links.usagesOf(shared, { ...staff, locale: 'en' })).toEqual([{ kind: 'COURSE', title: `Aulas multigrado (en) ${marker}`, path: `/courses/${published.slug}` }]);
    // Anonymous readers have no viewer: the caller may pass their language.
    expect((await links.usagesOf(shared, undefined, 'en'))[0].title).toBe(`Aulas multigrado (en) ${marker}`);
    // Registered with the evidence domain when the module started.
    const usages = await app.get(EvidenceUsageRegistry).usagesOf(shared, undefined, 'es');
    expect(usages).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'COURSE', path: `/courses/${published.slug}` })]));
    expect(usages.map((u) => u.path)).not.toContain(`/courses/${draft.slug}`);
  });
});
