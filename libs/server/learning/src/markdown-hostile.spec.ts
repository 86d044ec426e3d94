import fc from 'fast-check';
import { renderMarkdown } from './markdown';

// renderMarkdown is the one place user text becomes HTML: lessons, a table's purpose and agenda, a
// group's mandate, meeting agendas and notes, forum posts and their edit history all go through it
// (the evidence bank's snippets are text runs, never HTML). These cases are the usual XSS payloads.

const TAGS = new Set(['p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub']);
const ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'title', 'rel', 'target']),
  img: new Set(['src', 'alt', 'title']),
  th: new Set(['align']),
  td: new Set(['align']),
  code: new Set(['class']),
  ol: new Set(['start']),
};

/**
 * Everything wrong with a rendered HTML string: any markup outside the allow-list, any attribute
 * outside the tag's list, any link or image address with a scheme other than http(s)/mailto (https
 * for images).
 * sanitize-html writes every attribute double-quoted with its quotes and brackets escaped, so a
 * literal "<" can only open one of its own tags.
 */
function problems(html: string): string[] {
  const found: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g;
  let last = 0;
  for (const match of html.matchAll(tag)) {
    const between = html.slice(last, match.index);
    if (between.includes('<')) found.push(`stray markup: ${between}`);
    last = match.index! + match[0].length;
    const name = match[2].toLowerCase();
    if (!TAGS.has(name)) found.push(`tag ${name}`);
    if (match[1]) continue;
    for (const attribute of match[3].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      const attr = attribute[1].toLowerCase();
      const value = (attribute[2] ?? '').replace(/&amp;/g, '&').replace(/&#x?[0-9a-f]+;/gi, '');
      if (!ATTRIBUTES[name]?.has(attr)) found.push(`attribute ${name}.${attr}`);
      // As a browser reads it (control characters and spaces dropped): relative addresses stay on
      // this origin; protocol-relative ones would not.
      // eslint-disable-next-line no-control-regex
      const url = value.replace(/[\u0000-\u0020]/g, '');
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
      const allowed = attr === 'src' ? ['https'] : ['http', 'https', 'mailto'];
      if ((attr === 'href' || attr === 'src') && ((scheme && !allowed.includes(scheme)) || url.startsWith('//'))) found.push(`${attr} ${value}`);
      if (attr === 'class' && !/^language-[\w-]+$/.test(value)) found.push(`class ${value}`);
    }
  }
  if (html.slice(last).includes('<')) found.push(`stray markup: ${html.slice(last)}`);
  return found;
}

const HOSTILE: Array<[string, string]> = [
  ['script tag', '<script>alert(1)</script>'],
  ['script tag, mixed case and attributes', '<ScRiPt src="https://evil.example/x.js"></sCrIpT>'],
  ['script in a Markdown code-less paragraph', 'Hola\n\n<script>fetch("/graphql")</script>\n\nadiós'],
  ['javascript: link in Markdown', '[clic](javascript:alert(1))'],
  ['javascript: link with entities', '<a href="jav&#x61;script:alert(1)">x</a>'],
  ['javascript: link with a tab inside', '<a href="java\tscript:alert(1)">x</a>'],
  ['javascript: autolink', '<javascript:alert(1)>'],
  ['vbscript: link', '[x](vbscript:msgbox(1))'],
  ['data: link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['data: image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['http image (mixed content)', '![x](http://evil.example/a.png)'],
  ['javascript: image', '<img src="javascript:alert(1)">'],
  ['onerror on an image', '<img src="https://x.example/a.png" onerror="alert(1)">'],
  ['onclick, onmouseover on allowed tags', '<p onclick="alert(1)">a</p><a href="https://x.example" onmouseover="alert(2)">b</a>'],
  ['event handler without quotes', '<p onclick=alert(1)>a</p>'],
  ['svg with onload', '<svg onload="alert(1)"><circle r="5"/></svg>'],
  ['svg with a script inside', '<svg><script>alert(1)</script></svg>'],
  ['svg use with data:', '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"/></svg>'],
  ['math with a link', '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>'],
  ['iframe with srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['object and embed', '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">'],
  ['form with a javascript: action', '<form action="javascript:alert(1)"><button>ok</button></form>'],
  ['style tag and attribute', '<style>body{background:url(javascript:alert(1))}</style><p style="background:url(x)">a</p>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['base href', '<base href="https://evil.example/">'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['HTML comment trick', '<!--><script>alert(1)</script>-->'],
  ['unclosed attribute', '<img src="https://x.example/a.png" alt="x" onerror="alert(1)'],
  ['nested tags breaking out', '<<script>script>alert(1)<</script>/script>'],
  ['Markdown link title breaking out', '[x](https://x.example "a\\" onmouseover=\\"alert(1)")'],
  ['reference link to javascript:', '[x][r]\n\n[r]: javascript:alert(1)'],
  ['class injection on code', '<code class="language-js x" id="y">a</code>'],
  ['template and noscript', '<template><script>alert(1)</script></template><noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  ['formaction on a button', '<button formaction="javascript:alert(1)">x</button>'],
  ['target and rel forged on a link', '<a href="https://x.example" rel="opener" target="_self">x</a>'],
];

describe('renderMarkdown against hostile input', () => {
  it.each(HOSTILE)('%s: nothing outside the allow-list survives', (_label, input) => {
    const html = renderMarkdown(input);
    expect(problems(html)).toEqual([]);
    expect(html).not.toMatch(/<\s*(script|svg|math|iframe|object|embed|form|style|meta|base|link|template|button)\b/i);
    // Text and attribute values may still read "onerror=" (escaped, inert); problems() checks the
    // attributes themselves.
    expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
  });

  it('keeps the harmless text around a payload', () => {
    expect(renderMarkdown('Antes <script>alert(1)</script> después')).toContain('Antes');
    expect(renderMarkdown('Antes <script>alert(1)</script> después')).toContain('después');
  });

  it('forces rel=noopener noreferrer on every link, whatever the author wrote', () => {
    const html = renderMarkdown('<a href="https://x.example" rel="opener" target="_self">x</a> [y](https://y.example)');
    for (const rel of html.matchAll(/rel="([^"]*)"/g)) expect(rel[1]).toBe('noopener noreferrer');
    expect(html.match(/<a /g)).toHaveLength(2);
  });

  it('never lets markup through, for any mix of payload fragments and text (property)', () => {
    const fragment = fc.constantFrom(
      '<script>', '</script>', '<svg', ' onload=', 'onerror="x"', 'javascript:', 'data:text/html,', '"', "'", '<', '>', '<img src=', '<a href=',
      '[x](', ')', '![y](', '<iframe', '<!--', '-->', '`', '\n\n', '<style>', '&#x61;', '\t', 'https://x.example/', ' ', 'texto',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fragment, fc.string({ maxLength: 8 })), { maxLength: 30 }), (parts) => {
        expect(problems(renderMarkdown(parts.join('')))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
