import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AppError, parseInput } from '@alliance/server-graphql';
import { Offering, OfferingCountrySeats, type Course } from './entities';
import { offeringSchema, type OfferingValues } from './learning-input';
import { CoursesService } from './courses.service';
import { isUuid, requireEditor, returnedRows, type LearningActor } from './util';
import { catalogueChanged } from './catalogue-cache';

/** Offerings (editions) of a course: dates, enrolment window, capacity, country seats, waitlist. */
@Injectable()
export class OfferingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
  ) {}

  async findById(id: string): Promise<Offering | null> {
    return isUuid(id) ? this.dataSource.getRepository(Offering).findOneBy({ id }) : null;
  }

  /** Offerings not cancelled, by start date (self-paced first), for courses. */
  activeOf(courseIds: readonly string[]): Promise<Offering[]> {
    return this.dataSource
      .getRepository(Offering)
      .createQueryBuilder('o')
      .where('o.course_id IN (:...ids)', { ids: courseIds.length ? [...courseIds] : ['00000000-0000-0000-0000-000000000000'] })
      .andWhere('o.cancelled_at IS NULL')
      .orderBy('o.starts_on', 'ASC', 'NULLS FIRST')
      .addOrderBy('o.created_at', 'ASC')
      .getMany();
  }

  countrySeatsOf(offeringIds: readonly string[]): Promise<OfferingCountrySeats[]> {
    return this.dataSource.getRepository(OfferingCountrySeats).find({ where: { offeringId: In([...offeringIds]) }, order: { countryCode: 'ASC' } });
  }

  async create(actor: LearningActor, courseId: string, input: unknown): Promise<Offering> {
    requireEditor(actor);
    const values = parseInput(offeringSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, courseId);
      if (course.status === 'ARCHIVED') throw AppError.conflict('learning:courseArchived');
      this.checkFormat(course, values);
      if (course.format === 'SELF_PACED') {
        const open = await manager.getRepository(Offering).countBy({ courseId: course.id, cancelledAt: IsNull() });
        if (open > 0) throw AppError.conflict('learning:selfPacedSingleOffering');
      }
      const offering = await manager.save(
        manager.create(Offering, {
          courseId: course.id,
          name: values.name,
          startsOn: values.startsOn,
          endsOn: values.endsOn,
          enrolmentOpensAt: values.enrolmentOpensAt,
          enrolmentClosesAt: values.enrolmentClosesAt,
          capacity: values.capacity,
          seatsTaken: 0,
          waitlistEnabled: values.waitlistEnabled,
          cancelledAt: null,
        }),
      );
      if (values.countrySeats.length) {
        await manager.insert(OfferingCountrySeats, values.countrySeats.map((s) => ({ offeringId: offering.id, countryCode: s.countryCode, seats: s.seats, taken: 0 })));
      }
      catalogueChanged(manager);
      return offering;
    });
  }

  /** Capacity and country seats never go below the seats already taken (checked under row locks). */
  async update(actor: LearningActor, id: string, input: unknown): Promise<Offering> {
    requireEditor(actor);
    const values = parseInput(offeringSchema, input);
    const found = await this.requireOffering(this.dataSource.manager, id);
    return this.dataSource.transaction(async (manager) => {
      const course = await this.courses.lockCourse(manager, found.courseId);
      this.checkFormat(course, values);
      const offering = await manager.getRepository(Offering).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id: found.id }).getOneOrFail();
      if (offering.cancelledAt) throw AppError.conflict('learning:offeringCancelled');
      if (values.capacity !== null && values.capacity < offering.seatsTaken) {
        throw AppError.badInput([{ field: 'capacity', key: 'learning:capacityBelowTaken', params: { taken: offering.seatsTaken } }], 'learning:capacityBelowTaken');
      }
      const seats = await manager.getRepository(OfferingCountrySeats).createQueryBuilder('s').setLock('pessimistic_write').where('s.offering_id = :id', { id: offering.id }).getMany();
      const wanted = new Map(values.countrySeats.map((s) => [s.countryCode, s.seats]));
      for (const row of seats) {
        const next = wanted.get(row.countryCode);
        if ((next ?? 0) < row.taken) {
          throw AppError.badInput([{ field: 'countrySeats', key: 'learning:countrySeatsBelowTaken', params: { country: row.countryCode, taken: row.taken } }], 'learning:countrySeatsBelowTaken');
        }
      }
      await manager.update(Offering, { id: offering.id }, {
        name: values.name,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        enrolmentOpensAt: values.enrolmentOpensAt,
        enrolmentClosesAt: values.enrolmentClosesAt,
        capacity: values.capacity,
        waitlistEnabled: values.waitlistEnabled,
      });
      const removed = seats.filter((s) => !wanted.has(s.countryCode)).map((s) => s.countryCode);
      if (removed.length) await manager.delete(OfferingCountrySeats, { offeringId: offering.id, countryCode: In(removed) });
      for (const [countryCode, n] of wanted) {
        await manager.query(
          `INSERT INTO offering_country_seats (offering_id, country_code, seats, taken) VALUES ($1, $2, $3, 0)
           ON CONFLICT (offering_id, country_code) DO UPDATE SET seats = EXCLUDED.seats`,
          [offering.id, countryCode, n],
        );
      }
      catalogueChanged(manager);
      return manager.getRepository(Offering).findOneByOrFail({ id: offering.id });
    });
  }

  /** Only an offering nobody is enrolled in, waiting for, or was nominated to. */
  async cancel(actor: LearningActor, id: string): Promise<Offering> {
    requireEditor(actor);
    const found = await this.requireOffering(this.dataSource.manager, id);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM course_offerings WHERE id = $1 FOR UPDATE`, [found.id]);
      const [{ n }] = await manager.query(
        `SELECT count(*)::int AS n FROM enrolments WHERE offering_id = $1 AND status NOT IN ('WITHDRAWN', 'REJECTED')`,
        [found.id],
      );
      if (n > 0) throw AppError.conflict('learning:offeringHasEnrolments');
      const rows = returnedRows<{ id: string }>(
        await manager.query(`UPDATE course_offerings SET cancelled_at = now(), updated_at = now() WHERE id = $1 AND cancelled_at IS NULL RETURNING id`, [found.id]),
      );
      if (!rows.length) throw AppError.conflict('learning:offeringCancelled');
      catalogueChanged(manager);
      return manager.getRepository(Offering).findOneByOrFail({ id: found.id });
    });
  }

  /** Cohort editions have dates; the self-paced offering is open-ended. */
  private checkFormat(course: Course, values: OfferingValues): void {
    if (course.format === 'COHORT') {
      const errors = [];
      if (!values.startsOn) errors.push({ field: 'startsOn', key: 'learning:cohortDatesRequired' });
      if (!values.endsOn) errors.push({ field: 'endsOn', key: 'learning:cohortDatesRequired' });
      if (errors.length) throw AppError.badInput(errors, 'learning:cohortDatesRequired');
    }
  }

  private async requireOffering(manager: EntityManager, id: string): Promise<Offering> {
    const offering = isUuid(id) ? await manager.getRepository(Offering).findOneBy({ id }) : null;
    if (!offering) throw AppError.notFound('learning:offeringNotFound');
    return offering;
  }
}
