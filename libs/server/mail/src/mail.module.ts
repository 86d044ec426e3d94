import { Module } from '@nestjs/common';
import { DevMailController } from './dev-mail.controller';
import { MailOutbox } from './mail-outbox.service';
import { MailService } from './mail.service';

// Decided when the app loads: production never even routes to the dev mailbox.
const devControllers = process.env.NODE_ENV === 'production' ? [] : [DevMailController];

/** E-mail: MailOutbox to queue messages, MailService to send them, and the dev mailbox. */
@Module({
  controllers: devControllers,
  providers: [MailService, MailOutbox],
  exports: [MailService, MailOutbox],
})
export class MailModule {}
