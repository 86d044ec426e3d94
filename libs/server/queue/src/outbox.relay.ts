import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { DEFAULT_RELAY_SETTINGS, isQueueName, type QueueName, type RelaySettings } from './queue.constants';
import type { NewJob, QueueDriver } from './queue-driver';

export const RELAY_SETTINGS = Symbol('RELAY_SETTINGS');

interface OutboxRow {
  id: string;
  queue: string;
  job_name: string;
  payload: { id: string };
  available_at: Date;
}

/**
 * Moves committed outbox rows to the queue driver, with the outbox id as job id. Several processes
 * may run it at once: each transaction locks its rows with FOR UPDATE SKIP LOCKED, and a job id the
 * queue already holds is ignored. A recovery sweep re-adds open rows whose job the queue lost (Redis
 * here keeps nothing on disk): rows relayed a while ago, checked every sweepMs, and every open row at
 * once when the queue's epoch marker says Redis came back empty (checked on each reconnect and sweep).
 */
@Injectable()
export class OutboxRelay implements EntitySubscriberInterface {
  private readonly logger = new Logger('OutboxRelay');
  private readonly settings: RelaySettings;
  private driver?: QueueDriver;
  private pollTimer?: NodeJS.Timeout;
  private sweepTimer?: NodeJS.Timeout;
  private relaying?: Promise<void>;
  private again = false;
  private sweeping?: Promise<void>;
  private stopped = true;
  private lastFailureLog = 0;
  /** The queue backend's epoch last seen (see QueueDriver.epoch); undefined before the first look. */
  private knownEpoch?: string;
  /** Set when the queue lost its memory, until a full sweep has checked every open row. */
  private fullSweepDue = false;
  /** A sweep was asked for while one ran (e.g. a reconnect): run another right after. */
  private sweepAgain = false;
  /** Transactions that wrote outbox rows: relay right after they commit. */
  private readonly awaitingCommit = new WeakSet<QueryRunner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(RELAY_SETTINGS) settings?: Partial<RelaySettings>,
  ) {
    this.settings = { ...DEFAULT_RELAY_SETTINGS, ...settings };
    // A subscriber sees every commit of this DataSource; it acts only on ours (see nudgeAfterCommit).
    this.dataSource.subscribers.push(this);
  }

  /** Gives the relay its driver without starting the timers (relayOnce/sweepOnce then work). */
  attach(driver: QueueDriver): void {
    this.driver = driver;
  }

  start(driver: QueueDriver): void {
    this.attach(driver);
    this.stopped = false;
    // A reconnect may be to a Redis that restarted empty: look at its epoch right away.
    driver.onConnect?.(() => void this.sweep());
    this.pollTimer = setInterval(() => this.nudge(), this.settings.pollMs);
    this.sweepTimer = setInterval(() => void this.sweep(), this.settings.sweepMs);
    this.nudge();
    void this.sweep();
  }

  /** Stops polling and waits for a pass in progress, so no transaction is left open at shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    clearInterval(this.sweepTimer);
    await Promise.allSettled([this.relaying, this.sweeping]);
    const index = this.dataSource.subscribers.indexOf(this);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Called by OutboxService: relays at once when the row is visible (now, or after the caller commits). */
  nudgeAfterCommit(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.awaitingCommit.add(runner);
    else setImmediate(() => this.nudge());
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner && this.awaitingCommit.delete(event.queryRunner)) setImmediate(() => this.nudge());
  }

  /** Runs a relay pass now, or right after the one in progress. */
  nudge(): void {
    if (this.stopped || !this.driver) return;
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.relaying = this.relayUntilDrained().finally(() => {
      this.relaying = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** One relay pass: returns how many rows it moved. */
  async relayOnce(): Promise<number> {
    const driver = this.driver;
    if (!driver) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, queue, job_name, payload, available_at FROM outbox_message
          WHERE relayed_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      if (!rows.length) return 0;
      const valid = await this.rejectUnknownQueues(manager, rows);
      await this.addAll(driver, valid);
      await manager.query(`UPDATE outbox_message SET relayed_at = now() WHERE id = ANY($1::uuid[])`, [valid.map((r) => r.id)]);
      return rows.length;
    });
  }

  /** One recovery pass: re-adds open rows whose job the queue no longer holds; returns how many. */
  async sweepOnce(): Promise<number> {
    if (await this.queueLostItsMemory()) this.fullSweepDue = true;
    if (!this.fullSweepDue) return (await this.sweepPass({ olderThanSecs: this.settings.sweepAfterMs / 1000 })).lost;
    const lost = await this.sweepEverything();
    // Cleared only once every row was checked: a pass that failed half-way is repeated in full.
    this.fullSweepDue = false;
    return lost;
  }

  /**
   * Whether the queue backend is new or was emptied since this relay last looked (a Redis restart
   * without persistence). Without this, jobs relayed shortly before the restart would wait for the
   * age-based sweep (sweepAfterMs + sweepMs, about 40 s) before being re-added.
   */
  private async queueLostItsMemory(): Promise<boolean> {
    if (!this.driver?.epoch) return false;
    const { value, created } = await this.driver.epoch();
    const changed = this.knownEpoch !== undefined && this.knownEpoch !== value;
    this.knownEpoch = value;
    return created || changed;
  }

  /** Checks every open relayed row, whatever its age, in passes until all were looked at. */
  private async sweepEverything(): Promise<number> {
    const [{ now }] = (await this.dataSource.query(`SELECT now() AS now`)) as Array<{ now: Date }>;
    let lost = 0;
    for (;;) {
      // Checked rows get relayed_at = now() of a later transaction, so `before` moves past them.
      const pass = await this.sweepPass({ before: now });
      lost += pass.lost;
      if (pass.checked < this.settings.batchSize * 5 || this.stopped) return lost;
    }
  }

  private async sweepPass(age: { olderThanSecs: number } | { before: Date }): Promise<{ checked: number; lost: number }> {
    const driver = this.driver;
    if (!driver) return { checked: 0, lost: 0 };
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, queue, job_name, payload, available_at FROM outbox_message
          WHERE relayed_at IS NOT NULL AND completed_at IS NULL AND failed_at IS NULL
            AND relayed_at < ${'before' in age ? '$1::timestamptz' : 'now() - make_interval(secs => $1)'}
          ORDER BY relayed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        ['before' in age ? age.before : age.olderThanSecs, this.settings.batchSize * 5],
      );
      if (!rows.length) return { checked: 0, lost: 0 };
      const lost: OutboxRow[] = [];
      for (const row of rows) {
        if (isQueueName(row.queue) && !(await driver.jobExists(row.queue, row.id))) lost.push(row);
      }
      await this.addAll(driver, lost);
      if (lost.length) this.logger.warn(`Re-added ${lost.length} job(s) the queue had lost`);
      // Checked rows count as confirmed in the queue now, so the next sweeps look at others first.
      await manager.query(`UPDATE outbox_message SET relayed_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return { checked: rows.length, lost: lost.length };
    });
  }

  private async relayUntilDrained(): Promise<void> {
    try {
      while (!this.stopped && (await this.relayOnce()) === this.settings.batchSize) {
        // A full batch: more rows may be waiting.
      }
    } catch (error) {
      this.logFailure('relay', error);
    }
  }

  private async sweep(): Promise<void> {
    if (this.stopped) return;
    if (this.sweeping) {
      this.sweepAgain = true;
      return;
    }
    this.sweeping = this.sweepOnce()
      .then(() => undefined)
      .catch((error) => this.logFailure('sweep', error))
      .finally(() => {
        this.sweeping = undefined;
        if (this.sweepAgain) {
          this.sweepAgain = false;
          void this.sweep();
        }
      });
  }

  private async addAll(driver: QueueDriver, rows: OutboxRow[]): Promise<void> {
    const now = Date.now();
    const byQueue = new Map<QueueName, NewJob[]>();
    for (const row of rows) {
      if (!isQueueName(row.queue)) continue;
      // A delayed job keeps the rest of its delay, also when the sweep re-adds it.
      const delayMs = Math.max(0, new Date(row.available_at).getTime() - now);
      const jobs = byQueue.get(row.queue) ?? [];
      jobs.push({ jobName: row.job_name, data: { outboxId: row.id, id: row.payload.id }, options: { jobId: row.id, delayMs } });
      byQueue.set(row.queue, jobs);
    }
    // One call per queue (pipelined by BullMQ): a batch of 100 rows no longer waits for 100 round trips.
    for (const [queue, jobs] of byQueue) await driver.addMany(queue, jobs);
  }

  /** A row naming a queue this code does not know can never run: mark it failed for the administrators. */
  private async rejectUnknownQueues(manager: EntityManager, rows: OutboxRow[]): Promise<OutboxRow[]> {
    const unknown = rows.filter((row) => !isQueueName(row.queue));
    if (unknown.length) {
      this.logger.error(`Outbox rows name unknown queues: ${unknown.map((r) => `${r.id} (${r.queue})`).join(', ')}`);
      await manager.query(`UPDATE outbox_message SET failed_at = now(), last_error = 'Unknown queue' WHERE id = ANY($1::uuid[])`, [
        unknown.map((r) => r.id),
      ]);
    }
    return rows.filter((row) => isQueueName(row.queue));
  }

  /** While the queue backend or database is away every pass fails: say so at most every 30 s. */
  private logFailure(what: string, error: unknown): void {
    if (Date.now() - this.lastFailureLog < 30_000) return;
    this.lastFailureLog = Date.now();
    this.logger.warn(`Outbox ${what} failed (will retry): ${error instanceof Error ? error.message : String(error)}`);
  }
}
