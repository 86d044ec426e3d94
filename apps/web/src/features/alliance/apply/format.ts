/** A moment (ISO date-time) as a date and time in the reader's language and time zone. */
export function formatMoment(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** A moment as a date only, in the reader's language and time zone. */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
}

/** A calendar date ("YYYY-MM-DD") in the reader's language; read as UTC so no time zone moves it a day. */
export function formatCalendarDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** Today in the reader's own calendar, as "YYYY-MM-DD" (the format the API takes for focal point dates). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface CharterBlock {
  kind: 'heading' | 'paragraph' | 'item';
  text: string;
}

/**
 * The charter's Markdown as plain blocks: headings, paragraphs and list items, with inline marks
 * (emphasis, code, links) reduced to their text. Nothing is ever injected as HTML, so an
 * administrator's text cannot carry markup or scripts into the page.
 */
export function charterBlocks(markdown: string): CharterBlock[] {
  const inline = (text: string) =>
    text
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(\*|_)(.+?)\1/g, '$2')
      .replace(/`([^`]*)`/g, '$1')
      .trim();
  const blocks: CharterBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: inline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: inline(heading[1]) });
    } else if (item) {
      flush();
      blocks.push({ kind: 'item', text: inline(item[1]) });
    } else paragraph.push(line);
  }
  flush();
  return blocks.filter((block) => block.text.length > 0);
}
