/** Job names of the notifications queue owned by this domain. */
export const NOTIFICATION_FANOUT_JOB = 'notifications.fanout';
export const REMINDER_FIRE_JOB = 'reminder.fire';
export const DIGEST_DAILY_JOB = 'notifications.digest.daily';
export const DIGEST_WEEKLY_JOB = 'notifications.digest.weekly';
/** Recipients per multi-row INSERT in the fan-out. */
export const FANOUT_CHUNK = 500;
