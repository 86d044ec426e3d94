/** Job names of the notifications queue owned by this domain. */
export const NOTIFICATION_FANOUT_JOB = 'notifications.fanout';
export const REMINDER_FIRE_JOB = 'reminder.fire';
export const DIGEST_DAILY_JOB = 'notifications.digest.daily';
export const DIGEST_WEEKLY_JOB = 'notifications.digest.weekly';
/**
 * Recipients per multi-row INSERT in the fan-out. Measured on 2 cores: 500 per statement spent a
 * good part of the time in per-statement and per-transaction overhead; 2,000 keeps each transaction
 * short (tens of milliseconds) and its e-mail rows under PostgreSQL's 65,535 parameters (7 each).
 */
export const FANOUT_CHUNK = 2_000;
/** Chunks of one fan-out inserted at once, on separate connections, so PostgreSQL can use two cores. */
export const FANOUT_PARALLEL = 2;
