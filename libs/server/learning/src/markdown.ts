import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// One parser for the process; GitHub-flavoured Markdown, no raw HTML trusted (sanitised below).
const parser = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub',
];

/**
 * Markdown written by organisers -> HTML safe to put into the page: no scripts, iframes, styles,
 * event handlers or javascript: links. Headings start at h2 because the lesson title is the h1.
 */
export function renderMarkdown(markdown: string | null | undefined): string {
  if (!markdown) return '';
  const html = parser.parse(markdown) as string;
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'target'],
      img: ['src', 'alt', 'title'],
      th: ['align'],
      td: ['align'],
      code: ['class'],
      ol: ['start'],
    },
    allowedClasses: { code: [/^language-[\w-]+$/] },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...attribs,
          rel: 'noopener noreferrer',
          // Links leaving the site open in a new tab; local links stay in the app.
          ...(attribs.href && /^https?:/i.test(attribs.href) ? { target: '_blank' } : {}),
        },
      }),
    },
  });
}
