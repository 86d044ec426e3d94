import { translator } from '@alliance/shared-i18n';
import { DEFAULT_LOCALE, isLocale, notificationType, notificationTypeKey, type Locale } from '@alliance/shared-core';

type Data = Record<string, string | number>;

function t(locale: string) {
  return translator(isLocale(locale) ? locale : DEFAULT_LOCALE);
}

/**
 * Texts already made: a notification centre page formats 20 notifications per request, and a fan-out
 * gives many people the same type and data. Bounded; the oldest entry goes first.
 */
const madeTexts = new Map<string, { title: string; body: string }>();
const MADE_TEXTS_MAX = 5_000;

/** The in-app title and body of a notification in one language. */
export function notificationTexts(locale: string, type: string, data: Data): { title: string; body: string } {
  const key = `${locale}\u0000${type}\u0000${JSON.stringify(data)}`;
  const made = madeTexts.get(key);
  if (made) return made;
  const texts = makeNotificationTexts(locale, type, data);
  if (madeTexts.size >= MADE_TEXTS_MAX) madeTexts.delete(madeTexts.keys().next().value as string);
  madeTexts.set(key, texts);
  return texts;
}

function makeNotificationTexts(locale: string, type: string, data: Data): { title: string; body: string } {
  const tr = t(locale);
  if (!notificationType(type)) return { title: String(tr('notifications:unknownTitle')), body: String(tr('notifications:unknownBody')) };
  const key = notificationTypeKey(type);
  return { title: String(tr(`notifications:${key}Title`, data)), body: String(tr(`notifications:${key}Body`, data)) };
}

/** The e-mail subject and body of a notification. `data` must also hold `name` and `link`. */
export function notificationEmailTexts(locale: string, type: string, data: Data): { subject: string; body: string } {
  const tr = t(locale);
  const key = notificationTypeKey(type);
  return { subject: String(tr(`notifications:${key}EmailSubject`, data)), body: String(tr(`notifications:${key}EmailBody`, data)) };
}

/** A type's (or a digest scope's) name as people read it. */
export function scopeLabel(locale: string, scope: string): string {
  const tr = t(locale);
  if (scope === 'digest.daily') return String(tr('notifications:frequency_daily'));
  if (scope === 'digest.weekly') return String(tr('notifications:frequency_weekly'));
  if (!notificationType(scope)) return scope;
  return String(tr(`notifications:${notificationTypeKey(scope)}Label`));
}

export function localeOr(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
