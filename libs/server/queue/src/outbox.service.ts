import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';
import { OutboxRelay } from './outbox.relay';
import type { QueueName } from './queue.constants';

export interface EnqueueRequest {
  queue: QueueName;
  /** Job name a handler is registered under, e.g. 'email.send'. */
  name: string;
  /** Id of the domain row the job works on. */
  id: string;
  delayMs?: number;
}

/** How services create jobs: inside their own transaction, so a job exists iff its cause committed. */
@Injectable()
export class OutboxService {
  constructor(private readonly relay: OutboxRelay) {}

  /** Inserts the outbox row with `manager` (the caller's transaction) and returns its id, the job id. */
  async enqueue(manager: EntityManager, { queue, name, id, delayMs = 0 }: EnqueueRequest): Promise<string> {
    const outboxId = randomUUID();
    await manager.insert(OutboxMessage, {
      id: outboxId,
      queue,
      jobName: name,
      payload: { id },
      availableAt: new Date(Date.now() + Math.max(0, delayMs)),
    });
    this.relay.nudgeAfterCommit(manager);
    return outboxId;
  }

  /** Many jobs in one multi-row INSERT (fan-outs); returns their ids in the order given. */
  async enqueueMany(manager: EntityManager, requests: EnqueueRequest[]): Promise<string[]> {
    if (!requests.length) return [];
    const ids: string[] = [];
    // Chunks keep the statement under PostgreSQL's 65,535 parameters.
    for (let start = 0; start < requests.length; start += 1000) {
      const chunk = requests.slice(start, start + 1000);
      const values: unknown[] = [];
      const rows = chunk.map((r, i) => {
        const id = randomUUID();
        ids.push(id);
        values.push(id, r.queue, r.name, JSON.stringify({ id: r.id }), new Date(Date.now() + Math.max(0, r.delayMs ?? 0)));
        const b = i * 5;
        return `($${b + 1}::uuid, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5}::timestamptz)`;
      });
      await manager.query(`INSERT INTO outbox_message (id, queue, job_name, payload, available_at) VALUES ${rows.join(', ')}`, values);
    }
    this.relay.nudgeAfterCommit(manager);
    return ids;
  }
}
