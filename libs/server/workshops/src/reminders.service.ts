import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import { NotificationsService, ReminderService } from '@alliance/server-notifications';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@alliance/shared-core';
import { Workshop } from './entities';
import { NOTIFIED_REGISTRATION_STATUSES, REMINDER_KEY_PREFIX, reminderKeys } from './workshops.constants';
import { pickLocalized } from '@alliance/server-graphql';

/** Workshops that still take place: reminders exist only for these. */
const ACTIVE: readonly string[] = ['OPEN', 'CLOSED'];

/**
 * Notification data of a workshop: its title in `locale` (default: the workshop's first language)
 * and its start as wall-clock time in the workshop's zone with the zone named, e.g.
 * "2027-03-10 09:00 (America/Bogota, UTC-5)". Texts come from each person's language catalogue.
 */
export function workshopNotificationData(w: Pick<Workshop, 'title' | 'startsAt' | 'timeZone' | 'slug' | 'languages'>, locale?: Locale): Record<string, string> {
  const lang: Locale = locale ?? (isLocale(w.languages?.[0]) ? (w.languages[0] as Locale) : DEFAULT_LOCALE);
  const start = DateTime.fromJSDate(w.startsAt, { zone: w.timeZone });
  return {
    workshop: pickLocalized(w.title, lang),
    when: `${start.toFormat('yyyy-MM-dd HH:mm')} (${w.timeZone}, UTC${start.toFormat('ZZ')})`,
    slug: w.slug,
  };
}

/**
 * The 24-hour and 1-hour reminders of a workshop (notifications ReminderService, keys
 * `workshop:<id>:24h` / `workshop:<id>:1h`). They go to the registrants CONFIRMED when they fire, so
 * registrations never touch them (a registration would otherwise rewrite the list and move two
 * delayed jobs while it holds the workshop's seat lock). sync() is called in the same transaction as
 * every change of the workshop's dates or status: it reschedules (moving the delayed jobs) or cancels
 * the reminders, and skips reminders whose time has passed.
 */
@Injectable()
export class WorkshopRemindersService implements OnModuleInit {
  constructor(private readonly reminders: ReminderService) {}

  onModuleInit(): void {
    this.reminders.resolveRecipientsWhenFiring(REMINDER_KEY_PREFIX, (manager, reminder) => confirmedRegistrants(manager, workshopIdOfReminder(reminder.key)));
  }

  async sync(manager: EntityManager, workshopId: string, now = new Date()): Promise<void> {
    const workshop = await manager.findOneBy(Workshop, { id: workshopId });
    const keys = reminderKeys(workshopId);
    if (!workshop || !ACTIVE.includes(workshop.status)) {
      await this.cancel(manager, workshopId);
      return;
    }
    const data = workshopNotificationData(workshop);
    for (const [key, hours] of [
      [keys.day, 24],
      [keys.hour, 1],
    ] as const) {
      const runAt = new Date(workshop.startsAt.getTime() - hours * 3_600_000);
      if (runAt.getTime() <= now.getTime()) {
        await this.reminders.cancel(manager, key);
        continue;
      }
      await this.reminders.schedule(manager, { key, runAt, userIds: [], type: 'workshop.reminder', data: { ...data, hours }, link: `/workshops/${workshop.slug}` });
    }
  }

  async cancel(manager: EntityManager, workshopId: string): Promise<void> {
    const keys = reminderKeys(workshopId);
    await this.reminders.cancel(manager, keys.day);
    await this.reminders.cancel(manager, keys.hour);
  }
}

/**
 * Notifies the workshop's registrants (confirmed, waitlisted, pending, offered) once: one notify()
 * per preferred language so the workshop's title comes in that language when it has one.
 */
export async function notifyRegistrants(
  manager: EntityManager,
  notifications: NotificationsService,
  workshop: Workshop,
  type: 'workshop.changed' | 'workshop.cancelled',
  extra: Record<string, string>,
  dedupeKey: string,
): Promise<number> {
  const rows: Array<{ user_id: string; locale: string }> = await manager.query(
    `SELECT r.user_id, u.preferred_locale AS locale FROM workshop_registrations r JOIN users u ON u.id = r.user_id
      WHERE r.workshop_id = $1 AND r.status = ANY($2) ORDER BY r.user_id`,
    [workshop.id, NOTIFIED_REGISTRATION_STATUSES],
  );
  const byLocale = new Map<Locale, string[]>();
  for (const r of rows) {
    const locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), r.user_id]);
  }
  for (const [locale, userIds] of byLocale) {
    await notifications.notify(manager, { userIds, type, data: { ...workshopNotificationData(workshop, locale), ...extra }, link: `/workshops/${workshop.slug}`, dedupeKey });
  }
  return rows.length;
}

/** `workshop:<id>:24h` -> `<id>`. */
function workshopIdOfReminder(key: string): string {
  return key.slice(REMINDER_KEY_PREFIX.length).split(':')[0];
}

/** Who a workshop's reminder goes to: its CONFIRMED registrants at that moment. */
export async function confirmedRegistrants(manager: EntityManager, workshopId: string): Promise<string[]> {
  const rows = (await manager.query(`SELECT user_id FROM workshop_registrations WHERE workshop_id = $1 AND status = 'CONFIRMED' ORDER BY user_id`, [workshopId])) as Array<{
    user_id: string;
  }>;
  return rows.map((r) => r.user_id);
}
