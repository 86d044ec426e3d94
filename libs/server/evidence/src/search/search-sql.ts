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

/** Weight of an item available in the reader's language against the same score in another language. */
export const READER_LOCALE_BOOST = 1.5;

/**
 * One row per published item (see the EvidenceSearchDocuments migration): facets, visibility and
 * all its texts' vectors together, maintained by triggers. Searches match, filter, count and
 * rank here; evidence_texts is read only for the page's highlights.
 */
export const SEARCH_DOCUMENTS = 'evidence_search_documents';

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

/** How items match and how a match scores. */
export interface Matcher {
  /** Condition on a search document aliased `d`. */
  matches(d: string): string;
  /** Score of a matching document (higher is better). */
  score(d: string): string;
  /** Condition on an evidence_texts row aliased `t`: which of the item's texts matched. */
  textMatches(t: string): string;
  /** Score of a matching text, to pick the one a hit shows. */
  textScore(t: string): string;
  tsQuery: string;
}

function tsQueryMatcher(tsQuery: string): Matcher {
  return {
    tsQuery,
    matches: (d) => `${d}.document @@ ${tsQuery}`,
    score: (d) => `ts_rank_cd(${d}.document, ${tsQuery})`,
    textMatches: (t) => `${t}.search @@ ${tsQuery}`,
    textScore: (t) => `ts_rank_cd(${t}.search, ${tsQuery})`,
  };
}

export function fullTextMatcher(params: SqlParams, query: string): Matcher {
  return tsQueryMatcher(tsQuerySql(params.add(query)));
}

/** Query words shorter than this are kept as typed: too few trigrams to compare. */
export const CORRECTION_MIN_LENGTH = 3;
/** Known words at least this similar (pg_trgm similarity, 0-1) replace a query word: one wrong letter in a word of six or more. */
export const CORRECTION_MIN_SIMILARITY = 0.5;
/** At most this many replacements per query word, the most similar first. */
export const CORRECTIONS_PER_WORD = 5;

/**
 * Typo tolerance: the query parsed without stemming (`tsquery`, operators kept) and each of its
 * words with the published words most like it. `%` uses the trigram index of evidence_search_words.
 */
export function correctionsSql(queryParam: string): string {
  return `SELECT websearch_to_tsquery('${UNACCENT_CONFIG}', ${queryParam}::text)::text AS tsquery,
      coalesce(json_agg(json_build_object('word', q.word, 'similar', ARRAY(
        SELECT w.word FROM evidence_search_words w
        WHERE length(q.word) >= ${CORRECTION_MIN_LENGTH} AND w.word % q.word AND similarity(w.word, q.word) >= ${CORRECTION_MIN_SIMILARITY}
        ORDER BY similarity(w.word, q.word) DESC, w.word LIMIT ${CORRECTIONS_PER_WORD}
      ))), '[]') AS words
    FROM (SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('${UNACCENT_CONFIG}', ${queryParam}::text))) AS word) q`;
}

export interface Corrections {
  tsquery: string;
  words: Array<{ word: string; similar: string[] }>;
}

/**
 * The query's tsquery with every wanted word replaced by its corrections ("'evaluacon' & !'x'" ->
 * "('evaluacion' | 'evaluacao') & !'x'"): excluded words stay as typed. Null when a wanted word is
 * like nothing published.
 */
export function correctedTsQueryText({ tsquery, words }: Corrections): string | null {
  const similar = new Map(words.map((w) => [w.word, w.similar]));
  const quote = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  let unknown = false;
  const corrected = tsquery.replace(/(!\s*)?'((?:[^']|'')*)'/g, (token, negation: string | undefined, quoted: string) => {
    const word = quoted.replace(/''/g, "'");
    if (negation || word.length < CORRECTION_MIN_LENGTH) return token;
    const options = similar.get(word) ?? [];
    if (!options.length) unknown = true;
    return options.length === 1 ? quote(options[0]) : `(${options.map(quote).join(' | ')})`;
  });
  return unknown || !corrected.trim() ? null : corrected;
}

/** Matches the corrected words in the unaccented half of the documents (titles and abstracts). */
export function correctedMatcher(params: SqlParams, tsQueryText: string): Matcher {
  return tsQueryMatcher(`to_tsquery('${UNACCENT_CONFIG}', ${params.add(tsQueryText)}::text)`);
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

/** Each active filter as a condition on a search document aliased `d`, keyed by its facet. */
export function filterConditions(params: SqlParams, f: FilterValues, d = 'd'): Partial<Record<FacetName, string>> {
  const out: Partial<Record<FacetName, string>> = {};
  if (f.types.length) out.types = `${d}.type = ANY(${params.add(f.types)}::text[])`;
  if (f.countryCodes.length) out.countries = `${d}.country_codes && ${params.add(f.countryCodes)}::varchar[]`;
  if (f.focusAreaIds.length) out.focusAreas = `${d}.focus_area_ids && ${params.add(f.focusAreaIds)}::uuid[]`;
  if (f.languages.length) out.languages = `${d}.language = ANY(${params.add(f.languages)}::text[])`;
  if (f.years.length) out.years = `${d}.year = ANY(${params.add(f.years)}::int[])`;
  if (f.licences.length) out.licences = `${d}.licence = ANY(${params.add(f.licences)}::text[])`;
  return out;
}

const and = (parts: Array<string | undefined>): string => parts.filter((p): p is string => !!p).join(' AND ') || 'TRUE';

export interface SearchSqlOptions {
  /** Condition on a search document aliased `d`: the viewer may see it. */
  visible: string;
  matcher: Matcher | null;
  filters: Partial<Record<FacetName, string>>;
  sort: 'RELEVANCE' | 'NEWEST' | 'YEAR';
  locale: Locale;
  offset: number;
  limit: number;
  /** The total from countsSql: picks how candidates are collected. */
  expectedMatches: number;
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
  const where = and([o.visible, m?.matches('d'), ...FACETS.map((f) => o.filters[f])]);
  const loc = `${params.add(o.locale)}::text`;
  const offset = `${params.add(o.offset)}::int`;
  const limit = `${params.add(o.limit)}::int`;

  let page: string;
  if (m && o.sort === 'RELEVANCE') {
    const candidates = `${params.add(RANKED_CANDIDATES)}::int`;
    const boost = `(CASE WHEN ${loc} = ANY(c.locales) THEN ${READER_LOCALE_BOOST} ELSE 1 END)`;
    // The score is computed over the candidates only: in the same SELECT as the LIMIT it would
    // run for every match before the cut.
    // Few matches: collect them all through the index, then sort. Many: walk the newest first,
    // which finds the candidates after a few thousand rows (the planner misjudges OR-ed tsqueries
    // and would otherwise walk every document for a rare word).
    const newest = o.expectedMatches > RANKED_CANDIDATES * 5
      ? `SELECT d.item_id, d.published_at, d.locales, d.document FROM ${SEARCH_DOCUMENTS} d WHERE ${where}`
      : `SELECT * FROM (SELECT d.item_id, d.published_at, d.locales, d.document FROM ${SEARCH_DOCUMENTS} d WHERE ${where} OFFSET 0) d`;
    page = `
      candidates AS MATERIALIZED (${newest} ORDER BY d.published_at DESC, d.item_id DESC LIMIT ${candidates}),
      ordered AS (
        SELECT c.item_id, 0 AS bucket, ${m.score('c')} * ${boost} AS rank, c.published_at FROM candidates c
        UNION ALL
        (SELECT d.item_id, 1, 0, d.published_at FROM ${SEARCH_DOCUMENTS} d WHERE ${where}
         ORDER BY d.published_at DESC, d.item_id DESC OFFSET ${candidates} LIMIT greatest(0, ${offset} + ${limit} - ${candidates}))
      ),
      page AS (
        SELECT item_id AS id, row_number() OVER (ORDER BY bucket, rank DESC, published_at DESC, item_id DESC) AS ord
        FROM ordered ORDER BY bucket, rank DESC, published_at DESC, item_id DESC OFFSET ${offset} LIMIT ${limit}
      )`;
  } else {
    const order = o.sort === 'YEAR' ? 'd.year DESC, d.published_at DESC, d.item_id DESC' : 'd.published_at DESC, d.item_id DESC';
    page = `
      page AS (
        SELECT d.item_id AS id, row_number() OVER (ORDER BY ${order}) AS ord
        FROM ${SEARCH_DOCUMENTS} d WHERE ${where} ORDER BY ${order} OFFSET ${offset} LIMIT ${limit}
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
    m
      ? `(SELECT CASE WHEN ${marks('h.folded')} > ${marks('h.native')} THEN h.folded ELSE h.native END FROM (SELECT
            ts_headline(${nativeConfigSql('bt.locale')}, ${strip(col)}, ${m.tsQuery}, ${options}) AS native,
            ts_headline('${UNACCENT_CONFIG}', ${strip(col)}, ${m.tsQuery}, ${options}) AS folded) h)`
      : strip(col);

  const textBoost = `(CASE WHEN bt.locale = ${loc} THEN ${READER_LOCALE_BOOST} ELSE 1 END)`;
  const bestText = m
    ? `SELECT bt.locale, ${headline('bt.title', titleOpts)} AS title, ${headline('bt.abstract', abstractOpts)} AS snippet
       FROM evidence_texts bt WHERE bt.item_id = p.id AND ${m.textMatches('bt')}
       ORDER BY ${m.textScore('bt')} * ${textBoost} DESC, bt.locale = ${loc} DESC, bt.original DESC LIMIT 1`
    : `SELECT bt.locale, ${strip('bt.title')} AS title, ${strip('bt.abstract')} AS snippet
       FROM evidence_texts bt WHERE bt.item_id = p.id
       ORDER BY bt.locale = ${loc} DESC, bt.original DESC LIMIT 1`;

  return `WITH ${page}
    SELECT p.id, b.locale, b.title, b.snippet
    FROM page p LEFT JOIN LATERAL (${bestText}) b ON TRUE
    ORDER BY p.ord`;
}

/**
 * Exact total and every facet's counts in one statement. The matching, visible documents are read
 * once; each facet then counts them with every filter except its own (drill-down), and `total`
 * applies them all. The single-valued facets are counted in one pass (grouping sets).
 */
export function countsSql(o: Pick<SearchSqlOptions, 'visible' | 'matcher' | 'filters' | 'locale'>): string {
  const m = o.matcher;
  const flags = FACETS.filter((f) => o.filters[f]);
  const base = `base AS MATERIALIZED (
    SELECT d.type, d.language, d.year, d.licence, d.country_codes, d.focus_area_ids${flags.map((f) => `, (${o.filters[f]}) AS ok_${f}`).join('')}
    FROM ${SEARCH_DOCUMENTS} d
    WHERE ${and([o.visible, m?.matches('d')])}
  )`;
  const except = (facet: FacetName | null) => and(flags.filter((f) => f !== facet).map((f) => `b.ok_${f}`));
  const name = `name_${o.locale}`; // o.locale is one of LOCALES, never user text
  const single: Array<[FacetName, string]> = [
    ['types', 'b.type'],
    ['languages', 'b.language'],
    ['years', 'b.year'],
    ['licences', 'b.licence'],
  ];
  const groupedFacet = `CASE ${single.map(([f, col]) => `WHEN GROUPING(${col}) = 0 THEN '${f}'`).join(' ')} ELSE 'total' END`;
  const groupedValue = `coalesce(${single.map(([, col]) => `${col}::text`).join(', ')}, '')`;
  const groupedCount = `CASE ${single.map(([f, col]) => `WHEN GROUPING(${col}) = 0 THEN count(*) FILTER (WHERE ${except(f)})`).join(' ')} ELSE count(*) FILTER (WHERE ${except(null)}) END`;
  const parts = [
    `SELECT facet, value, count::int, NULL::text AS label FROM (
       SELECT ${groupedFacet} AS facet, ${groupedValue} AS value, ${groupedCount} AS count
       FROM base b GROUP BY GROUPING SETS (${single.map(([, col]) => `(${col})`).join(', ')}, ())
     ) g WHERE count > 0 OR facet = 'total'`,
    `SELECT 'countries', c.code, c.n, ac.${name} FROM (
       SELECT code::text, count(*)::int AS n FROM base b CROSS JOIN LATERAL unnest(b.country_codes) code WHERE ${except('countries')} GROUP BY code
     ) c LEFT JOIN alliance_countries ac ON ac.code = c.code`,
    `SELECT 'focusAreas', f.id::text, f.n, af.${name} FROM (
       SELECT id, count(*)::int AS n FROM base b CROSS JOIN LATERAL unnest(b.focus_area_ids) id WHERE ${except('focusAreas')} GROUP BY id
     ) f LEFT JOIN alliance_focus_areas af ON af.id = f.id`,
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
