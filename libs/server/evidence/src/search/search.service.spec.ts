import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { appError, UsersService } from '@alliance/server-identity';
import type { Locale } from '@alliance/shared-core';
import type { EvidenceViewer } from '../access';
import { CitationRenderer, cslName } from './citation';
import { splitRuns } from './search-sql';
import { EvidenceSearchService, type EvidenceSearchInput, type EvidenceSearchPage } from './search.service';
import { createSearchTestApp, insertItem, tag, viewer } from './search-testing';
import { EvidenceUsageRegistry } from './usage-registry';

describe('evidence search (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let service: EvidenceSearchService;
  // Every text carries the marker, so queries "<words> <marker>" only see this file's items even
  // though other spec files write to the same database.
  const M = `zq${tag()}`;
  const ids: Record<string, string> = {};
  const fa: string[] = [];
  let anonymous: undefined;
  let outsider: EvidenceViewer;
  let member: EvidenceViewer;
  const saved = { ...process.env };
  const day = 86_400_000;

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '' });
    app = await createSearchTestApp();
    dataSource = app.get<DataSource>(getDataSourceToken());
    service = app.get(EvidenceSearchService);
    const users = app.get(UsersService);
    const submitter = await users.createUser({ name: 'Carmen Villalobos', email: `ev.${tag()}@example.org`, password: 'correct horse battery', countryCode: 'PE', verified: true });
    outsider = viewer(submitter.id, false);
    member = viewer(submitter.id, true);
    for (const [i, names] of [
      ['Evaluación de aprendizajes', 'Learning assessment'],
      ['Docentes', 'Teachers'],
      ['Datos abiertos', 'Open data'],
    ].entries()) {
      const [{ id }]: Array<{ id: string }> = await dataSource.query(
        `INSERT INTO alliance_focus_areas (key, name_es, name_en, name_pt, name_fr, sort_order) VALUES ($1, $2, $3, $2, $3, 90) RETURNING id`,
        [`test-${M}-${i}`, `${names[0]} ${M}`, `${names[1]} ${M}`],
      );
      fa.push(id);
    }
    const now = Date.now();
    const base = { submitterId: submitter.id };
    ids.A = await insertItem(dataSource, {
      ...base,
      type: 'CASE_STUDY',
      year: 2023,
      licence: 'CC_BY_4_0',
      countryCodes: ['PE', 'BO'],
      focusAreaIds: [fa[0]],
      doi: '10.5555/evid.2023.01',
      publisher: 'Red Andina de Innovación Educativa',
      authors: [{ name: 'Rosa Quispe Mamani', affiliation: 'Ministerio de Educación del Perú' }, { name: 'Tomás Huanca' }],
      publishedAt: new Date(now - 1 * day),
      texts: [
        { locale: 'es', title: 'Evaluación formativa en escuelas rurales', abstract: `La educación intercultural bilingüe y el acompañamiento a docentes en comunidades andinas. ${M}` },
        { locale: 'en', title: 'Formative assessment in rural schools', abstract: `Intercultural bilingual schooling and coaching for teachers in Andean communities. ${M}` },
      ],
    });
    ids.B = await insertItem(dataSource, {
      ...base,
      type: 'RESEARCH',
      year: 2021,
      licence: 'CC_BY_SA_4_0',
      countryCodes: ['BR'],
      focusAreaIds: [fa[0], fa[1]],
      publishedAt: new Date(now - 2 * day),
      texts: [{ locale: 'pt', title: 'Avaliação da aprendizagem na rede municipal', abstract: `Um estudo com professores sobre avaliação e devolutivas aos estudantes. ${M}` }],
    });
    ids.C = await insertItem(dataSource, {
      ...base,
      type: 'POLICY_DOCUMENT',
      year: 2022,
      licence: 'CC_BY_NC_4_0',
      countryCodes: ['HT'],
      focusAreaIds: [fa[1]],
      publishedAt: new Date(now - 3 * day),
      texts: [{ locale: 'fr', title: 'Évaluation des politiques éducatives en Haïti', abstract: `Analyse des réformes et de la formation des enseignants après 2010. ${M}` }],
    });
    ids.D = await insertItem(dataSource, {
      ...base,
      type: 'GOOD_PRACTICE',
      year: 2024,
      licence: 'CC_BY_4_0',
      countryCodes: ['JM'],
      focusAreaIds: [fa[0]],
      publishedAt: new Date(now - 4 * day),
      texts: [{ locale: 'en', title: 'Professional learning communities for teachers', abstract: `How Jamaican schools organise peer observation among teachers. ${M}` }],
    });
    ids.E = await insertItem(dataSource, {
      ...base,
      type: 'DATASET',
      visibility: 'MEMBERS',
      year: 2020,
      licence: 'ALL_RIGHTS_RESERVED',
      countryCodes: ['CL'],
      focusAreaIds: [fa[0], fa[2]],
      publishedAt: new Date(now - 5 * day),
      texts: [{ locale: 'es', title: 'Evaluación docente: datos para miembros', abstract: `Resultados de la evaluación docente y de la educación media técnica. ${M}` }],
    });
    ids.F = await insertItem(dataSource, {
      ...base,
      status: 'DRAFT',
      type: 'TOOLKIT',
      focusAreaIds: [fa[0]],
      countryCodes: ['MX'],
      texts: [{ locale: 'es', title: 'Evaluación en borrador', abstract: `Un borrador sobre educación y docentes que nadie debe encontrar. ${M}` }],
    });
    ids.G = await insertItem(dataSource, {
      ...base,
      status: 'SUBMITTED',
      type: 'VIDEO',
      focusAreaIds: [fa[0]],
      countryCodes: ['MX'],
      texts: [{ locale: 'es', title: 'Evaluación enviada a revisión', abstract: `Un video sobre educación y docentes pendiente de revisión. ${M}` }],
    });
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  const search = (input: EvidenceSearchInput, who: EvidenceViewer | undefined = anonymous, locale: Locale = 'es') => service.search(input, who, locale);
  const hitIds = (page: EvidenceSearchPage) => page.hits.map((h) => h.item.id);
  const find = async (words: string, who: EvidenceViewer | undefined = anonymous, locale: Locale = 'es') => hitIds(await search({ query: `${words} ${M}`, first: 50 }, who, locale));
  const facet = (page: EvidenceSearchPage, name: keyof EvidenceSearchPage['facets']) => Object.fromEntries(page.facets[name].map((f) => [f.value, f.count]));
  const hidden = () => [ids.E, ids.F, ids.G];

  it('finds texts in each language with and without accents, by stem, never unpublished or members-only for outsiders', async () => {
    for (const words of ['educación', 'educacion', 'EDUCACIÓN', 'evaluaciones']) {
      const found = await find(words);
      expect(found).toContain(ids.A);
      for (const id of hidden()) expect(found).not.toContain(id);
    }
    for (const words of ['avaliação', 'avaliacao', 'professores']) expect(await find(words)).toContain(ids.B);
    for (const words of ['évaluation', 'evaluation', 'enseignants']) expect(await find(words)).toContain(ids.C);
    const teachers = await find('teachers');
    expect(teachers).toEqual(expect.arrayContaining([ids.A, ids.D]));
    expect(teachers).not.toContain(ids.B);
    expect(await find('"formative assessment"')).toEqual([ids.A]);
    // Exclusions are reliable within a language whose stemmer keeps the excluded word as written.
    expect(await find('evaluación -bilingüe')).not.toContain(ids.A);
  });

  it('tolerates typos in titles and abstracts by trying the published words most like them, flagged as fuzzy', async () => {
    const exact = await search({ query: 'evaluación formativa' });
    expect(exact.fuzzy).toBe(false);
    const typo = await search({ query: 'evaluacon formativa', first: 50 });
    expect(typo.fuzzy).toBe(true);
    expect(hitIds(typo)).toContain(ids.A);
    for (const id of hidden()) expect(hitIds(typo)).not.toContain(id);
    expect(typo.totalCount).toBe(typo.hits.length);
    expect(typo.hits.find((h) => h.item.id === ids.A)?.titleRuns.map((r) => r.text).join('')).toMatch(/Evaluación formativa/);
    // An abstract's word ("acompañamiento"), misspelt and unaccented; an excluded word stays excluded.
    const abstractTypo = await search({ query: `acompanamento ${M}`, first: 50 });
    expect(abstractTypo.fuzzy).toBe(true);
    expect(hitIds(abstractTypo)).toEqual([ids.A]);
    expect(hitIds(await search({ query: `evaluacon formativa -bilingüe ${M}`, first: 50 }))).not.toContain(ids.A);
    const nothing = await search({ query: `qqqxxzz${M}` });
    expect(nothing).toMatchObject({ totalCount: 0, hits: [], fuzzy: false });
  });

  it('counts members-only items only for members, in hits, totals and every facet', async () => {
    for (const who of [anonymous, outsider]) {
      const page = await search({ query: M, first: 50 }, who);
      expect(page.totalCount).toBe(4);
      expect(hitIds(page).sort()).toEqual([ids.A, ids.B, ids.C, ids.D].sort());
      expect(facet(page, 'types')).toEqual({ CASE_STUDY: 1, RESEARCH: 1, POLICY_DOCUMENT: 1, GOOD_PRACTICE: 1 });
      expect(facet(page, 'countries')).toEqual({ PE: 1, BO: 1, BR: 1, HT: 1, JM: 1 });
      expect(facet(page, 'focusAreas')).toEqual({ [fa[0]]: 3, [fa[1]]: 2 });
      expect(facet(page, 'years')).toEqual({ 2021: 1, 2022: 1, 2023: 1, 2024: 1 });
      expect(facet(page, 'licences')).toEqual({ CC_BY_4_0: 2, CC_BY_SA_4_0: 1, CC_BY_NC_4_0: 1 });
      expect(facet(page, 'languages')).toEqual({ es: 1, pt: 1, fr: 1, en: 1 });
      // Even a filter naming the hidden item's values reveals nothing.
      const probe = await search({ query: M, filters: { types: ['DATASET'], countryCodes: ['CL'], focusAreaIds: [fa[2]] } }, who);
      expect(probe.totalCount).toBe(0);
      expect(probe.facets.types.find((f) => f.value === 'DATASET')?.count ?? 0).toBe(0);
      expect(probe.facets.focusAreas.find((f) => f.value === fa[2])?.count).toBe(0);
    }
    const page = await search({ query: M, first: 50 }, member);
    expect(page.totalCount).toBe(5);
    expect(hitIds(page)).toContain(ids.E);
    expect(hitIds(page)).not.toContain(ids.F);
    expect(hitIds(page)).not.toContain(ids.G);
    expect(facet(page, 'types').DATASET).toBe(1);
    expect(facet(page, 'countries').CL).toBe(1);
    expect(facet(page, 'focusAreas')).toEqual({ [fa[0]]: 4, [fa[1]]: 2, [fa[2]]: 1 });
  });

  it('filters with OR inside a facet and AND across facets, and counts each facet without its own filter', async () => {
    const byType = await search({ query: M, filters: { types: ['CASE_STUDY'] } });
    expect(hitIds(byType)).toEqual([ids.A]);
    expect(byType.totalCount).toBe(1);
    expect(facet(byType, 'types')).toEqual({ CASE_STUDY: 1, RESEARCH: 1, POLICY_DOCUMENT: 1, GOOD_PRACTICE: 1 });
    expect(facet(byType, 'countries')).toEqual({ PE: 1, BO: 1 });

    const combined = await search({ query: M, filters: { focusAreaIds: [fa[0]], countryCodes: ['BR', 'ht'] } });
    expect(hitIds(combined)).toEqual([ids.B]);
    expect(facet(combined, 'focusAreas')).toEqual({ [fa[0]]: 1, [fa[1]]: 2 });
    // A selected value stays listed (count 0 when the other filters leave nothing for it).
    expect(facet(combined, 'countries')).toEqual({ PE: 1, BO: 1, BR: 1, JM: 1, HT: 0 });
    expect(facet(combined, 'types')).toEqual({ RESEARCH: 1 });

    const years = await search({ query: M, filters: { years: [2021, 2024], licences: ['CC_BY_4_0', 'CC_BY_SA_4_0'], languages: ['pt', 'en'] } });
    expect(hitIds(years).sort()).toEqual([ids.B, ids.D].sort());
    expect(facet(years, 'years')).toEqual({ 2021: 1, 2024: 1 });

    // Labels in the reader's language.
    const es = await search({ query: M, filters: { types: ['CASE_STUDY'] } }, anonymous, 'es');
    const en = await search({ query: M, filters: { types: ['CASE_STUDY'] } }, anonymous, 'en');
    expect(es.facets.types.find((f) => f.value === 'CASE_STUDY')?.label).toBe('Estudio de caso');
    expect(en.facets.types.find((f) => f.value === 'CASE_STUDY')?.label).toBe('Case study');
    expect(es.facets.countries.find((f) => f.value === 'PE')?.label).toBe('Perú');
    expect(en.facets.countries.find((f) => f.value === 'PE')?.label).toBe('Peru');
    expect(en.facets.focusAreas.find((f) => f.value === fa[0])?.label).toBe(`Learning assessment ${M}`);
    expect(es.facets.languages).toEqual([{ value: 'es', label: 'Español', count: 1 }]);
    expect(en.facets.years).toEqual([{ value: '2023', label: '2023', count: 1 }]);
  });

  it('pages with an offset cursor, sorts by newest and year, and refuses bad paging input', async () => {
    const p1 = await search({ query: M, sort: 'NEWEST', first: 3 });
    expect(hitIds(p1)).toEqual([ids.A, ids.B, ids.C]);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = await search({ query: M, sort: 'NEWEST', first: 3, after: p1.pageInfo.endCursor });
    expect(hitIds(p2)).toEqual([ids.D]);
    expect(p2.pageInfo.hasNextPage).toBe(false);
    expect(p2.totalCount).toBe(4);
    const r1 = await search({ query: M, first: 2 });
    const r2 = await search({ query: M, first: 2, after: r1.pageInfo.endCursor });
    expect(new Set([...hitIds(r1), ...hitIds(r2)]).size).toBe(4);
    expect(hitIds(await search({ query: M, sort: 'YEAR' }))).toEqual([ids.D, ids.A, ids.C, ids.B]);
    // Browsing (no query) with a filter only this file uses.
    const browse = await search({ filters: { focusAreaIds: [fa[1]] } });
    expect(hitIds(browse)).toEqual([ids.B, ids.C]);
    expect(browse.hits[0].snippetRuns).toEqual([{ text: expect.stringContaining('professores'), highlighted: false }]);

    for (const input of [{ first: 51 }, { first: 0 }, { first: 2.5 }, { after: 'not-a-cursor' }, { query: 'x'.repeat(201) }, { filters: { focusAreaIds: ['nope'] } }, { filters: { languages: ['de'] } }]) {
      const error = await appError(search(input));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('highlights matches in titles and snippets as text runs and prefers the reader’s language', async () => {
    const stem = await search({ query: `evaluaciones ${M}` });
    const a = stem.hits.find((h) => h.item.id === ids.A)!;
    expect(a.matchedLocale).toBe('es');
    expect(a.titleRuns).toEqual([
      { text: 'Evaluación', highlighted: true },
      { text: ' formativa en escuelas rurales', highlighted: false },
    ]);
    const unaccented = await search({ query: `educacion ${M}` });
    const runs = unaccented.hits.find((h) => h.item.id === ids.A)!.snippetRuns;
    expect(runs.filter((r) => r.highlighted).map((r) => r.text)).toEqual(expect.arrayContaining(['educación']));
    expect(runs.map((r) => r.text).join('')).toContain('intercultural');
    // A text in the reader's language wins: "intercultural" matches both texts of A.
    expect((await search({ query: `intercultural ${M}` }, anonymous, 'en')).hits[0]).toMatchObject({ matchedLocale: 'en' });
    expect((await search({ query: `intercultural ${M}` }, anonymous, 'es')).hits[0]).toMatchObject({ matchedLocale: 'es' });
    expect(splitRuns('a\uE000b\uE001c')).toEqual([
      { text: 'a', highlighted: false },
      { text: 'b', highlighted: true },
      { text: 'c', highlighted: false },
    ]);
  });

  it('cites with authors, year, original title, publisher and DOI', async () => {
    const details = await service.citationDetails([ids.A]);
    expect(details.get(ids.A)?.title).toBe('Evaluación formativa en escuelas rurales');
    const renderer = app.get(CitationRenderer);
    const citation = await renderer.render({
      id: ids.A,
      type: 'CASE_STUDY',
      title: details.get(ids.A)!.title,
      language: 'es',
      year: 2023,
      authors: [{ name: 'Rosa Quispe Mamani' }, { name: 'Ministerio de Educación del Perú' }],
      publisher: 'Red Andina de Innovación Educativa',
      doi: '10.5555/evid.2023.01',
      externalUrl: 'https://example.org/x',
    });
    expect(citation.apa).toContain('Quispe Mamani, R.');
    expect(citation.apa).toContain('Ministerio de Educación del Perú');
    expect(citation.apa).toContain('(2023)');
    expect(citation.apa).toContain('Evaluación formativa en escuelas rurales');
    expect(citation.apa).toContain('https://doi.org/10.5555/evid.2023.01');
    expect(citation.bibtex).toMatch(/^@techreport\{/);
    expect(citation.bibtex).toContain('doi = {10.5555/evid.2023.01}');
    expect(citation.bibtex).toContain('year = {2023}');
    expect(citation.bibtex).toContain('Quispe Mamani, Rosa');
    const dataset = await renderer.render({ id: 'x', type: 'DATASET', title: 'Matrícula 2024', language: 'es', year: 2024, authors: [{ name: 'Pérez, Ana' }], publisher: null, doi: null, externalUrl: 'https://datos.example.org/m' });
    expect(dataset.apa).toContain('[Dataset]');
    expect(dataset.apa).toContain('https://datos.example.org/m');
    expect(cslName('Pérez, Ana')).toEqual({ family: 'Pérez', given: 'Ana' });
    expect(cslName('UNESCO')).toEqual({ literal: 'UNESCO' });
  });

  it('relates visible published items by focus area, then type and country, never invisible ones', async () => {
    const forAnonymous = (await service.related(ids.A, anonymous)).map((i) => i.id);
    expect(forAnonymous).not.toContain(ids.A);
    for (const id of hidden()) expect(forAnonymous).not.toContain(id);
    expect(forAnonymous.slice(0, 2).sort()).toEqual([ids.B, ids.D].sort());
    expect(forAnonymous.length).toBeLessThanOrEqual(4);
    const forMember = (await service.related(ids.A, member)).map((i) => i.id);
    expect(forMember.slice(0, 3)).toEqual(expect.arrayContaining([ids.E]));
    expect(forMember).not.toContain(ids.F);
    expect(await service.related('not-a-uuid', member)).toEqual([]);
  });

  it('collects usages from every registered provider', async () => {
    const registry = app.get(EvidenceUsageRegistry);
    registry.register({ usagesOf: async (id) => (id === ids.A ? [{ kind: 'WORKSHOP', title: 'Taller regional', path: '/workshops/taller' }] : []) });
    registry.register({ usagesOf: async (id, who) => (id === ids.A && who ? [{ kind: 'COURSE', title: 'Evaluación formativa', path: '/courses/evaluacion' }] : []) });
    expect(await registry.usagesOf(ids.A, anonymous, 'es')).toEqual([{ kind: 'WORKSHOP', title: 'Taller regional', path: '/workshops/taller' }]);
    expect((await registry.usagesOf(ids.A, member, 'es')).map((u) => u.kind)).toEqual(['COURSE', 'WORKSHOP']);
    expect(await registry.usagesOf(ids.B, member, 'es')).toEqual([]);
  });

  // Last: it changes items and puts them back.
  it('serves a repeated search from its cache only while the search documents are unchanged', async () => {
    const statements = jest.spyOn(dataSource, 'query');
    const counted = () => statements.mock.calls.filter(([sql]) => String(sql).includes('GROUPING(')).length;
    try {
      const first = await search({ query: M, first: 50 });
      expect(first.totalCount).toBe(4);
      const before = counted();
      expect(await search({ query: M, first: 50 })).toEqual(first);
      expect(counted()).toBe(before);
      // Five readers asking the same at once, uncached: one count between them.
      service.results.clear();
      const together = await Promise.all(Array.from({ length: 5 }, () => search({ query: M, first: 50 })));
      expect(together.every((page) => page.totalCount === 4)).toBe(true);
      expect(counted()).toBe(before + 1);

      // A title edit (trigger on evidence_texts), a visibility change and an unpublication
      // (evidence_items) each reach the next search at once.
      await dataSource.query(`UPDATE evidence_texts SET title = title || ' altiplano', search = search || to_tsvector('simple', 'altiplano') WHERE item_id = $1 AND locale = 'es'`, [ids.A]);
      expect(await find('altiplano')).toEqual([ids.A]);
      await dataSource.query(`UPDATE evidence_items SET visibility = 'MEMBERS' WHERE id = $1`, [ids.A]);
      await dataSource.query(`UPDATE evidence_items SET status = 'CHANGES_REQUESTED' WHERE id = $1`, [ids.D]);
      const changed = await search({ query: M, first: 50 });
      expect(counted()).toBeGreaterThan(before + 1);
      expect(changed.totalCount).toBe(2);
      expect(hitIds(changed).sort()).toEqual([ids.B, ids.C].sort());
      expect(hitIds(await search({ query: M, first: 50 }, member))).toContain(ids.A);
      // A download count is not a searched column: the cached result stays valid.
      const settled = counted();
      await dataSource.query(`UPDATE evidence_items SET download_count = download_count + 1 WHERE id = $1`, [ids.B]);
      expect((await search({ query: M, first: 50 })).totalCount).toBe(2);
      expect(counted()).toBe(settled);
    } finally {
      statements.mockRestore();
      await dataSource.query(`UPDATE evidence_items SET visibility = 'PUBLIC' WHERE id = $1`, [ids.A]);
      await dataSource.query(`UPDATE evidence_items SET status = 'PUBLISHED' WHERE id = $1`, [ids.D]);
    }
    expect((await search({ query: M, first: 50 })).totalCount).toBe(4);
  });
});
