import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { z } from 'zod';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, parseInput, pickLocalized } from '@alliance/server-graphql';
import { ErrorCode } from '@alliance/shared-core';
import { Workshop, WorkshopBallot, WorkshopFollowUp, WorkshopPollAction, WorkshopRegistration } from './entities';
import { localizedSchema, type LocalizedEntry } from '@alliance/server-graphql';
import { REGISTRATION_LIMITS as L, ballotProblem, tallyPoll, type PollTally } from './registration-rules';
import { canManageWorkshop, isUuid, requireManagedWorkshop, type WorkshopActor } from './util';
import type { FollowUpStatus, PollMode } from './workshops.constants';

export interface PollActionData {
  title: LocalizedEntry[];
  description?: LocalizedEntry[] | null;
}

export interface FollowUpData {
  title: string;
  owner?: string | null;
  dueOn?: string | null;
  status?: FollowUpStatus | null;
  actionId?: string | null;
}

export interface PollView {
  workshop: Workshop;
  mode: PollMode;
  maxVotes: number | null;
  open: boolean;
  actions: WorkshopPollAction[];
  ballots: number;
}

const actionSchema = z.object({
  title: localizedSchema(L.followUpTitleMax, { namespace: 'workshops', key: 'workshops:textInvalid' }),
  description: localizedSchema(2000, { namespace: 'workshops', optional: true, key: 'workshops:textInvalid' }),
});

const followUpSchema = z.object({
  title: z.string({ error: 'workshopRegistration:followUpTitleRequired' }).trim().min(1, { error: 'workshopRegistration:followUpTitleRequired' }).max(L.followUpTitleMax, {
    error: 'workshopRegistration:followUpTitleTooLong',
  }),
  owner: z
    .string()
    .trim()
    .max(L.followUpOwnerMax, { error: 'workshopRegistration:followUpOwnerTooLong' })
    .nullish()
    .transform((v) => v || null),
  dueOn: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), {
      error: 'workshopRegistration:followUpDueInvalid',
    }),
  status: z.enum(['OPEN', 'DONE'], { error: 'validation:invalid' }).nullish(),
  actionId: z.string().nullish(),
});

/** A poll is open between openPoll and closePoll. */
export function pollIsOpen(workshop: Pick<Workshop, 'pollMode' | 'pollOpenedAt' | 'pollClosedAt'>): boolean {
  return !!workshop.pollMode && !!workshop.pollOpenedAt && !workshop.pollClosedAt;
}

/**
 * Priority-setting: organisers list actions and choose RANK (Borda count) or VOTE (up to maxVotes);
 * CONFIRMED registrants submit a ballot while the poll is open (a new one replaces theirs); results
 * aggregate the stored ballots; top actions are carried into the follow-up list.
 */
@Injectable()
export class PollService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async savePoll(actor: WorkshopActor, workshopId: string, mode: PollMode, maxVotes: number | null | undefined, actions: PollActionData[]): Promise<Workshop> {
    if (mode !== 'RANK' && mode !== 'VOTE') throw AppError.badInput([{ field: 'mode', key: 'validation:invalid' }]);
    const list = Array.isArray(actions) ? actions : [];
    if (list.length < 2) throw AppError.badInput([{ field: 'actions', key: 'workshopRegistration:pollActionsRequired' }], 'workshopRegistration:pollActionsRequired');
    if (list.length > L.pollActionsMax) {
      throw AppError.badInput([{ field: 'actions', key: 'workshopRegistration:pollTooManyActions', params: { max: L.pollActionsMax } }]);
    }
    const parsed = list.map((a, i) => {
      const result = actionSchema.safeParse({ title: a?.title, description: a?.description ?? null });
      if (!result.success) throw AppError.badInput([{ field: `actions.${i}`, key: result.error.issues[0]?.message ?? 'workshops:textInvalid' }]);
      return result.data;
    });
    let votes: number | null = null;
    if (mode === 'VOTE') {
      votes = maxVotes ?? 1;
      if (!Number.isInteger(votes) || votes < 1 || votes > parsed.length) throw AppError.badInput([{ field: 'maxVotes', key: 'workshopRegistration:maxVotesInvalid' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (workshop.pollOpenedAt) throw AppError.conflict('workshopRegistration:pollAlreadyOpened');
      await manager.delete(WorkshopPollAction, { workshopId: workshop.id });
      await manager.delete(WorkshopBallot, { workshopId: workshop.id });
      await manager.insert(
        WorkshopPollAction,
        parsed.map((a, position) => ({ workshopId: workshop.id, position, title: a.title, description: a.description })),
      );
      await manager.update(Workshop, { id: workshop.id }, { pollMode: mode, pollMaxVotes: votes, revision: () => 'revision + 1' });
      return manager.findOneByOrFail(Workshop, { id: workshop.id });
    });
  }

  async openPoll(actor: WorkshopActor, workshopId: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (!workshop.pollMode) throw AppError.conflict('workshopRegistration:pollMissing');
      if (pollIsOpen(workshop)) return workshop;
      if (['CANCELLED', 'ARCHIVED', 'DRAFT'].includes(workshop.status)) throw AppError.conflict('workshopRegistration:closed');
      await manager.update(Workshop, { id: workshop.id }, { pollOpenedAt: workshop.pollOpenedAt ?? new Date(), pollClosedAt: null });
      return manager.findOneByOrFail(Workshop, { id: workshop.id });
    });
  }

  async closePoll(actor: WorkshopActor, workshopId: string): Promise<Workshop> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (!workshop.pollMode || !workshop.pollOpenedAt) throw AppError.conflict('workshopRegistration:pollNotOpen');
      if (workshop.pollClosedAt) return workshop;
      await manager.update(Workshop, { id: workshop.id }, { pollClosedAt: new Date() });
      return manager.findOneByOrFail(Workshop, { id: workshop.id });
    });
  }

  /** One ballot per registration; a new one replaces the previous. The workshop row is share-locked so a closing poll waits. */
  async submitBallot(actor: WorkshopActor, workshopId: string, actionIds: string[]): Promise<PollView> {
    if (!isUuid(workshopId)) throw AppError.notFound('workshopRegistration:workshopNotFound');
    await this.dataSource.transaction(async (manager) => {
      const workshop = await manager.findOne(Workshop, { where: { id: workshopId }, lock: { mode: 'pessimistic_read' } });
      if (!workshop) throw AppError.notFound('workshopRegistration:workshopNotFound');
      if (!workshop.pollMode) throw AppError.conflict('workshopRegistration:pollMissing');
      const registration = await manager.findOneBy(WorkshopRegistration, { workshopId: workshop.id, userId: actor.id });
      if (!registration || registration.status !== 'CONFIRMED') throw AppError.forbidden('workshopRegistration:notConfirmed');
      if (workshop.pollClosedAt) throw AppError.conflict('workshopRegistration:pollAlreadyClosed');
      if (!workshop.pollOpenedAt) throw AppError.conflict('workshopRegistration:pollNotOpen');
      const actions = await this.actionsOf(manager, workshop.id);
      const ballot = Array.isArray(actionIds) ? actionIds.map(String) : [];
      const problem = ballotProblem(workshop.pollMode, actions.map((a) => a.id), workshop.pollMaxVotes, ballot);
      if (problem) throw new AppError(ErrorCode.BadUserInput, problem.key, problem.params ?? {}, [{ field: 'actionIds', key: problem.key, params: problem.params }]);
      await manager.query(
        `INSERT INTO workshop_ballots (workshop_id, registration_id, action_ids, submitted_at) VALUES ($1, $2, $3::uuid[], now())
         ON CONFLICT (workshop_id, registration_id) DO UPDATE SET action_ids = EXCLUDED.action_ids, submitted_at = EXCLUDED.submitted_at`,
        [workshop.id, registration.id, ballot],
      );
    });
    return this.view(workshopId);
  }

  /** The poll of a workshop (null when none was saved). */
  async view(workshopId: string, manager: EntityManager = this.dataSource.manager): Promise<PollView> {
    const workshop = await manager.findOneByOrFail(Workshop, { id: workshopId });
    return this.viewOf(workshop, manager);
  }

  async viewOf(workshop: Workshop, manager: EntityManager = this.dataSource.manager): Promise<PollView> {
    const actions = await this.actionsOf(manager, workshop.id);
    const [count] = (await manager.query(`SELECT count(*)::int AS n FROM workshop_ballots WHERE workshop_id = $1`, [workshop.id])) as Array<{ n: number }>;
    return { workshop, mode: workshop.pollMode ?? 'RANK', maxVotes: workshop.pollMaxVotes, open: pollIsOpen(workshop), actions, ballots: count?.n ?? 0 };
  }

  /** Aggregated results (Borda count for RANK, one point per choice for VOTE), best first. */
  async results(workshop: Workshop, manager: EntityManager = this.dataSource.manager): Promise<Array<PollTally & { action: WorkshopPollAction }>> {
    const actions = await this.actionsOf(manager, workshop.id);
    const ballots = await manager.find(WorkshopBallot, { where: { workshopId: workshop.id } });
    const byId = new Map(actions.map((a) => [a.id, a]));
    return tallyPoll(
      workshop.pollMode ?? 'RANK',
      actions.map((a) => a.id),
      ballots.map((b) => b.actionIds),
    ).map((t) => ({ ...t, action: byId.get(t.actionId)! }));
  }

  async myBallot(workshopId: string, userId: string): Promise<string[] | null> {
    const [row] = (await this.dataSource.query(
      `SELECT b.action_ids FROM workshop_ballots b JOIN workshop_registrations r ON r.id = b.registration_id WHERE b.workshop_id = $1 AND r.user_id = $2`,
      [workshopId, userId],
    )) as Array<{ action_ids: string[] }>;
    return row ? row.action_ids : null;
  }

  /** Managers: results to CSV rows. */
  async resultsFor(actor: WorkshopActor, workshopId: string): Promise<{ workshop: Workshop; results: Array<PollTally & { action: WorkshopPollAction }> }> {
    const workshop = await requireManagedWorkshop(this.dataSource.manager, actor, workshopId);
    return { workshop, results: workshop.pollMode ? await this.results(workshop) : [] };
  }

  // ---------------------------------------------------------------- follow-ups

  /** The `count` best-ranked actions become follow-ups (once each; already carried ones are returned as they are). */
  async carryTopActions(actor: WorkshopActor, workshopId: string, count: number): Promise<WorkshopFollowUp[]> {
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId, true);
      if (!workshop.pollMode) throw AppError.conflict('workshopRegistration:pollMissing');
      const results = await this.results(workshop, manager);
      if (!Number.isInteger(count) || count < 1 || count > results.length) {
        throw AppError.badInput([{ field: 'count', key: 'workshopRegistration:countInvalid', params: { max: results.length } }]);
      }
      const top = results.slice(0, count);
      const existing = await manager.find(WorkshopFollowUp, { where: { workshopId: workshop.id } });
      const carried = new Map(existing.filter((f) => f.actionId).map((f) => [f.actionId!, f]));
      const out: WorkshopFollowUp[] = [];
      for (const r of top) {
        const already = carried.get(r.actionId);
        if (already) {
          out.push(already);
          continue;
        }
        const title = pickLocalized(r.action.title, actor.locale ?? workshop.languages?.[0]).slice(0, L.followUpTitleMax);
        out.push(await manager.save(manager.create(WorkshopFollowUp, { workshopId: workshop.id, actionId: r.actionId, title, owner: null, dueOn: null, status: 'OPEN' })));
      }
      return out;
    });
  }

  async saveFollowUp(actor: WorkshopActor, workshopId: string, id: string | null | undefined, input: FollowUpData): Promise<WorkshopFollowUp> {
    const data = parseInput(followUpSchema, input ?? {});
    return this.dataSource.transaction(async (manager) => {
      const workshop = await requireManagedWorkshop(manager, actor, workshopId);
      if (data.actionId) {
        const action = isUuid(data.actionId) ? await manager.findOneBy(WorkshopPollAction, { id: data.actionId, workshopId: workshop.id }) : null;
        if (!action) throw AppError.badInput([{ field: 'actionId', key: 'workshopRegistration:followUpActionUnknown' }]);
      }
      const values = { title: data.title, owner: data.owner, dueOn: data.dueOn, ...(data.status ? { status: data.status } : {}), actionId: data.actionId ?? null };
      if (id) {
        const existing = isUuid(id) ? await manager.findOneBy(WorkshopFollowUp, { id, workshopId: workshop.id }) : null;
        if (!existing) throw AppError.notFound('workshopRegistration:followUpNotFound');
        await manager.update(WorkshopFollowUp, { id: existing.id }, values);
        return manager.findOneByOrFail(WorkshopFollowUp, { id: existing.id });
      }
      return manager.save(manager.create(WorkshopFollowUp, { workshopId: workshop.id, status: 'OPEN', ...values }));
    });
  }

  /** Managers and CONFIRMED participants. */
  async followUps(actor: WorkshopActor, workshopId: string): Promise<WorkshopFollowUp[]> {
    const workshop = isUuid(workshopId) ? await this.dataSource.getRepository(Workshop).findOneBy({ id: workshopId }) : null;
    if (!workshop) throw AppError.notFound('workshopRegistration:workshopNotFound');
    if (!(await canManageWorkshop(this.dataSource.manager, actor, workshop))) {
      const registration = await this.dataSource.getRepository(WorkshopRegistration).findOneBy({ workshopId, userId: actor.id });
      if (!registration || registration.status !== 'CONFIRMED') throw AppError.forbidden('workshopRegistration:notConfirmed');
    }
    return this.dataSource.getRepository(WorkshopFollowUp).find({ where: { workshopId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private actionsOf(manager: EntityManager, workshopId: string): Promise<WorkshopPollAction[]> {
    return manager.find(WorkshopPollAction, { where: { workshopId }, order: { position: 'ASC', createdAt: 'ASC' } });
  }
}
