export * from './entities/outgoing-email.entity';
export { MailOutbox, EMAIL_SEND_JOB, type QueueEmailRequest, type BulkEmailRequest } from './mail-outbox.service';
export { MailService, type MailMessage, type TemplateEmail, type SendResult } from './mail.service';
export { FileMailbox, type MailboxEntry } from './mailbox';
export { renderEmail, renderMessage, extractLinks, escapeHtml, type RenderedEmail } from './render';
export { DevMailController } from './dev-mail.controller';
export { MailModule } from './mail.module';
