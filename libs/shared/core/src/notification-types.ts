/** How often a person wants e-mail about one type of notification. */
export const EMAIL_FREQUENCIES = ['immediately', 'daily', 'weekly', 'off'] as const;
export type EmailFrequency = (typeof EMAIL_FREQUENCIES)[number];

export interface NotificationTypeDefinition {
  type: string;
  /** Account and security messages: always delivered, cannot be switched off. */
  transactional: boolean;
  defaultInApp: boolean;
  defaultEmail: EmailFrequency;
}

/**
 * Every notification type of the portal, with its defaults. Texts live in the `notifications`
 * catalogue under the camel-cased type (see notificationTypeKey). Later domains append their types.
 */
export const NOTIFICATION_TYPES: readonly NotificationTypeDefinition[] = [
  { type: 'account.security', transactional: true, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'certificate.issued', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'certificate.revoked', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'alliance.application', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'learning.enrolment', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'learning.completed', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'workshop.registration', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'workshop.changed', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'workshop.cancelled', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'workshop.reminder', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'evidence.submitted', transactional: false, defaultInApp: true, defaultEmail: 'daily' },
  { type: 'evidence.reviewed', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.invited', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.requested', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.confirmed', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.reviewed', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.meeting', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.reminder', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.mention', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.overdue', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
  { type: 'collaboration.closed', transactional: false, defaultInApp: true, defaultEmail: 'immediately' },
];

export function notificationType(type: string): NotificationTypeDefinition | undefined {
  return NOTIFICATION_TYPES.find((definition) => definition.type === type);
}

export function isEmailFrequency(value: unknown): value is EmailFrequency {
  return typeof value === 'string' && (EMAIL_FREQUENCIES as readonly string[]).includes(value);
}

/** Catalogue key prefix of a type: 'certificate.issued' -> 'certificateIssued'. */
export function notificationTypeKey(type: string): string {
  return type.replace(/[._-](\w)/g, (_, c: string) => c.toUpperCase());
}
