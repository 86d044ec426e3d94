import { renderMarkdown } from './markdown';
import { videoEmbedUrl } from './learning-input';
import { pickLocalized, localizedFromList, localizedSchema, localizedToList } from '@alliance/server-graphql';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    const html = renderMarkdown('# Título\n\n**Liderazgo** y _gestión_\n\n- uno\n- dos');
    expect(html).toContain('<h2>Título</h2>');
    expect(html).toContain('<strong>Liderazgo</strong>');
    expect(html).toContain('<li>uno</li>');
  });

  it('removes scripts, iframes, styles and event handlers', () => {
    const html = renderMarkdown(
      'Hola <script>alert(1)</script><iframe src="https://evil.example"></iframe><img src="https://x.example/a.png" onerror="alert(2)"><div style="color:red" onclick="x()">texto</div>',
    );
    expect(html).not.toMatch(/<script|<iframe|onerror|onclick|style=/i);
    expect(html).toContain('texto');
  });

  it('drops javascript: links and adds rel to the others', () => {
    expect(renderMarkdown('[malo](javascript:alert(1))')).not.toContain('javascript:');
    const html = renderMarkdown('[Unesco](https://www.unesco.org)');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('href="https://www.unesco.org"');
  });
});

describe('videoEmbedUrl', () => {
  it('embeds allow-listed hosts through their players', () => {
    expect(videoEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
  });
  it('refuses other hosts and plain http', () => {
    expect(videoEmbedUrl('https://evil.example/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(videoEmbedUrl('http://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBeNull();
    expect(videoEmbedUrl('https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ')).toBeNull();
  });
});

describe('localized text', () => {
  it('picks the reader language, then es, en, pt, fr', () => {
    expect(pickLocalized({ es: 'Hola', pt: 'Olá' }, 'pt')).toBe('Olá');
    expect(pickLocalized({ en: 'Hello', pt: 'Olá' }, 'fr')).toBe('Hello');
    expect(pickLocalized({ fr: 'Bonjour' }, 'es')).toBe('Bonjour');
    expect(pickLocalized({}, 'es')).toBe('');
  });
  it('converts between the list and the stored shape', () => {
    expect(localizedFromList([{ locale: 'pt', value: 'Olá' }, { locale: 'es', value: 'Hola' }])).toEqual({ pt: 'Olá', es: 'Hola' });
    expect(localizedToList({ pt: 'Olá', es: 'Hola' })).toEqual([{ locale: 'es', value: 'Hola' }, { locale: 'pt', value: 'Olá' }]);
  });
  it('validates: at least one language, max length, known locales, no duplicates', () => {
    const schema = localizedSchema(5, { namespace: 'learning' });
    expect(schema.safeParse([{ locale: 'es', value: '  ' }]).success).toBe(false);
    expect(schema.safeParse([{ locale: 'es', value: 'demasiado' }]).success).toBe(false);
    expect(schema.safeParse([{ locale: 'de', value: 'Hallo' }]).success).toBe(false);
    expect(schema.safeParse([{ locale: 'es', value: 'a' }, { locale: 'es', value: 'b' }]).success).toBe(false);
    expect(schema.parse([{ locale: 'es', value: ' Hola ' }, { locale: 'pt', value: '' }])).toEqual({ es: 'Hola' });
    expect(localizedSchema(5, { namespace: 'learning', optional: true }).parse(null)).toEqual({});
  });
});
