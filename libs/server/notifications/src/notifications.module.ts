import { Module, OnModuleInit } from '@nestjs/common';
import { EMAIL_SEND_JOB, MailModule } from '@alliance/server-mail';
import { JobHandlerRegistry, QueueName } from '@alliance/server-queue';
import { DigestService } from './digest.service';
import { EmailSendJob } from './jobs/email-send.job';
import { FanoutJob } from './jobs/fanout.job';
import { DIGEST_DAILY_JOB, DIGEST_WEEKLY_JOB, NOTIFICATION_FANOUT_JOB, REMINDER_FIRE_JOB } from './notifications.constants';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { ReminderService } from './reminder.service';
import { SigningSecrets } from './signing-secrets.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeTokens } from './unsubscribe-tokens';
import { IdentityModule } from '@alliance/server-identity';
import { NotificationsPersonalData } from './personal-data';

/**
 * Notifications: notify() for other domains, the fan-out, e-mail, digest and reminder jobs, the
 * notification centre's GraphQL and the unsubscribe endpoint. Needs the global QueueModule.
 * The resolver and controller only answer where GraphQL/HTTP exist (the api).
 */
@Module({
  imports: [MailModule, IdentityModule],
  providers: [NotificationsPersonalData, SigningSecrets, UnsubscribeTokens, NotificationsService, ReminderService, DigestService, EmailSendJob, FanoutJob, NotificationsResolver],
  controllers: [UnsubscribeController],
  exports: [NotificationsService, ReminderService, DigestService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly emailSend: EmailSendJob,
    private readonly fanout: FanoutJob,
    private readonly reminders: ReminderService,
    private readonly digests: DigestService,
  ) {}

  onModuleInit(): void {
    this.registry.register(QueueName.Notifications, EMAIL_SEND_JOB, this.emailSend.handle);
    this.registry.register(QueueName.Notifications, NOTIFICATION_FANOUT_JOB, this.fanout.handle);
    this.registry.register(QueueName.Notifications, REMINDER_FIRE_JOB, this.reminders.fire);
    // 11:00 UTC is early morning across Latin America and the Caribbean (05:00-08:00 local).
    this.registry.registerScheduled({ queue: QueueName.Notifications, jobName: DIGEST_DAILY_JOB, hourUtc: 11, minuteUtc: 0 }, async () => {
      await this.digests.run('daily');
    });
    this.registry.registerScheduled({ queue: QueueName.Notifications, jobName: DIGEST_WEEKLY_JOB, hourUtc: 11, minuteUtc: 0, weekday: 1 }, async () => {
      await this.digests.run('weekly');
    });
  }
}
