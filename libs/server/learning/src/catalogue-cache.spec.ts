import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import IORedis from 'ioredis';
import { parse, type OperationDefinitionNode } from 'graphql';
import { UsersService } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { CatalogueCache } from './catalogue-cache';
import { CoursesService } from './courses.service';
import { EnrolmentService } from './enrolment.service';
import { OfferingsService } from './offerings.service';
import { StructureService } from './structure.service';
import { courseInput, publishCourse } from './testing/course-fixtures';
import { actorOf, person } from './testing/enrolment-fixtures';
import { createLearningTestApp } from './testing/learning-test-app';
import type { LearningActor } from './util';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

describe('CatalogueCache (real PostgreSQL and Redis)', () => {
  let app: INestApplication;
  let cache: CatalogueCache;
  let courses: CoursesService;
  let structure: StructureService;
  let offerings: OfferingsService;
  let enrolments: EnrolmentService;
  let organiser: LearningActor;
  let redis: IORedis;
  const prefix = `test_catcache_${randomBytes(4).toString('hex')}`;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createLearningTestApp();
    cache = app.get(CatalogueCache);
    courses = app.get(CoursesService);
    structure = app.get(StructureService);
    offerings = app.get(OfferingsService);
    enrolments = app.get(EnrolmentService);
    organiser = actorOf(await person(app.get(UsersService), { name: 'Marta Organizadora', roles: [Role.Organiser] }), [Role.Organiser]);
    // Off under NODE_ENV=test unless a spec turns it on, as here, on a key prefix of its own.
    expect(cache.kind).toBe('off');
    await cache.start('redis', prefix);
    expect(cache.kind).toBe('redis');
    redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await app?.close();
    process.env = saved;
  });

  const generation = async () => (await cache.read('es', 'probe'))!.generation;

  it('stores entries in Redis per generation and language; invalidation makes every entry a miss', async () => {
    const first = await cache.read('es', 'k1');
    expect(first).toEqual({ generation: expect.any(String), value: null });
    await cache.write('es', 'k1', first!.generation, '{"data":1}');
    expect((await cache.read('es', 'k1'))!.value).toBe('{"data":1}');
    expect((await cache.read('en', 'k1'))!.value).toBeNull();
    expect((await redis.keys(`${prefix}:catalogue:*`)).length).toBeGreaterThan(0);
    await cache.invalidate();
    const after = await cache.read('es', 'k1');
    expect(after!.value).toBeNull();
    expect(after!.generation).not.toBe(first!.generation);
    // A reader that computed its answer before the change stores it under the old generation: unseen.
    await cache.write('es', 'k1', first!.generation, '{"data":"stale"}');
    expect((await cache.read('es', 'k1'))!.value).toBeNull();
  });

  it('is invalidated after every committed write the catalogue shows: publish, edit, offering, seat, archive', async () => {
    const created = await courses.create(organiser, courseInput([{ locale: 'es', value: `Curso caché ${prefix}` }], 'Resumen'));
    let before = await generation();
    const published = await publishCourse({ courses, structure }, organiser, created.id);
    expect(await generation()).not.toBe(before);

    before = await generation();
    await courses.update(organiser, published.id, courseInput([{ locale: 'es', value: `Curso caché editado ${prefix}` }], 'Otro resumen'));
    expect(await generation()).not.toBe(before);

    const cohort = await courses.create(organiser, courseInput([{ locale: 'es', value: `Cohorte caché ${prefix}` }], 'Resumen', { format: 'COHORT' }));
    before = await generation();
    const offering = await offerings.create(organiser, cohort.id, { name: 'Cohorte 1', startsOn: '2027-03-01', endsOn: '2027-04-30', capacity: 5, waitlistEnabled: false });
    expect(await generation()).not.toBe(before);
    await publishCourse({ courses, structure }, organiser, cohort.id);

    // A learner taking a seat changes the seats left on the card.
    const learner = actorOf(await person(app.get(UsersService)));
    before = await generation();
    await enrolments.enrol(learner, offering.id);
    expect(await generation()).not.toBe(before);

    before = await generation();
    await courses.archive(organiser, published.id);
    expect(await generation()).not.toBe(before);
  });

  it('is not invalidated by a write that fails and rolls back', async () => {
    const created = await courses.create(organiser, courseInput([{ locale: 'es', value: `Sin lecciones ${prefix}` }], 'Resumen'));
    const before = await generation();
    await expect(courses.publish(organiser, created.id)).rejects.toThrow();
    await expect(offerings.create(organiser, created.id, { startsOn: '2027-05-01', endsOn: '2027-04-01', waitlistEnabled: false })).rejects.toThrow();
    expect(await generation()).toBe(before);
  });

  it('as an Apollo plugin: answers repeated signed-out catalogue queries from the cache, never signed-in or other queries', async () => {
    const plugin = cache.plugin();
    const query = 'query Courses($first: Int) { courses(first: $first) { totalCount } }';
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const request: { query: string; operationName: string; variables: Record<string, unknown> } = { query, operationName: 'Courses', variables: { first: 12 } };
    const anonymous = { user: undefined, locale: 'es' };
    const run = async (contextValue: object, op = operation, req = request) => {
      const hooks = (await plugin.requestDidStart!({} as never)) as {
        responseForOperation: (c: unknown) => Promise<unknown>;
        willSendResponse: (c: unknown) => Promise<void>;
      };
      const cached = await hooks.responseForOperation({ operation: op, request: req, contextValue });
      if (!cached) await hooks.willSendResponse({ response: { body: { kind: 'single', singleResult: { data: { courses: { totalCount: 7 } } } } } });
      return cached as { body: { singleResult: unknown } } | null;
    };
    await cache.invalidate();
    expect(await run(anonymous)).toBeNull();
    expect((await run(anonymous))?.body.singleResult).toEqual({ data: { courses: { totalCount: 7 } } });
    // Another language or other variables are other entries.
    expect(await run({ user: undefined, locale: 'pt' })).toBeNull();
    expect(await run(anonymous, operation, { ...request, variables: { first: 24 } })).toBeNull();
    // Signed-in readers and queries with other root fields are never cached.
    const signedIn = { user: { id: 'x' }, locale: 'es' };
    expect(await run(signedIn)).toBeNull();
    const mixed = 'query Mixed { courses { totalCount } myLearning { active { id } } }';
    expect(await run(anonymous, parse(mixed).definitions[0] as OperationDefinitionNode, { query: mixed, operationName: 'Mixed', variables: {} })).toBeNull();
    expect(await run(anonymous, parse(mixed).definitions[0] as OperationDefinitionNode, { query: mixed, operationName: 'Mixed', variables: {} })).toBeNull();
    // A committed change: the next reader computes again.
    await cache.invalidate();
    expect(await run(anonymous)).toBeNull();
  });

  it('falls back to memory when told there is no Redis, with the same invalidation', async () => {
    await cache.start('memory');
    expect(cache.kind).toBe('memory');
    const { generation: g } = (await cache.read('es', 'm'))!;
    await cache.write('es', 'm', g, 'x');
    expect((await cache.read('es', 'm'))!.value).toBe('x');
    const course = await courses.create(organiser, courseInput([{ locale: 'es', value: `Memoria ${prefix}` }], 'Resumen'));
    await publishCourse({ courses, structure }, organiser, course.id);
    expect((await cache.read('es', 'm'))!.value).toBeNull();
    await cache.start('redis', prefix);
  });
});
