import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, decodeCursor, encodeCursor, paginate, parseInput, pickLocalized, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { Reminder, ReminderService } from '@alliance/server-notifications';
import { PollService, Workshop, canManageWorkshop, searchWords } from '@alliance/server-workshops';
import { COLLABORATION_LIMITS as L, LIMITS, Role } from '@alliance/shared-core';
import { CollaborationAccessService, isUuid, type CollaborationViewer, type SpaceAccess } from './access';
import { COMMITMENT_KINDS, COMMITMENT_STATUSES, spacePath, type CommitmentKind, type CommitmentStatus } from './collaboration.constants';
import { CollaborationSpace, Commitment, CommitmentUpdate } from './entities';

/** Statuses in which a commitment is still owed (and so can be overdue). */
export const OPEN_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['PENDING', 'IN_PROGRESS'];
/** Column length of a commitment's title and source label. */
export const COMMITMENT_TITLE_MAX = 300;
/** Actions carried over in one request. */
export const CARRY_OVER_MAX = 50;

/** Deterministic key of a commitment's overdue reminder (notifications ReminderService). */
export const overdueReminderKey = (commitmentId: string): string => `collaboration:commitment:${commitmentId}:overdue`;

/** Today's calendar day in a time zone, 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? DateTime.fromJSDate(now, { zone: 'utc' }).toISODate()!;
}

/**
 * A commitment is overdue once its due day has ended in the space's time zone while it is still
 * PENDING or IN_PROGRESS: due yesterday is overdue, due today is not yet; DONE and DROPPED never are.
 */
export function isOverdue(c: Pick<Commitment, 'status' | 'dueDate'>, timeZone: string, now: Date = new Date()): boolean {
  return !!c.dueDate && OPEN_COMMITMENT_STATUSES.includes(c.status) && c.dueDate < todayIn(timeZone, now);
}

/** The moment a commitment becomes overdue: the start of the day after its due date, in the space's zone. */
export function overdueStartsAt(dueDate: string, timeZone: string): Date {
  return DateTime.fromISO(dueDate, { zone: timeZone }).plus({ days: 1 }).startOf('day').toJSDate();
}

const isCalendarDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const parsed = DateTime.fromISO(v, { zone: 'utc' });
  return parsed.isValid && parsed.year >= 2000 && parsed.year <= 2100;
};

const dueDateSchema = z
  .string({ error: 'collaborationRecords:dueDateInvalid' })
  .trim()
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || isCalendarDate(v), { error: 'collaborationRecords:dueDateInvalid' });

const kindSchema = z
  .enum(COMMITMENT_KINDS, { error: 'collaborationRecords:kindInvalid' })
  .nullish()
  .transform((v): CommitmentKind => v ?? 'COMMITMENT');

const organisationSchema = z.string({ error: 'collaborationRecords:responsibleNotParty' }).refine(isUuid, { error: 'collaborationRecords:responsibleNotParty' });

const titleSchema = z
  .string({ error: 'collaborationRecords:commitmentTitleInvalid' })
  .trim()
  .min(1, { error: 'collaborationRecords:commitmentTitleInvalid' })
  .max(COMMITMENT_TITLE_MAX, { error: 'collaborationRecords:commitmentTitleInvalid' });

/** COMMITMENT and DELIVERABLE need a due date; a MANDATE may run without one. */
function requireDueDate(value: { kind: CommitmentKind; dueDate: string | null }, ctx: z.RefinementCtx, path: Array<string | number> = ['dueDate']) {
  if (value.kind !== 'MANDATE' && !value.dueDate) ctx.addIssue({ code: 'custom', path, message: 'collaborationRecords:dueDateRequired' });
}

const commitmentSchema = z
  .object({
    kind: kindSchema,
    title: titleSchema,
    description: z
      .string({ error: 'collaborationRecords:commitmentDescriptionInvalid' })
      .trim()
      .max(L.textMax, { error: 'collaborationRecords:commitmentDescriptionInvalid' })
      .nullish()
      .transform((v) => v ?? ''),
    responsibleOrganisationId: organisationSchema,
    dueDate: dueDateSchema,
  })
  .superRefine((v, ctx) => requireDueDate(v, ctx));

const progressSchema = z.object({
  status: z.enum(COMMITMENT_STATUSES, { error: 'collaborationRecords:statusInvalid' }).nullish(),
  progress: z
    .number({ error: 'collaborationRecords:progressInvalid' })
    .int({ error: 'collaborationRecords:progressInvalid' })
    .min(0, { error: 'collaborationRecords:progressInvalid' })
    .max(100, { error: 'collaborationRecords:progressInvalid' })
    .nullish(),
  note: z
    .string({ error: 'collaborationRecords:progressNoteInvalid' })
    .trim()
    .max(L.textMax, { error: 'collaborationRecords:progressNoteInvalid' })
    .nullish()
    .transform((v) => v ?? ''),
});

const carryOverItemSchema = z
  .object({
    actionId: z.string({ error: 'collaborationRecords:priorityUnknown' }).refine(isUuid, { error: 'collaborationRecords:priorityUnknown' }),
    responsibleOrganisationId: organisationSchema,
    dueDate: dueDateSchema,
    kind: kindSchema,
    title: titleSchema.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => requireDueDate(v, ctx));

const carryOverSchema = z.object({
  items: z
    .array(carryOverItemSchema, { error: 'collaborationRecords:carryOverEmpty' })
    .min(1, { error: 'collaborationRecords:carryOverEmpty' })
    .max(CARRY_OVER_MAX, { error: 'collaborationRecords:carryOverTooMany' }),
});

export type CommitmentValues = z.input<typeof commitmentSchema>;
export type CommitmentProgressValues = z.input<typeof progressSchema>;
export type CarryOverItemValues = z.input<typeof carryOverItemSchema>;

/** A commitment with what the reader sees beside it. */
export interface CommitmentView {
  commitment: Commitment;
  organisationName: string;
  countryCode: string;
  overdue: boolean;
  lastUpdate: (CommitmentUpdate & { authorName: string | null }) | null;
  workshop: { title: string; slug: string } | null;
  canReport: boolean;
  canEdit: boolean;
}

export interface AccountabilitySummary {
  total: number;
  overdue: number;
  counts: Record<CommitmentStatus, number>;
  /** DONE among those not DROPPED (0..1), null when none. */
  doneShare: number | null;
  /** Average progress of those not DROPPED (0..100), null when none. */
  averageProgress: number | null;
}

export interface PriorityView {
  actionId: string;
  rank: number;
  score: number;
  ballots: number;
  title: string;
  description: string;
  /** The action's title in the workshop's first language: the same whoever carries it over. */
  label: string;
  carried: boolean;
}

// Accented lower-case letters of the region's languages folded to ASCII in SQL (searchWords folds the words the same way).
const ACCENTED_LOWER = 'áàâãäåéèêëíìîïóòôõöúùûüçñýÿ';
const PLAIN_LOWER = 'aaaaaaeeeeiiiiooooouuuucnyy';

const notFound = () => AppError.notFound('collaboration:notFound');
const organisersOnly = () => AppError.forbidden('collaborationRecords:organisersOnly');

/** Sums up commitments for the accountability view (dropped ones count in the totals, not in the progress). */
export function summarise(rows: ReadonlyArray<Pick<Commitment, 'status' | 'progress' | 'dueDate'>>, timeZone: string, now: Date = new Date()): AccountabilitySummary {
  const counts: Record<CommitmentStatus, number> = { PENDING: 0, IN_PROGRESS: 0, DONE: 0, DROPPED: 0 };
  let overdue = 0;
  let progressSum = 0;
  for (const row of rows) {
    counts[row.status] += 1;
    if (isOverdue(row, timeZone, now)) overdue += 1;
    if (row.status !== 'DROPPED') progressSum += row.progress;
  }
  const counted = rows.length - counts.DROPPED;
  return {
    total: rows.length,
    overdue,
    counts,
    doneShare: counted ? counts.DONE / counted : null,
    averageProgress: counted ? progressSum / counted : null,
  };
}

/**
 * Commitments (tables) and deliverables and mandates (groups), Decidim's accountability: organisers
 * record them by hand or carry them over from a workshop's ranked priorities; the responsible
 * organisation's participants and the organisers add progress notes; each open commitment has one
 * overdue reminder (key overdueReminderKey) that follows its due date and owners.
 *
 * Reading needs MEMBER; below that every call answers NOT_FOUND collaboration:notFound, the same as
 * for a space that does not exist. Writes lock the space row and are refused in closed spaces.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollaborationAccessService,
    private readonly reminders: ReminderService,
    private readonly polls: PollService,
  ) {}

  // ---------------------------------------------------------------- writing

  async create(viewer: CollaborationViewer | undefined, spaceId: string, input: CommitmentValues): Promise<CommitmentView> {
    const data = parseInput(commitmentSchema, input ?? {});
    const id = await this.dataSource.transaction(async (manager) => {
      const access = await this.access.requireWritable(viewer, spaceId, 'MEMBER', manager);
      if (!access.organiser) throw organisersOnly();
      this.checkKind(access.space, data.kind, 'kind');
      await this.checkParty(manager, access.space.id, data.responsibleOrganisationId, 'responsibleOrganisationId');
      const saved = await manager.save(
        manager.create(Commitment, {
          spaceId: access.space.id,
          kind: data.kind,
          title: data.title,
          description: data.description,
          responsibleOrganisationId: data.responsibleOrganisationId,
          dueDate: data.dueDate,
          status: 'PENDING',
          progress: 0,
          source: 'MANUAL',
          createdById: viewer!.id,
        }),
      );
      await this.syncReminder(manager, saved, access.space);
      return saved.id;
    });
    return this.view(viewer, id);
  }

  /** Organisers: changes what was agreed (kind, title, description, responsible organisation, due date). The reminder follows. */
  async update(viewer: CollaborationViewer | undefined, commitmentId: string, input: CommitmentValues): Promise<CommitmentView> {
    const data = parseInput(commitmentSchema, input ?? {});
    await this.dataSource.transaction(async (manager) => {
      const { access, commitment } = await this.writable(viewer, commitmentId, manager);
      if (!access.organiser) throw organisersOnly();
      this.checkKind(access.space, data.kind, 'kind');
      if (data.responsibleOrganisationId !== commitment.responsibleOrganisationId) {
        await this.checkParty(manager, access.space.id, data.responsibleOrganisationId, 'responsibleOrganisationId');
      }
      await manager.update(
        Commitment,
        { id: commitment.id },
        { kind: data.kind, title: data.title, description: data.description, responsibleOrganisationId: data.responsibleOrganisationId, dueDate: data.dueDate },
      );
      await this.syncReminder(manager, await manager.findOneByOrFail(Commitment, { id: commitment.id }), access.space);
    });
    return this.view(viewer, commitmentId);
  }

  /**
   * A progress note by a participant of the responsible organisation or an organiser: recorded as a
   * CommitmentUpdate, and the commitment takes its status and progress. DONE sets progress to 100 and
   * completedAt; DROPPED keeps the progress reached; leaving DONE clears completedAt.
   */
  async report(viewer: CollaborationViewer | undefined, commitmentId: string, input: CommitmentProgressValues): Promise<CommitmentView> {
    const data = parseInput(progressSchema, input ?? {});
    await this.dataSource.transaction(async (manager) => {
      const { access, commitment } = await this.writable(viewer, commitmentId, manager);
      if (!(await this.mayReport(manager, access, commitment))) throw AppError.forbidden('collaborationRecords:notResponsible');
      const status = data.status ?? commitment.status;
      let progress = data.progress ?? commitment.progress;
      if (status === 'DONE') progress = 100;
      if (status === 'DROPPED') progress = commitment.progress;
      if (!data.note && status === commitment.status && progress === commitment.progress) {
        throw AppError.badInput([{ field: 'note', key: 'collaborationRecords:progressEmpty' }], 'collaborationRecords:progressEmpty');
      }
      const completedAt = status === 'DONE' ? (commitment.status === 'DONE' ? commitment.completedAt : new Date()) : null;
      await manager.insert(CommitmentUpdate, { commitmentId: commitment.id, authorId: viewer!.id, status, progress, note: data.note });
      await manager.update(Commitment, { id: commitment.id }, { status, progress, completedAt });
      await this.syncReminder(manager, await manager.findOneByOrFail(Commitment, { id: commitment.id }), access.space);
    });
    return this.view(viewer, commitmentId);
  }

  // ---------------------------------------------------------------- reading

  /** One commitment (MEMBER and above of its space), else NOT_FOUND. */
  async view(viewer: CollaborationViewer | undefined, commitmentId: string): Promise<CommitmentView> {
    if (!viewer || !isUuid(commitmentId)) throw notFound();
    const commitment = await this.dataSource.getRepository(Commitment).findOneBy({ id: commitmentId });
    if (!commitment) throw notFound();
    const access = await this.access.require(viewer, commitment.spaceId, 'MEMBER');
    return (await this.views(access, [commitment], viewer.locale))[0];
  }

  /**
   * The space's commitments, soonest due first (those without a due date last), optionally of one
   * status, or only overdue (true) / not overdue (false) ones.
   */
  async list(
    viewer: CollaborationViewer | undefined,
    spaceId: string,
    filter: { status?: CommitmentStatus | null; overdue?: boolean | null },
    page: PageArgs,
  ): Promise<ConnectionShape<CommitmentView>> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const first = page.first ?? LIMITS.pageSizeDefault;
    if (!Number.isInteger(first) || first < 1 || first > LIMITS.pageSizeMax) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    if (filter.status && !COMMITMENT_STATUSES.includes(filter.status)) throw AppError.badInput([{ field: 'status', key: 'collaborationRecords:statusInvalid' }]);
    const where = ['c.space_id = $1'];
    const params: unknown[] = [access.space.id];
    if (filter.status) {
      params.push(filter.status);
      where.push(`c.status = $${params.length}`);
    }
    if (filter.overdue !== null && filter.overdue !== undefined) {
      params.push(todayIn(access.space.timeZone));
      const overdueSql = `(c.status IN ('PENDING', 'IN_PROGRESS') AND c.due_date IS NOT NULL AND c.due_date < $${params.length}::date)`;
      where.push(filter.overdue ? overdueSql : `NOT ${overdueSql}`);
    }
    // Keyset on (due date, id), with no due date sorting after every date.
    const dueKey = `coalesce(c.due_date, '9999-12-31'::date)`;
    const [{ n: totalCount }]: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM collab_commitments c WHERE ${where.join(' AND ')}`, params);
    const pageParams = [...params];
    const pageWhere = [...where];
    if (page.after) {
      const [due, id] = decodeCursor(page.after, 2);
      if (typeof due !== 'string' || !isCalendarDateOrMax(due) || !isUuid(id)) throw AppError.badInput([{ field: 'after', key: 'errors:invalidCursor' }], 'errors:invalidCursor');
      pageParams.push(due, id);
      pageWhere.push(`(${dueKey}, c.id) > ($${pageParams.length - 1}::date, $${pageParams.length}::uuid)`);
    }
    pageParams.push(first + 1);
    const rows: Array<{ id: string; due_key: string }> = await this.dataSource.query(
      `SELECT c.id, to_char(${dueKey}, 'YYYY-MM-DD') AS due_key FROM collab_commitments c WHERE ${pageWhere.join(' AND ')}
        ORDER BY ${dueKey}, c.id LIMIT $${pageParams.length}`,
      pageParams,
    );
    const hasNextPage = rows.length > first;
    const pageRows = rows.slice(0, first);
    const entities = await this.dataSource.getRepository(Commitment).findBy({ id: In(pageRows.map((r) => r.id)) });
    const byId = new Map(entities.map((c) => [c.id, c]));
    const views = await this.views(
      access,
      pageRows.map((r) => byId.get(r.id)!).filter(Boolean),
      viewer!.locale,
    );
    const viewById = new Map(views.map((v) => [v.commitment.id, v]));
    const edges = pageRows.filter((r) => viewById.has(r.id)).map((r) => ({ cursor: encodeCursor([r.due_key, r.id]), node: viewById.get(r.id)! }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /** Progress notes of a commitment, newest first, with their authors' names (the caller has checked access). */
  async history(commitmentId: string): Promise<Array<CommitmentUpdate & { authorName: string | null }>> {
    const rows = await this.dataSource.getRepository(CommitmentUpdate).find({ where: { commitmentId }, order: { createdAt: 'DESC', id: 'DESC' } });
    const names = await this.namesOf(rows.map((r) => r.authorId));
    return rows.map((r) => Object.assign(r, { authorName: (r.authorId && names.get(r.authorId)) ?? null }));
  }

  /** The accountability summary of a space (MEMBER and above). */
  async accountability(viewer: CollaborationViewer | undefined, spaceId: string): Promise<{ access: SpaceAccess; summary: AccountabilitySummary }> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const rows = await this.dataSource.getRepository(Commitment).find({ where: { spaceId: access.space.id }, select: { id: true, status: true, progress: true, dueDate: true } });
    return { access, summary: summarise(rows, access.space.timeZone) };
  }

  /** Everything the CSV and PDF exports print (MEMBER and above): every commitment, soonest due first. */
  async exportData(viewer: CollaborationViewer | undefined, spaceId: string): Promise<{ space: CollaborationSpace; rows: CommitmentView[]; summary: AccountabilitySummary }> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const commitments = await this.dataSource.getRepository(Commitment).find({ where: { spaceId: access.space.id } });
    commitments.sort((a, b) => (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    const rows = await this.views(access, commitments, viewer!.locale);
    return { space: access.space, rows, summary: summarise(commitments, access.space.timeZone) };
  }

  // ---------------------------------------------------------------- workshop priorities

  /**
   * Organisers of the space: workshops whose priority poll has at least one ballot and results the
   * caller may see under the workshops domain's rule (PollModel.results): the workshop's managers
   * always (an open poll's results are provisional), anyone else once the poll is closed, on a
   * workshop that is not a draft. Most recent first.
   */
  async priorityWorkshops(
    viewer: CollaborationViewer | undefined,
    spaceId: string,
    search: string | null | undefined,
    page: PageArgs,
  ): Promise<ConnectionShape<Workshop & { ballots: number }>> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    if (!access.organiser) throw organisersOnly();
    const qb = this.dataSource
      .getRepository(Workshop)
      .createQueryBuilder('w')
      .where('w.poll_mode IS NOT NULL AND w.poll_opened_at IS NOT NULL')
      .andWhere('EXISTS (SELECT 1 FROM workshop_ballots b WHERE b.workshop_id = w.id)');
    if (viewer!.admin) {
      // Administrators manage every workshop.
    } else if (viewer!.roles.includes(Role.Organiser)) {
      qb.andWhere(`((w.poll_closed_at IS NOT NULL AND w.status <> 'DRAFT') OR EXISTS (SELECT 1 FROM workshop_organisers o WHERE o.workshop_id = w.id AND o.user_id = :me))`, {
        me: viewer!.id,
      });
    } else {
      qb.andWhere(`w.poll_closed_at IS NOT NULL AND w.status <> 'DRAFT'`);
    }
    for (const [i, word] of searchWords(search ?? '').entries()) {
      qb.andWhere(`translate(lower(w.title::text), :accented, :plain) LIKE :w${i}`, { accented: ACCENTED_LOWER, plain: PLAIN_LOWER, [`w${i}`]: `%${word}%` });
    }
    const result = await paginate(qb, page, { column: 'w.starts_at', direction: 'DESC', valueOf: (w) => w.startsAt.toISOString(), idColumn: 'w.id', idOf: (w) => w.id });
    const ids = result.edges.map((e) => e.node.id);
    const counts: Array<{ workshop_id: string; n: number }> = ids.length
      ? await this.dataSource.query(`SELECT workshop_id, count(*)::int AS n FROM workshop_ballots WHERE workshop_id = ANY($1::uuid[]) GROUP BY workshop_id`, [ids])
      : [];
    const ballots = new Map(counts.map((c) => [c.workshop_id, c.n]));
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: Object.assign(e.node, { ballots: ballots.get(e.node.id) ?? 0 }) })) };
  }

  /** Organisers of the space: a visible workshop's ranked actions, best first, and whether each is already in this space. */
  async workshopPriorities(viewer: CollaborationViewer | undefined, spaceId: string, workshopId: string): Promise<{ workshop: Workshop; priorities: PriorityView[] }> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    if (!access.organiser) throw organisersOnly();
    const workshop = await this.visibleWorkshop(viewer!, workshopId, this.dataSource.manager);
    if (!workshop) throw AppError.notFound('collaborationRecords:workshopNotFound');
    return { workshop, priorities: await this.priorities(this.dataSource.manager, access.space.id, workshop, viewer!) };
  }

  /**
   * Organisers: the chosen ranked actions become commitments (source WORKSHOP_PRIORITY, the workshop
   * and the action's label). An action already carried into this space, or twice in one request, is
   * skipped (reported in skippedActionIds), never duplicated: the space row lock serialises
   * concurrent carry-overs.
   */
  async carryOver(
    viewer: CollaborationViewer | undefined,
    spaceId: string,
    workshopId: string,
    items: CarryOverItemValues[],
  ): Promise<{ created: CommitmentView[]; skippedActionIds: string[] }> {
    const { items: list } = parseInput(carryOverSchema, { items });
    const { createdIds, skipped } = await this.dataSource.transaction(async (manager) => {
      const access = await this.access.requireWritable(viewer, spaceId, 'MEMBER', manager);
      if (!access.organiser) throw organisersOnly();
      const workshop = await this.visibleWorkshop(viewer!, workshopId, manager);
      if (!workshop) throw AppError.notFound('collaborationRecords:workshopNotFound');
      const priorities = await this.priorities(manager, access.space.id, workshop, viewer!);
      const byAction = new Map(priorities.map((p) => [p.actionId, p]));
      const carried = new Set(priorities.filter((p) => p.carried).map((p) => p.label));
      const createdIds: string[] = [];
      const skipped: string[] = [];
      for (const [index, item] of list.entries()) {
        const priority = byAction.get(item.actionId);
        if (!priority) throw AppError.badInput([{ field: `items.${index}.actionId`, key: 'collaborationRecords:priorityUnknown' }]);
        this.checkKind(access.space, item.kind, `items.${index}.kind`);
        await this.checkParty(manager, access.space.id, item.responsibleOrganisationId, `items.${index}.responsibleOrganisationId`);
        if (carried.has(priority.label)) {
          skipped.push(item.actionId);
          continue;
        }
        carried.add(priority.label);
        const saved = await manager.save(
          manager.create(Commitment, {
            spaceId: access.space.id,
            kind: item.kind,
            title: (item.title ?? priority.title).slice(0, COMMITMENT_TITLE_MAX),
            description: priority.description.slice(0, L.textMax),
            responsibleOrganisationId: item.responsibleOrganisationId,
            dueDate: item.dueDate,
            status: 'PENDING',
            progress: 0,
            source: 'WORKSHOP_PRIORITY',
            sourceWorkshopId: workshop.id,
            sourceLabel: priority.label,
            createdById: viewer!.id,
          }),
        );
        await this.syncReminder(manager, saved, access.space);
        createdIds.push(saved.id);
      }
      return { createdIds, skipped };
    });
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    const created = await this.dataSource.getRepository(Commitment).findBy({ id: In(createdIds) });
    const order = new Map(createdIds.map((id, i) => [id, i]));
    created.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    return { created: await this.views(access, created, viewer!.locale), skippedActionIds: skipped };
  }

  // ---------------------------------------------------------------- reminders

  /**
   * Brings a commitment's overdue reminder in line with it, in the caller's transaction: scheduled
   * for the start of the day after the due date (space time zone) for the participants of the
   * responsible party and the moderator; moved when the due date moves; cancelled when the
   * commitment is DONE or DROPPED, has no due date, or the space is closed. A reminder that already
   * fired for the same due date is left alone, so owners are reminded once.
   */
  async syncReminder(manager: EntityManager, commitment: Commitment, space: CollaborationSpace): Promise<void> {
    const key = overdueReminderKey(commitment.id);
    const live = space.status !== 'CLOSED' && space.status !== 'DECLINED';
    if (!live || !commitment.dueDate || !OPEN_COMMITMENT_STATUSES.includes(commitment.status)) {
      await this.reminders.cancel(manager, key);
      return;
    }
    const userIds = await this.ownersOf(manager, space, commitment.responsibleOrganisationId);
    if (!userIds.length) {
      await this.reminders.cancel(manager, key);
      return;
    }
    const runAt = overdueStartsAt(commitment.dueDate, space.timeZone);
    const data = { space: space.title, commitment: commitment.title, due: commitment.dueDate };
    const link = `${spacePath(space.kind, space.id)}?tab=commitments`;
    const existing = await manager.findOneBy(Reminder, { key });
    if (existing && existing.runAt.getTime() === runAt.getTime()) {
      if (existing.firedAt) return;
      const sameOwners = [...existing.userIds].sort().join() === userIds.join();
      // jsonb keeps its own key order: compare the values one by one.
      const sameData = Object.keys(existing.data).length === 3 && (Object.keys(data) as Array<keyof typeof data>).every((k) => existing.data[k] === data[k]);
      if (sameOwners && sameData && existing.link === link) return;
    }
    await this.reminders.schedule(manager, { key, runAt, userIds, type: 'collaboration.overdue', data, link });
  }

  /**
   * Re-points the overdue reminders of every open commitment of the space at its current owners, or
   * cancels them once the space is closed. For SpacesService to call in the same transaction as a
   * change of a participant list, the moderator or the space's status (as MeetingsService.rescheduleReminders).
   */
  async rescheduleReminders(manager: EntityManager, spaceId: string): Promise<void> {
    const space = await manager.findOneBy(CollaborationSpace, { id: spaceId });
    if (!space) return;
    const commitments = await manager.find(Commitment, { where: { spaceId, status: In([...OPEN_COMMITMENT_STATUSES]) } });
    for (const commitment of commitments) await this.syncReminder(manager, commitment, space);
  }

  // ---------------------------------------------------------------- helpers

  /** The commitment and the viewer's write access to its space (space row locked, then the commitment's). */
  private async writable(viewer: CollaborationViewer | undefined, commitmentId: string, manager: EntityManager): Promise<{ access: SpaceAccess; commitment: Commitment }> {
    if (!viewer || !isUuid(commitmentId)) throw notFound();
    const found = await manager.findOneBy(Commitment, { id: commitmentId });
    if (!found) throw notFound();
    const access = await this.access.requireWritable(viewer, found.spaceId, 'MEMBER', manager);
    const commitment = await manager.findOne(Commitment, { where: { id: commitmentId }, lock: { mode: 'pessimistic_write' } });
    if (!commitment) throw notFound();
    return { access, commitment };
  }

  /** Organisers, and participants of the responsible organisation's party. */
  private async mayReport(manager: EntityManager, access: SpaceAccess, commitment: Pick<Commitment, 'responsibleOrganisationId'>): Promise<boolean> {
    if (access.organiser) return true;
    if (!access.participantPartyId) return false;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM collab_space_parties WHERE id = $1 AND organisation_id = $2`, [access.participantPartyId, commitment.responsibleOrganisationId]);
    return rows.length > 0;
  }

  private checkKind(space: CollaborationSpace, kind: CommitmentKind, field: string): void {
    if (space.kind === 'TABLE' && kind !== 'COMMITMENT') throw AppError.badInput([{ field, key: 'collaborationRecords:kindNotForTables' }]);
  }

  private async checkParty(manager: EntityManager, spaceId: string, organisationId: string, field: string): Promise<void> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM collab_space_parties WHERE space_id = $1 AND organisation_id = $2 AND status = 'CONFIRMED'`, [
      spaceId,
      organisationId,
    ]);
    if (!rows.length) throw AppError.badInput([{ field, key: 'collaborationRecords:responsibleNotParty' }]);
  }

  /** Participants of the responsible organisation's party, and the moderator; sorted, without repeats. */
  private async ownersOf(manager: EntityManager, space: CollaborationSpace, organisationId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await manager.query(
      `SELECT sp.user_id FROM collab_space_participants sp JOIN collab_space_parties p ON p.id = sp.party_id
        WHERE p.space_id = $1 AND p.organisation_id = $2 AND p.status <> 'DECLINED'`,
      [space.id, organisationId],
    );
    const ids = new Set(rows.map((r) => r.user_id));
    if (space.moderatorId) ids.add(space.moderatorId);
    return [...ids].sort();
  }

  /** The workshop when its poll results are visible to the viewer (see priorityWorkshops), else null. */
  private async visibleWorkshop(viewer: CollaborationViewer, workshopId: string, manager: EntityManager): Promise<Workshop | null> {
    if (!isUuid(workshopId)) return null;
    const workshop = await manager.findOneBy(Workshop, { id: workshopId });
    if (!workshop?.pollMode || !workshop.pollOpenedAt) return null;
    if (workshop.pollClosedAt && workshop.status !== 'DRAFT') return workshop;
    return (await canManageWorkshop(manager, viewer, workshop.id)) ? workshop : null;
  }

  private async priorities(manager: EntityManager, spaceId: string, workshop: Workshop, viewer: CollaborationViewer): Promise<PriorityView[]> {
    const results = await this.polls.results(workshop, manager);
    const rows: Array<{ source_label: string }> = await manager.query(
      `SELECT source_label FROM collab_commitments WHERE space_id = $1 AND source_workshop_id = $2 AND source_label IS NOT NULL`,
      [spaceId, workshop.id],
    );
    const carried = new Set(rows.map((r) => r.source_label));
    const language = workshop.languages?.[0];
    return results.map((r) => {
      const label = pickLocalized(r.action.title, language).slice(0, COMMITMENT_TITLE_MAX);
      return {
        actionId: r.actionId,
        rank: r.rank,
        score: r.points,
        ballots: r.ballots,
        title: pickLocalized(r.action.title, viewer.locale),
        description: pickLocalized(r.action.description, viewer.locale),
        label,
        carried: carried.has(label),
      };
    });
  }

  private async namesOf(userIds: ReadonlyArray<string | null | undefined>): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Organisation names, last notes, source workshops and permissions for a set of commitments of one space, in a few queries. */
  private async views(access: SpaceAccess, commitments: Commitment[], locale: string): Promise<CommitmentView[]> {
    if (!commitments.length) return [];
    const ids = commitments.map((c) => c.id);
    const orgIds = [...new Set(commitments.map((c) => c.responsibleOrganisationId))];
    const orgs: Array<{ id: string; name: string; country_code: string }> = await this.dataSource.query(
      `SELECT id, name, country_code FROM organisations WHERE id = ANY($1::uuid[])`,
      [orgIds],
    );
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const lastRows: Array<{ id: string; commitment_id: string; author_id: string | null; status: CommitmentStatus; progress: number; note: string; created_at: Date }> =
      await this.dataSource.query(
        `SELECT DISTINCT ON (commitment_id) id, commitment_id, author_id, status, progress, note, created_at FROM collab_commitment_updates
          WHERE commitment_id = ANY($1::uuid[]) ORDER BY commitment_id, created_at DESC, id DESC`,
        [ids],
      );
    const lastUpdates = lastRows.map((r) =>
      Object.assign(new CommitmentUpdate(), { id: r.id, commitmentId: r.commitment_id, authorId: r.author_id, status: r.status, progress: r.progress, note: r.note, createdAt: r.created_at }),
    );
    const lastById = new Map(lastUpdates.map((u) => [u.commitmentId, u]));
    const names = await this.namesOf(lastUpdates.map((u) => u.authorId));
    const workshopIds = [...new Set(commitments.map((c) => c.sourceWorkshopId).filter((id): id is string => !!id))];
    const workshops = workshopIds.length ? await this.dataSource.getRepository(Workshop).findBy({ id: In(workshopIds) }) : [];
    const workshopById = new Map(workshops.map((w) => [w.id, { title: pickLocalized(w.title, locale), slug: w.slug }]));
    const parties: Array<{ organisation_id: string }> = access.participantPartyId
      ? await this.dataSource.query(`SELECT organisation_id FROM collab_space_parties WHERE id = $1`, [access.participantPartyId])
      : [];
    const myOrganisation = parties[0]?.organisation_id ?? null;
    const writable = access.space.status !== 'CLOSED';
    const now = new Date();
    return commitments.map((c) => {
      const last = lastById.get(c.id);
      const org = orgById.get(c.responsibleOrganisationId);
      return {
        commitment: c,
        organisationName: org?.name ?? '',
        countryCode: org?.country_code?.trim() ?? '',
        overdue: isOverdue(c, access.space.timeZone, now),
        lastUpdate: last ? Object.assign(last, { authorName: (last.authorId && names.get(last.authorId)) ?? null }) : null,
        workshop: c.sourceWorkshopId ? (workshopById.get(c.sourceWorkshopId) ?? null) : null,
        canReport: writable && (access.organiser || (!!myOrganisation && myOrganisation === c.responsibleOrganisationId)),
        canEdit: writable && access.organiser,
      };
    });
  }
}

function isCalendarDateOrMax(value: string): boolean {
  return value === '9999-12-31' || isCalendarDate(value);
}
