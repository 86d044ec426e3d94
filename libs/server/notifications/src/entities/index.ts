import { Notification } from './notification.entity';
import { NotificationBatch } from './notification-batch.entity';
import { NotificationPreference } from './notification-preference.entity';
import { Reminder } from './reminder.entity';
import { SigningSecret } from './signing-secret.entity';

export { Notification, NotificationBatch, NotificationPreference, Reminder, SigningSecret };
export const NOTIFICATION_ENTITIES = [Notification, NotificationBatch, NotificationPreference, Reminder, SigningSecret];
