import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Someone proved they own an address: what later domains do then (e.g. claim invitations). */
export type EmailVerifiedListener = (manager: EntityManager, account: { id: string; email: string }) => Promise<void>;

/**
 * Lets domains that come after identity react to account events without identity knowing them
 * (DESIGN.md's one-way dependencies). Listeners run inside the verifying transaction, so an
 * invitation is claimed if and only if the verification commits.
 */
@Injectable()
export class AccountLifecycle {
  private readonly verifiedListeners: EmailVerifiedListener[] = [];

  onEmailVerified(listener: EmailVerifiedListener): void {
    this.verifiedListeners.push(listener);
  }

  async emailVerified(manager: EntityManager, userId: string): Promise<void> {
    if (!this.verifiedListeners.length) return;
    const [row] = (await manager.query(`SELECT id, email FROM users WHERE id = $1`, [userId])) as Array<{ id: string; email: string }>;
    if (!row) return;
    for (const listener of this.verifiedListeners) await listener(manager, row);
  }
}
