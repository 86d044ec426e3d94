import { Controller, Get, Header, Inject, NotFoundException, Param, StreamableFile } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { MailService } from './mail.service';
import type { MailboxEntry } from './mailbox';

/**
 * Development mailbox over the .eml files: the web app's dev mail page and the browser tests read
 * verification links here. MailModule registers it only outside production, and it refuses to
 * answer in production anyway.
 */
@Controller('api/dev/mail')
export class DevMailController {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  async list(): Promise<MailboxEntry[]> {
    this.refuseInProduction();
    return this.mail.mailbox.list();
  }

  @Get(':id')
  @Header('Cache-Control', 'no-store')
  async raw(@Param('id') id: string): Promise<StreamableFile> {
    this.refuseInProduction();
    const raw = await this.mail.mailbox.raw(id);
    if (!raw) throw new NotFoundException();
    return new StreamableFile(raw, { type: 'message/rfc822', disposition: `inline; filename="${id}.eml"` });
  }

  private refuseInProduction(): void {
    if (this.config.isProduction) throw new NotFoundException();
  }
}
