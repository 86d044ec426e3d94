import path from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import type { EmailTemplate } from './entities/outgoing-email.entity';
import { FileMailbox } from './mailbox';
import { extractLinks, renderEmail } from './render';

export interface MailMessage {
  to: string;
  toName?: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface TemplateEmail {
  to: string;
  toName: string;
  locale: string;
  template: EmailTemplate;
  params: Record<string, string | number>;
}

export interface SendResult {
  messageId: string;
  /** Id in the development mailbox when the message was written to a file instead of sent. */
  mailboxId?: string;
}

type MailConfig = Pick<AppConfig, 'SMTP_URL' | 'MAIL_FROM' | 'dataDir'>;

/**
 * Sends e-mail with nodemailer: by SMTP when SMTP_URL is set, otherwise as .eml files under
 * `<dataDir>/mail/` (read by the dev mailbox), so development needs no mail server.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly smtp?: Transporter;
  private readonly fileTransport?: Transporter;
  readonly mailbox: FileMailbox;

  constructor(@Inject(APP_CONFIG) private readonly config: MailConfig) {
    this.mailbox = new FileMailbox(path.join(config.dataDir, 'mail'));
    if (config.SMTP_URL) this.smtp = nodemailer.createTransport(config.SMTP_URL);
    else this.fileTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get mode(): 'smtp' | 'file' {
    return this.smtp ? 'smtp' : 'file';
  }

  async sendTemplate(email: TemplateEmail): Promise<SendResult> {
    const rendered = renderEmail(email.template, email.locale, email.params);
    return this.send({ to: email.to, toName: email.toName, ...rendered });
  }

  async send(message: MailMessage): Promise<SendResult> {
    const mail = {
      from: this.config.MAIL_FROM,
      to: message.toName ? { name: message.toName, address: message.to } : message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.headers ? { headers: message.headers } : {}),
    };
    if (this.smtp) {
      const info = await this.smtp.sendMail(mail);
      return { messageId: String(info.messageId) };
    }
    const info = await this.fileTransport!.sendMail(mail);
    const raw = info.message as unknown;
    if (!Buffer.isBuffer(raw)) throw new Error('The file mail transport did not return the message');
    const mailboxId = await this.mailbox.write(raw, {
      to: message.toName ? `${message.toName} <${message.to}>` : message.to,
      subject: message.subject,
      date: new Date().toISOString(),
      text: message.text,
      links: extractLinks(message.text),
    });
    this.logger.log(`E-mail "${message.subject}" written to ${path.join(this.mailbox.dir, `${mailboxId}.eml`)}`);
    return { messageId: String(info.messageId), mailboxId };
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
    this.fileTransport?.close();
  }
}
