/**
 * Keys for the duplicate guard, computed in JavaScript and stored beside the original values so
 * the database can index them (and refuse concurrent duplicates with a unique index).
 */

/** Lower case, without diacritics, punctuation or repeated spaces: "Fundación  Educa-Más" -> "fundacion educa mas". */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text a search box holds, normalised like nameKey but keeping it usable inside ILIKE. */
export function searchKey(text: string): string {
  return nameKey(text).replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * The registrable host of a website: lower case, without scheme, "www.", port, path or query.
 * "https://WWW.Educa.org.br/sobre" -> "educa.org.br". Null when it does not look like a host.
 */
export function websiteHost(website: string | null | undefined): string | null {
  if (!website) return null;
  let text = website.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^www\d*\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && !/^xn--/.test(host)) return null;
  return host;
}

/** A URL-safe slug from a name: "Ministerio de Educación de Chile" -> "ministerio-de-educacion-de-chile". */
export function slugify(name: string): string {
  return nameKey(name).replace(/\s+/g, '-').slice(0, 80).replace(/-+$/, '') || 'organisation';
}
