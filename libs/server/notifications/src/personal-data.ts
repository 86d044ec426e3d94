import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataRegistry, type PersonalDataContributor } from '@alliance/server-identity';

/**
 * Notifications' share of a person's data: their notices and their preferences. Notices are about
 * them alone and count in no report, so deletion removes them; the person also leaves every
 * scheduled reminder's list (the fan-out skips deleted accounts for everything else).
 */
@Injectable()
export class NotificationsPersonalData implements PersonalDataContributor, OnModuleInit {
  readonly section = 'notifications';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(userId: string, manager: EntityManager): Promise<unknown> {
    const notices = await manager.query(
      `SELECT type, data, link, created_at AS "createdAt", read_at AS "readAt", in_app AS "inApp", email_frequency AS "emailFrequency", email_queued_at AS "emailQueuedAt"
         FROM notification WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    const preferences = await manager.query(`SELECT type, in_app AS "inApp", email FROM notification_preference WHERE user_id = $1 ORDER BY type`, [userId]);
    return { notifications: notices, preferences };
  }

  async anonymise(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM notification WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM notification_preference WHERE user_id = $1`, [userId]);
    await manager.query(`UPDATE reminder SET user_ids = array_remove(user_ids, $1::uuid), updated_at = now() WHERE $1::uuid = ANY (user_ids)`, [userId]);
  }
}
