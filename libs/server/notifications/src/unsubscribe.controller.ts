import { Controller, Get, Header, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@alliance/server-config';
import { escapeHtml } from '@alliance/server-mail';
import { isLocale, resolveLocale, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { NotificationsService } from './notifications.service';
import { scopeLabel } from './notification-texts';
import { UnsubscribeTokens } from './unsubscribe-tokens';

/**
 * One-click unsubscribe (RFC 8058). GET shows a confirmation page (link scanners that prefetch
 * URLs change nothing); POST to the same URL, from that page or from a mail client's
 * List-Unsubscribe-Post, switches the e-mail off. The token is the only credential.
 */
@Controller('api/notifications/unsubscribe')
export class UnsubscribeController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: UnsubscribeTokens,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async confirm(@Query('token') token: unknown, @Req() req: Request): Promise<string> {
    const scope = await this.tokens.read(token);
    const lang = await this.language(scope?.userId, req);
    const t = translator(lang);
    if (!scope) return this.page(lang, String(t('notifications:unsubscribeInvalid')), '');
    const form = `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(
      String(t('notifications:unsubscribeConfirm')),
    )}</button></form>`;
    return this.page(lang, String(t('notifications:unsubscribeQuestion', { type: scopeLabel(lang, scope.scope) })), form);
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async unsubscribe(@Query('token') token: unknown, @Req() req: Request): Promise<string> {
    const scope = await this.tokens.read(token);
    const lang = await this.language(scope?.userId, req);
    const t = translator(lang);
    if (!scope) {
      req.res?.status(400);
      return this.page(lang, String(t('notifications:unsubscribeInvalid')), '');
    }
    await this.notifications.unsubscribe(scope.userId, scope.scope);
    return this.page(lang, String(t('notifications:unsubscribeDone', { type: scopeLabel(lang, scope.scope) })), '');
  }

  /** The person's own language when the token names them, else the browser's. */
  private async language(userId: string | undefined, req: Request): Promise<Locale> {
    if (userId) {
      const [row] = (await this.dataSource.query(`SELECT preferred_locale FROM users WHERE id = $1`, [userId])) as Array<{ preferred_locale: string }>;
      if (row && isLocale(row.preferred_locale)) return row.preferred_locale;
    }
    return resolveLocale(req.headers['accept-language']);
  }

  private page(lang: Locale, message: string, form: string): string {
    const t = translator(lang);
    const title = escapeHtml(String(t('notifications:unsubscribeTitle')));
    const preferences = `${this.config.publicUrl}/settings/notifications`;
    return [
      '<!doctype html>',
      `<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>`,
      '<style>body{font-family:Arial,Helvetica,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1b1e}button{font-size:1rem;padding:.5rem 1rem}</style>',
      '</head><body><main>',
      `<h1>${title}</h1>`,
      `<p data-testid="unsubscribe-message">${escapeHtml(message)}</p>`,
      form,
      `<p><a href="${escapeHtml(preferences)}">${escapeHtml(String(t('notifications:unsubscribePreferences')))}</a></p>`,
      '</main></body></html>',
    ].join('\n');
  }
}
