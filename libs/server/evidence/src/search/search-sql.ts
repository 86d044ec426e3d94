/**
 * SQL building blocks of the evidence search, kept apart from the service so the benchmark and
 * the tests exercise exactly the statements the API runs.
 */
import { LOCALES, type Locale } from '@alliance/shared-core';
import { TEXT_SEARCH_CONFIG, UNACCENT_CONFIG } from '../evidence.constants';

/** Private-use characters mark highlights inside ts_headline output; real text never needs them. */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';

/** Only this many of the most recently published matches are ranked (ts_rank_cd reads every vector). */
export const RANKED_CANDIDATES = 1000;

/** Weight of a text in the reader's own language against the same score in another language. */
export const READER_LOCALE_BOOST = 1.5;

/** Collects positional parameters so fragments can be assembled in any order. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * One constant tsquery that ORs the query parsed by each portal language's stemmer and by the
 * unaccented configuration, so "evaluaciones", "evaluacion" and "évaluation" all reach the index.
 */
export function tsQuerySql(queryParam: string): string {
  const configs = [...LOCALES.map((l) => TEXT_SEARCH_CONFIG[l]), UNACCENT_CONFIG];
  return `(${configs.map((c) => `websearch_to_tsquery('${c}', ${queryParam}::text)`).join(' || ')})`;
}

/** The text search configuration of a text row's locale (for ts_headline). */
export function nativeConfigSql(localeColumn: string): string {
  const cases = LOCALES.map((l) => `WHEN '${l}' THEN '${TEXT_SEARCH_CONFIG[l]}'`).join(' ');
  return `(CASE ${localeColumn} ${cases} ELSE '${UNACCENT_CONFIG}' END)::regconfig`;
}

/** How texts match and how a matching text scores: full text, or trigram similarity of titles. */
export interface Matcher {
  /** Condition on evidence_texts aliased `t`. */
  matches(t: string): string;
  /** Score of a matching text (higher is better). */
  score(t: string): string;
  /** Whether the hit's title and abstract can be highlighted. */
  highlights: boolean;
  tsQuery?: string;
}

export function fullTextMatcher(params: SqlParams, query: string): Matcher {
  const tsQuery = tsQuerySql(params.add(query));
  return {
    tsQuery,
    highlights: true,
    matches: (t) => `${t}.search @@ ${tsQuery}`,
    score: (t) => `ts_rank_cd(${t}.search, ${tsQuery})`,
  };
}

/**
 * Typo tolerance: the query is similar to a run of words of a title (`%>` uses the trigram index;
 * pg_trgm.word_similarity_threshold, 0.6 by default, decides how similar).
 */
export function trigramMatcher(params: SqlParams, query: string): Matcher {
  const q = `lower(unaccent(${params.add(query)}::text))`;
  return {
    highlights: false,
    matches: (t) => `${t}.plain %> ${q}`,
    score: (t) => `word_similarity(${q}, ${t}.plain)`,
  };
}

export interface FilterValues {
  types: string[];
  countryCodes: string[];
  focusAreaIds: string[];
  languages: string[];
  years: number[];
  licences: string[];
}

export type FacetName = 'types' | 'countries' | 'focusAreas' | 'languages' | 'years' | 'licences';
export const FACETS: readonly FacetName[] = ['types', 'countries', 'focusAreas', 'languages', 'years', 'licences'];

/** Each active filter as a condition on evidence_items aliased `i`, keyed by its facet. */
export function filterConditions(params: SqlParams, f: FilterValues, i = 'i'): Partial<Record<FacetName, string>> {
  const out: Partial<Record<FacetName, string>> = {};
  if (f.types.length) out.types = `${i}.type = ANY(${params.add(f.types)}::text[])`;
  if (f.countryCodes.length) {
    out.countries = `EXISTS (SELECT 1 FROM evidence_item_countries fc WHERE fc.item_id = ${i}.id AND fc.country_code = ANY(${params.add(f.countryCodes)}::text[]))`;
  }
  if (f.focusAreaIds.length) {
    out.focusAreas = `EXISTS (SELECT 1 FROM evidence_item_focus_areas ff WHERE ff.item_id = ${i}.id AND ff.focus_area_id = ANY(${params.add(f.focusAreaIds)}::uuid[]))`;
  }
  if (f.languages.length) out.languages = `${i}.language = ANY(${params.add(f.languages)}::text[])`;
  if (f.years.length) out.years = `${i}.year = ANY(${params.add(f.years)}::int[])`;
  if (f.licences.length) out.licences = `${i}.licence = ANY(${params.add(f.licences)}::text[])`;
  return out;
}

const and = (parts: Array<string | undefined>): string => parts.filter((p): p is string => !!p).join(' AND ') || 'TRUE';

export interface SearchSqlOptions {
  visible: string;
  matcher: Matcher | null;
  filters: Partial<Record<FacetName, string>>;
  sort: 'RELEVANCE' | 'NEWEST' | 'YEAR';
  locale: Locale;
  offset: number;
  limit: number;
}

/**
 * The page of hits: matching items ordered, then for each the best text (the reader's language wins
 * ties) with its highlighted title and abstract excerpt.
 *
 * RELEVANCE ranks only the RANKED_CANDIDATES most recently published matches; anything beyond
 * them follows in publication order, so deep pages still reach every match exactly once.
 */
export function hitsSql(params: SqlParams, o: SearchSqlOptions): string {
  const m = o.matcher;
  const where = and([o.visible, m ? `EXISTS (SELECT 1 FROM evidence_texts mt WHERE mt.item_id = i.id AND ${m.matches('mt')})` : undefined, ...FACETS.map((f) => o.filters[f])]);
  const loc = `${params.add(o.locale)}::text`;
  const offset = `${params.add(o.offset)}::int`;
  const limit = `${params.add(o.limit)}::int`;
  const boost = (t: string) => `(CASE WHEN ${t}.locale = ${loc} THEN ${READER_LOCALE_BOOST} ELSE 1 END)`;

  let page: string;
  if (m && o.sort === 'RELEVANCE') {
    const candidates = `${params.add(RANKED_CANDIDATES)}::int`;
    page = `
      matched AS (SELECT i.id, i.published_at FROM evidence_items i WHERE ${where}),
      candidates AS (SELECT id, published_at FROM matched ORDER BY published_at DESC, id DESC LIMIT ${candidates}),
      ranked AS (
        SELECT c.id, c.published_at, max(${m.score('rt')} * ${boost('rt')}) AS rank
        FROM candidates c JOIN evidence_texts rt ON rt.item_id = c.id AND ${m.matches('rt')}
        GROUP BY c.id, c.published_at
      ),
      ordered AS (
        SELECT id, 0 AS bucket, rank, published_at FROM ranked
        UNION ALL
        (SELECT id, 1, 0, published_at FROM matched ORDER BY published_at DESC, id DESC OFFSET ${candidates} LIMIT greatest(0, ${offset} + ${limit} - ${candidates}))
      ),
      page AS (
        SELECT id, row_number() OVER (ORDER BY bucket, rank DESC, published_at DESC, id DESC) AS ord
        FROM ordered ORDER BY bucket, rank DESC, published_at DESC, id DESC OFFSET ${offset} LIMIT ${limit}
      )`;
  } else {
    const order = o.sort === 'YEAR' ? 'i.year DESC, i.published_at DESC, i.id DESC' : 'i.published_at DESC, i.id DESC';
    page = `
      page AS (
        SELECT i.id, row_number() OVER (ORDER BY ${order}) AS ord
        FROM evidence_items i WHERE ${where} ORDER BY ${order} OFFSET ${offset} LIMIT ${limit}
      )`;
  }

  // Sentinels are stripped from the stored text first so only ts_headline's marks remain.
  const strip = (col: string) => `translate(${col}, E'\\uE000\\uE001', '')`;
  const opts = (extra: string) => `'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, ${extra}'`;
  const titleOpts = opts('HighlightAll=true');
  const abstractOpts = opts('MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "');
  // The native configuration highlights stems ("evaluaciones" -> "evaluación"), the unaccented one
  // accent-free spellings ("educacion" -> "educación"); the headline with more highlights wins.
  const marks = (h: string) => `(length(${h}) - length(replace(${h}, E'\\uE000', '')))`;
  const headline = (col: string, options: string) =>
    m?.highlights && m.tsQuery
      ? `(SELECT CASE WHEN ${marks('h.folded')} > ${marks('h.native')} THEN h.folded ELSE h.native END FROM (SELECT
            ts_headline(${nativeConfigSql('bt.locale')}, ${strip(col)}, ${m.tsQuery}, ${options}) AS native,
            ts_headline('${UNACCENT_CONFIG}', ${strip(col)}, ${m.tsQuery}, ${options}) AS folded) h)`
      : strip(col);

  const bestText = m
    ? `SELECT bt.locale, ${headline('bt.title', titleOpts)} AS title, ${headline('bt.abstract', abstractOpts)} AS snippet
       FROM evidence_texts bt WHERE bt.item_id = p.id AND ${m.matches('bt')}
       ORDER BY ${m.score('bt')} * ${boost('bt')} DESC, bt.locale = ${loc} DESC, bt.original DESC LIMIT 1`
    : `SELECT bt.locale, ${strip('bt.title')} AS title, ${strip('bt.abstract')} AS snippet
       FROM evidence_texts bt WHERE bt.item_id = p.id
       ORDER BY bt.locale = ${loc} DESC, bt.original DESC LIMIT 1`;

  return `WITH ${page}
    SELECT p.id, b.locale, b.title, b.snippet
    FROM page p LEFT JOIN LATERAL (${bestText}) b ON TRUE
    ORDER BY p.ord`;
}

/**
 * Exact total and every facet's counts in one statement. The matching, visible items are computed
 * once; each facet then counts them with every filter except its own (drill-down), and `total`
 * applies them all.
 */
export function countsSql(o: Pick<SearchSqlOptions, 'visible' | 'matcher' | 'filters' | 'locale'>): string {
  const m = o.matcher;
  const flags = FACETS.filter((f) => o.filters[f]);
  const base = `base AS MATERIALIZED (
    SELECT i.id, i.type, i.language, i.year, i.licence${flags.map((f) => `, (${o.filters[f]}) AS ok_${f}`).join('')}
    FROM evidence_items i
    WHERE ${and([o.visible, m ? `EXISTS (SELECT 1 FROM evidence_texts mt WHERE mt.item_id = i.id AND ${m.matches('mt')})` : undefined])}
  )`;
  const except = (facet: FacetName | null) => and(flags.filter((f) => f !== facet).map((f) => `b.ok_${f}`));
  const name = `name_${o.locale}`; // o.locale is one of LOCALES, never user text
  const parts = [
    `SELECT 'total' AS facet, '' AS value, count(*)::int AS count, NULL::text AS label FROM base b WHERE ${except(null)}`,
    `SELECT 'types', b.type, count(*)::int, NULL FROM base b WHERE ${except('types')} GROUP BY b.type`,
    `SELECT 'countries', c.country_code, count(*)::int, min(ac.${name}) FROM base b
       JOIN evidence_item_countries c ON c.item_id = b.id LEFT JOIN alliance_countries ac ON ac.code = c.country_code
       WHERE ${except('countries')} GROUP BY c.country_code`,
    `SELECT 'focusAreas', fa.focus_area_id::text, count(*)::int, min(af.${name}) FROM base b
       JOIN evidence_item_focus_areas fa ON fa.item_id = b.id LEFT JOIN alliance_focus_areas af ON af.id = fa.focus_area_id
       WHERE ${except('focusAreas')} GROUP BY fa.focus_area_id`,
    `SELECT 'languages', b.language, count(*)::int, NULL FROM base b WHERE ${except('languages')} GROUP BY b.language`,
    `SELECT 'years', b.year::text, count(*)::int, NULL FROM base b WHERE ${except('years')} GROUP BY b.year`,
    `SELECT 'licences', b.licence, count(*)::int, NULL FROM base b WHERE ${except('licences')} GROUP BY b.licence`,
  ];
  return `WITH ${base}\n${parts.join('\nUNION ALL\n')}`;
}

/** Splits ts_headline output at the sentinels into highlighted and plain runs (adjacent equal runs merged). */
export function splitRuns(marked: string): Array<{ text: string; highlighted: boolean }> {
  const runs: Array<{ text: string; highlighted: boolean }> = [];
  let highlighted = false;
  let buffer = '';
  const flush = () => {
    if (!buffer) return;
    const last = runs[runs.length - 1];
    if (last && last.highlighted === highlighted) last.text += buffer;
    else runs.push({ text: buffer, highlighted });
    buffer = '';
  };
  for (const ch of marked) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_STOP) {
      flush();
      highlighted = ch === HIGHLIGHT_START;
    } else {
      buffer += ch;
    }
  }
  flush();
  return runs;
}
