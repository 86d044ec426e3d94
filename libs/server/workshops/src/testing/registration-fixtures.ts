import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { UsersService, type User } from '@alliance/server-identity';
import { Role } from '@alliance/shared-core';
import { Workshop, WorkshopCountrySeats, WorkshopQuestion, WorkshopSession } from '../entities';
import type { WorkshopActor } from '../util';

/** Test data for the workshops specs (the registration side's written straight to the tables). Test-only. */
export const tag = () => randomBytes(4).toString('hex');

export const HOUR = 3_600_000;

/** A localised text in Spanish and, if given, French. */
export const text = (es: string, fr?: string) => [{ locale: 'es', value: es }, ...(fr ? [{ locale: 'fr', value: fr }] : [])];

/** What an organiser sends to create a virtual open workshop (a fresh title, country seats, three questions); `overrides` replace fields. */
export function workshopInput(overrides: Record<string, unknown> = {}) {
  return {
    title: text(`Taller regional ${tag()}`, 'Atelier régional'),
    description: text('Prioridades de la transformación educativa.'),
    mode: 'VIRTUAL',
    timeZone: 'America/Bogota',
    meetingUrl: 'https://meet.example.org/taller',
    capacity: 60,
    audience: 'OPEN',
    approvalRequired: false,
    waitlistMode: 'AUTO',
    languages: ['es', 'fr'],
    certificateIssuer: 'Alianza Regional',
    certificateSignatories: [{ name: 'Ana Gómez', title: 'Secretaria Técnica', organisation: 'Alianza' }],
    countrySeats: [{ countryCode: 'CO', seats: 5 }],
    questions: [
      { type: 'TEXT', prompt: text('¿Qué espera del taller?'), required: false },
      { type: 'CHOICE', prompt: text('Sector'), options: ['Ministerio', 'Sociedad civil'], required: true },
      { type: 'CONSENT', prompt: text('Acepto aparecer en la lista'), required: false },
    ],
    ...overrides,
  };
}

export async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

export async function person(
  users: UsersService,
  overrides: Partial<{ name: string; email: string; roles: Role[]; verified: boolean; countryCode: string; locale: 'es' | 'en' | 'pt' | 'fr' }> = {},
): Promise<User> {
  return users.createUser({
    name: overrides.name ?? 'Lucía Fernández',
    email: overrides.email ?? `participant.${tag()}@example.org`,
    password: 'correct horse battery',
    countryCode: overrides.countryCode ?? 'CL',
    preferredLocale: overrides.locale ?? 'es',
    verified: overrides.verified ?? true,
    roles: overrides.roles,
  });
}

export function actorOf(user: User, roles: Role[] = []): WorkshopActor {
  return { id: user.id, name: user.name, roles, locale: 'es' };
}

export interface WorkshopFixture {
  workshop: Workshop;
  sessions: WorkshopSession[];
  questions: WorkshopQuestion[];
}

/** An OPEN workshop (by default two sessions starting tomorrow) created by `organiser`. */
export async function makeWorkshop(
  dataSource: DataSource,
  organiser: { id: string },
  options: Partial<{
    capacity: number | null;
    approvalRequired: boolean;
    waitlistMode: 'AUTO' | 'OFFER';
    offerHours: number;
    audience: 'OPEN' | 'MEMBERS' | 'INVITED';
    status: Workshop['status'];
    threshold: number;
    countrySeats: Record<string, number>;
    sessions: Array<{ startsAt: Date; endsAt: Date; code?: string }>;
    questions: Array<{ type: 'TEXT' | 'CHOICE' | 'CONSENT'; required: boolean; options?: string[] }>;
    signatories: boolean;
  }> = {},
): Promise<WorkshopFixture> {
  const m = dataSource.manager;
  const start = Date.now() + 24 * HOUR;
  const sessionSpecs = options.sessions ?? [
    { startsAt: new Date(start), endsAt: new Date(start + 2 * HOUR) },
    { startsAt: new Date(start + 24 * HOUR), endsAt: new Date(start + 27 * HOUR) },
  ];
  const workshop = await m.save(
    m.create(Workshop, {
      slug: `taller-${tag()}`,
      title: { es: 'Taller regional de innovación', fr: 'Atelier régional d’innovation' },
      description: { es: 'Descripción' },
      mode: 'VIRTUAL',
      status: options.status ?? 'OPEN',
      audience: options.audience ?? 'OPEN',
      timeZone: 'America/Bogota',
      startsAt: sessionSpecs[0].startsAt,
      endsAt: sessionSpecs[sessionSpecs.length - 1].endsAt,
      capacity: options.capacity === undefined ? 10 : options.capacity,
      approvalRequired: options.approvalRequired ?? false,
      waitlistMode: options.waitlistMode ?? 'AUTO',
      offerHours: options.offerHours ?? 48,
      attendanceThreshold: options.threshold ?? 100,
      languages: ['es'],
      certificateIssuer: 'Secretaría de la Alianza',
      certificateSignatories: options.signatories === false ? [] : [{ name: 'María Gómez', title: 'Secretaria Ejecutiva', organisation: 'Secretaría de la Alianza' }],
      createdById: organiser.id,
    }),
  );
  await m.query(`INSERT INTO workshop_organisers (workshop_id, user_id) VALUES ($1, $2)`, [workshop.id, organiser.id]);
  const sessions: WorkshopSession[] = [];
  for (const [position, s] of sessionSpecs.entries()) {
    sessions.push(
      await m.save(
        m.create(WorkshopSession, { workshopId: workshop.id, position, title: { es: `Sesión ${position + 1}` }, startsAt: s.startsAt, endsAt: s.endsAt, checkInCode: s.code ?? `K7P${position}QX` }),
      ),
    );
  }
  const questions: WorkshopQuestion[] = [];
  for (const [position, q] of (options.questions ?? []).entries()) {
    questions.push(
      await m.save(m.create(WorkshopQuestion, { workshopId: workshop.id, position, type: q.type, prompt: { es: `Pregunta ${position + 1}` }, options: q.options ?? [], required: q.required })),
    );
  }
  for (const [countryCode, seats] of Object.entries(options.countrySeats ?? {})) {
    await m.insert(WorkshopCountrySeats, { workshopId: workshop.id, countryCode, seats, taken: 0 });
  }
  return { workshop, sessions, questions };
}
