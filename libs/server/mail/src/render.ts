import { translator } from '@alliance/shared-i18n';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@alliance/shared-core';
import type { EmailTemplate } from './entities/outgoing-email.entity';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** Subject, plain text and HTML of a template in one language, from the `email` catalogue. */
export function renderEmail(template: EmailTemplate, locale: string, params: Record<string, string | number>): RenderedEmail {
  const lang: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = translator(lang);
  return renderMessage(lang, String(t(`email:${template}Subject`, params)), String(t(`email:${template}Body`, params)));
}

/**
 * Plain text and HTML of a message whose subject and body are already translated. `footer` (e.g. an
 * unsubscribe notice with its link) goes below the signature.
 */
export function renderMessage(lang: Locale, subject: string, body: string, footer?: string): RenderedEmail {
  const t = translator(lang);
  const signature = String(t('email:signature'));
  const text = `${body}\n\n-- \n${signature}\n${footer ? `\n${footer}\n` : ''}`;
  const paragraphs = body.split(/\n{2,}/).map((p) => `<p>${linkify(p).replace(/\n/g, '<br>\n')}</p>`);
  const html = [
    '<!doctype html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1b1e;">',
    ...paragraphs,
    `<p style="color: #5c5f66; font-size: 14px; border-top: 1px solid #dee2e6; padding-top: 8px;">${escapeHtml(signature)}</p>`,
    ...(footer ? [`<p style="color: #5c5f66; font-size: 12px;">${linkify(footer).replace(/\n/g, '<br>\n')}</p>`] : []),
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** Every http(s) link in a text, in order. */
export function extractLinks(text: string): string[] {
  return text.match(URL_PATTERN) ?? [];
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes the text and turns its links into anchors. */
function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    out += escapeHtml(text.slice(last, index));
    const url = escapeHtml(match[0]);
    out += `<a href="${url}">${url}</a>`;
    last = index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
