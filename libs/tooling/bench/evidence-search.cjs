#!/usr/bin/env node
// `npm run bench:evidence [-- --items 100000 --runs 50 --warmup 5]`
// Evidence search benchmark (issue 7: "fast on 100,000 items"). Not part of `npm test`.
// Creates a scratch database on the machine's PostgreSQL (TEST_PG_URL or postgres@127.0.0.1:5432),
// applies the committed migrations, bulk-loads fictional multilingual evidence, then times the real
// EvidenceSearchService (the SQL the API runs, via search-sql.ts) for typical searches, as an
// anonymous reader and as a member. Writes bench/evidence-search.md and drops the database, also
// when something fails or the run is interrupted.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { randomBytes, randomUUID } = require('node:crypto');

const root = path.resolve(__dirname, '../../..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require('@swc-node/register');
const { Client } = require('pg');

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { items: 100_000, runs: 50, warmup: 5, out: path.join(root, 'bench/evidence-search.md'), note: '', keep: false, db: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=');
    const value = () => inline ?? argv[++i];
    if (flag === '--items') opts.items = Number(value());
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--warmup') opts.warmup = Number(value());
    else if (flag === '--out') opts.out = path.resolve(value());
    else if (flag === '--note') opts.note = String(value());
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--db') opts.db = String(value());
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run bench:evidence -- [--items N (100000)] [--runs N (50)] [--warmup N (5)] [--out file.md] [--note "text for the report"] [--keep] [--db alliance_bench_x]');
      console.log('  --keep leaves the loaded database in place; --db NAME times a kept database again (new migrations are applied, nothing is reloaded).');
      process.exit(0);
    } else throw new Error(`Unknown option ${argv[i]}`);
  }
  for (const k of ['items', 'runs']) if (!Number.isInteger(opts[k]) || opts[k] < 1) throw new Error(`--${k} must be a positive integer`);
  if (!Number.isInteger(opts.warmup) || opts.warmup < 0) throw new Error('--warmup must be a non-negative integer');
  if (opts.db && !/^alliance_bench_[a-z0-9]+$/.test(opts.db)) throw new Error('--db takes the name of a database kept by --keep (alliance_bench_…)');
  return opts;
}

// ---------------------------------------------------------------- fictional data

/** Deterministic PRNG (mulberry32) so every run loads the same corpus for a given N. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261202);
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
function weighted(list) {
  const total = list.reduce((s, x) => s + x.w, 0);
  let r = rand() * total;
  for (const x of list) if ((r -= x.w) < 0) return x;
  return list[list.length - 1];
}
function sample(list, n) {
  const copy = [...list];
  const out = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
  return out;
}

// Main subject of an item (w = relative share). "Evaluación" is deliberately the common word.
const TOPICS = [
  { w: 30, es: 'Evaluación de los aprendizajes', pt: 'Avaliação da aprendizagem', en: 'Learning assessment and evaluation', fr: 'Évaluation des apprentissages' },
  { w: 18, es: 'Formación docente continua', pt: 'Formação continuada de professores', en: 'In-service teacher training', fr: 'Formation continue des enseignants' },
  { w: 14, es: 'Alfabetización inicial', pt: 'Alfabetização inicial', en: 'Early literacy', fr: 'Alphabétisation initiale' },
  { w: 12, es: 'Reforma del currículo', pt: 'Reforma do currículo', en: 'Curriculum reform', fr: 'Réforme du curriculum' },
  { w: 8, es: 'Educación intercultural bilingüe', pt: 'Educação intercultural bilíngue', en: 'Intercultural bilingual education', fr: 'Éducation interculturelle bilingue' },
  { w: 8, es: 'Inclusión educativa', pt: 'Inclusão educacional', en: 'Inclusive education', fr: 'Éducation inclusive' },
  { w: 7, es: 'Tecnologías digitales en el aula', pt: 'Tecnologias digitais na sala de aula', en: 'Digital technologies in the classroom', fr: 'Technologies numériques en classe' },
  { w: 6, es: 'Liderazgo directivo', pt: 'Liderança escolar', en: 'School leadership', fr: 'Direction d’établissement' },
  { w: 5, es: 'Educación de la primera infancia', pt: 'Educação da primeira infância', en: 'Early childhood education', fr: 'Éducation de la petite enfance' },
  { w: 5, es: 'Abandono escolar', pt: 'Evasão escolar', en: 'School dropout', fr: 'Décrochage scolaire' },
  { w: 4, es: 'Financiamiento educativo', pt: 'Financiamento da educação', en: 'Education financing', fr: 'Financement de l’éducation' },
  { w: 4, es: 'Educación técnico-profesional', pt: 'Educação profissional e técnica', en: 'Technical and vocational education', fr: 'Enseignement technique et professionnel' },
  { w: 3, es: 'Convivencia escolar', pt: 'Convivência escolar', en: 'School climate', fr: 'Climat scolaire' },
  { w: 3, es: 'Enseñanza de las matemáticas', pt: 'Ensino de matemática', en: 'Mathematics teaching', fr: 'Enseignement des mathématiques' },
  { w: 2, es: 'Educación en situaciones de emergencia', pt: 'Educação em situações de emergência', en: 'Education in emergencies', fr: 'Éducation en situation d’urgence' },
];

const KINDS = {
  CASE_STUDY: { es: 'estudio de caso', pt: 'estudo de caso', en: 'a case study', fr: 'étude de cas' },
  GOOD_PRACTICE: { es: 'una buena práctica', pt: 'uma boa prática', en: 'a good practice', fr: 'une bonne pratique' },
  POLICY_DOCUMENT: { es: 'lineamientos de política', pt: 'diretrizes de política', en: 'policy guidelines', fr: 'orientations politiques' },
  RESEARCH: { es: 'resultados de investigación', pt: 'resultados de pesquisa', en: 'research findings', fr: 'résultats de recherche' },
  DATASET: { es: 'datos abiertos', pt: 'dados abertos', en: 'open data', fr: 'données ouvertes' },
  TOOLKIT: { es: 'guía práctica', pt: 'guia prático', en: 'a practical toolkit', fr: 'guide pratique' },
  VIDEO: { es: 'serie de videos', pt: 'série de vídeos', en: 'a video series', fr: 'série de vidéos' },
  OTHER: { es: 'notas de trabajo', pt: 'notas de trabalho', en: 'working notes', fr: 'notes de travail' },
};
const TYPES = [
  { w: 22, v: 'CASE_STUDY' },
  { w: 16, v: 'GOOD_PRACTICE' },
  { w: 12, v: 'POLICY_DOCUMENT' },
  { w: 25, v: 'RESEARCH' },
  { w: 6, v: 'DATASET' },
  { w: 9, v: 'TOOLKIT' },
  { w: 5, v: 'VIDEO' },
  { w: 5, v: 'OTHER' },
];
const LICENCES = [
  { w: 40, v: 'CC_BY_4_0' },
  { w: 10, v: 'CC_BY_SA_4_0' },
  { w: 14, v: 'CC_BY_NC_4_0' },
  { w: 12, v: 'CC_BY_NC_SA_4_0' },
  { w: 3, v: 'CC_BY_ND_4_0' },
  { w: 5, v: 'CC_BY_NC_ND_4_0' },
  { w: 4, v: 'CC0_1_0' },
  { w: 12, v: 'ALL_RIGHTS_RESERVED' },
];
const LANGUAGES = [
  { w: 45, v: 'es' },
  { w: 25, v: 'pt' },
  { w: 20, v: 'en' },
  { w: 10, v: 'fr' },
];
const OTHER_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'REJECTED'];

const SETTINGS = [
  { es: 'escuelas rurales', pt: 'escolas rurais', en: 'rural schools', fr: 'écoles rurales' },
  { es: 'escuelas multigrado', pt: 'escolas multisseriadas', en: 'multigrade schools', fr: 'classes multiniveaux' },
  { es: 'comunidades indígenas', pt: 'comunidades indígenas', en: 'indigenous communities', fr: 'communautés autochtones' },
  { es: 'zonas urbanas vulnerables', pt: 'periferias urbanas', en: 'disadvantaged urban areas', fr: 'quartiers urbains défavorisés' },
  { es: 'liceos públicos', pt: 'escolas públicas de ensino médio', en: 'public secondary schools', fr: 'lycées publics' },
  { es: 'centros de educación inicial', pt: 'creches e pré-escolas', en: 'preschool centres', fr: 'écoles maternelles' },
];
const POPULATIONS = [
  { es: 'estudiantes de primaria', pt: 'estudantes do ensino fundamental', en: 'primary school students', fr: 'élèves du primaire' },
  { es: 'docentes noveles', pt: 'professores iniciantes', en: 'novice teachers', fr: 'enseignants débutants' },
  { es: 'equipos directivos', pt: 'equipes gestoras', en: 'school leadership teams', fr: 'équipes de direction' },
  { es: 'familias y cuidadores', pt: 'famílias e cuidadores', en: 'families and caregivers', fr: 'familles et aidants' },
  { es: 'adolescentes migrantes', pt: 'adolescentes migrantes', en: 'migrant adolescents', fr: 'adolescents migrants' },
  { es: 'estudiantes con discapacidad', pt: 'estudantes com deficiência', en: 'students with disabilities', fr: 'élèves en situation de handicap' },
];
const METHODS = [
  { es: 'encuestas a docentes', pt: 'questionários aplicados a professores', en: 'teacher surveys', fr: 'enquêtes auprès des enseignants' },
  { es: 'observaciones de aula', pt: 'observações de sala de aula', en: 'classroom observations', fr: 'observations en classe' },
  { es: 'entrevistas con directivos', pt: 'entrevistas com diretores', en: 'interviews with principals', fr: 'entretiens avec les directeurs' },
  { es: 'datos administrativos de matrícula', pt: 'dados administrativos de matrícula', en: 'administrative enrolment data', fr: 'données administratives de scolarisation' },
  { es: 'un diseño cuasiexperimental', pt: 'um desenho quase-experimental', en: 'a quasi-experimental design', fr: 'un dispositif quasi expérimental' },
  { es: 'grupos focales con estudiantes', pt: 'grupos focais com estudantes', en: 'focus groups with students', fr: 'groupes de discussion avec des élèves' },
];
const FINDINGS = [
  { es: 'mejoras sostenidas en la comprensión lectora', pt: 'melhorias sustentadas na compreensão leitora', en: 'sustained gains in reading comprehension', fr: 'des progrès durables en compréhension de lecture' },
  { es: 'una reducción de la repetición escolar', pt: 'uma redução da reprovação escolar', en: 'lower grade repetition', fr: 'une baisse du redoublement' },
  { es: 'mayor asistencia y permanencia', pt: 'maior frequência e permanência', en: 'higher attendance and retention', fr: 'une meilleure assiduité et persévérance' },
  { es: 'prácticas pedagógicas más colaborativas', pt: 'práticas pedagógicas mais colaborativas', en: 'more collaborative teaching practices', fr: 'des pratiques pédagogiques plus collaboratives' },
  { es: 'brechas persistentes entre escuelas urbanas y rurales', pt: 'desigualdades persistentes entre escolas urbanas e rurais', en: 'persistent gaps between urban and rural schools', fr: 'des écarts persistants entre écoles urbaines et rurales' },
  { es: 'un uso más frecuente de la evaluación formativa', pt: 'uso mais frequente da avaliação formativa', en: 'more frequent use of formative assessment', fr: 'un recours plus fréquent à l’évaluation formative' },
];
// Rare subjects: each is placed in about RARE_HITS items whatever N is ("tens of hits").
const RARE_HITS = 40;
const RARE = [
  { es: 'La propuesta incorpora la etnomatemática de los pueblos andinos.', pt: 'A proposta incorpora a etnomatemática dos povos andinos.', en: 'The approach draws on Andean ethnomathematics.', fr: 'La démarche s’appuie sur l’ethnomathématique des peuples andins.' },
  { es: 'Se analizan bibliotecas itinerantes en lancha por comunidades ribereñas.', pt: 'Analisam-se bibliotecas itinerantes em barcos nas comunidades ribeirinhas.', en: 'It looks at riverboat mobile libraries serving riverside communities.', fr: 'Elle examine des bibliothèques itinérantes en bateau le long des fleuves.' },
  { es: 'Incluye tutorías por radiofonía comunitaria en lengua garífuna.', pt: 'Inclui tutorias por rádio comunitária em língua garífuna.', en: 'It includes community radio tutoring in the Garifuna language.', fr: 'Elle comprend un tutorat par radio communautaire en langue garifuna.' },
];

const SENTENCES = {
  es: [
    (c) => `Este documento presenta ${c.kind} sobre ${c.topic.toLowerCase()} en ${c.setting} de ${c.country}.`,
    (c) => `El trabajo se basa en ${c.method} y en el análisis de ${c.schools} escuelas entre ${c.year - 2} y ${c.year}.`,
    (c) => `Los resultados muestran ${c.finding} entre ${c.population}.`,
    (c) => `Se discuten implicaciones para la política educativa, la formación docente y la evaluación de programas.`,
    (c) => `La experiencia fue acompañada por el ministerio de educación y por redes de escuelas de la región.`,
    (c) => `Se proponen recomendaciones para ampliar la iniciativa a otros territorios y niveles educativos.`,
  ],
  pt: [
    (c) => `Este documento apresenta ${c.kind} sobre ${c.topic.toLowerCase()} em ${c.setting} de ${c.country}.`,
    (c) => `O trabalho baseia-se em ${c.method} e na análise de ${c.schools} escolas entre ${c.year - 2} e ${c.year}.`,
    (c) => `Os resultados mostram ${c.finding} entre ${c.population}.`,
    (c) => `Discutem-se implicações para a política educacional, a formação de professores e a avaliação de programas.`,
    (c) => `A experiência foi acompanhada pelo ministério da educação e por redes de escolas da região.`,
    (c) => `Propõem-se recomendações para ampliar a iniciativa a outros territórios e etapas de ensino.`,
  ],
  en: [
    (c) => `This document presents ${c.kind} on ${c.topic.toLowerCase()} in ${c.setting} of ${c.country}.`,
    (c) => `The work draws on ${c.method} and on data from ${c.schools} schools between ${c.year - 2} and ${c.year}.`,
    (c) => `The results show ${c.finding} among ${c.population}.`,
    (c) => `Implications for education policy, teacher training and programme evaluation are discussed.`,
    (c) => `The experience was supported by the ministry of education and by school networks in the region.`,
    (c) => `Recommendations are made to scale the initiative up to other territories and levels of the curriculum.`,
  ],
  fr: [
    (c) => `Ce document présente ${c.kind} sur ${c.topic.toLowerCase()} dans ${c.setting} de ${c.country}.`,
    (c) => `Le travail s’appuie sur ${c.method} et sur des données de ${c.schools} écoles entre ${c.year - 2} et ${c.year}.`,
    (c) => `Les résultats montrent ${c.finding} chez ${c.population}.`,
    (c) => `Les implications pour les politiques éducatives, la formation des enseignants et l’évaluation des programmes sont discutées.`,
    (c) => `L’expérience a été accompagnée par le ministère de l’éducation et par des réseaux d’écoles de la région.`,
    (c) => `Des recommandations sont proposées pour étendre l’initiative à d’autres territoires et niveaux d’enseignement.`,
  ],
};
const IN = { es: 'en', pt: 'em', en: 'in', fr: 'en' };
const AND = { es: 'y', pt: 'e', en: 'and', fr: 'et' };

const FIRST = ['Rosa', 'Luis', 'Ana', 'João', 'Marie', 'Carlos', 'Fernanda', 'Kevin', 'Yolanda', 'Jean', 'Patricia', 'Andrés', 'Beatriz', 'Dwayne', 'Camila', 'Rafael'];
const LAST = ['Quispe', 'Pereira', 'González', 'Baptiste', 'Mamani', 'Silva', 'Rodríguez', 'Charles', 'Vargas', 'Souza', 'Herrera', 'Joseph', 'Flores', 'Lima', 'Castillo', 'Thomas'];
const AFFILIATIONS = ['Ministerio de Educación', 'Universidade Federal Fictícia', 'Red de Escuelas del Sur', 'Instituto Caribeño de Pedagogía', 'Observatorio Educativo Andino', null];
const PUBLISHERS = ['Observatorio Regional de Educación', 'Editora Escola Viva', 'Caribbean Education Press', 'Institut des Savoirs Partagés', null, null];

// Invented place names (three or four syllables): about two new words per item, so the vocabulary
// that typo correction searches grows with N as a real collection's does (~100,000 words at 100,000).
const SYLLABLES = ['ta', 'cu', 'ma', 're', 'bí', 'pa', 'qui', 'lla', 'hua', 'co', 'ran', 'yo', 'mi', 'sa', 'tu', 'ne', 'cha', 'go', 'pi', 'la', 'ra', 'to', 'ca', 'mo', 'ri', 'sé', 'nu', 'ya', 'lo', 'ti', 'gua', 'pe', 'chi', 'ña', 'que', 'ba', 'do', 'ro', 'vi', 'za'];
const placeName = () => {
  const word = Array.from({ length: int(3, 4) }, () => pick(SYLLABLES)).join('');
  return word[0].toUpperCase() + word.slice(1);
};
const PLACES_SENTENCE = {
  es: (a, b) => `Participaron escuelas de ${a} y ${b}.`,
  pt: (a, b) => `Participaram escolas de ${a} e ${b}.`,
  en: (a, b) => `Schools from ${a} and ${b} took part.`,
  fr: (a, b) => `Des écoles de ${a} et ${b} y ont participé.`,
};

/** One fictional item: columns, texts (original first), countries, focus areas. */
function makeItem(index, n, ref) {
  const id = randomUUID();
  const type = weighted(TYPES).v;
  const language = weighted(LANGUAGES).v;
  const published = chance(0.95);
  const status = published ? 'PUBLISHED' : pick(OTHER_STATUSES);
  const publishedAt = published ? new Date(Date.now() - Math.floor(rand() * 6 * 365 * 86400_000)) : null;
  const year = Math.max(1990, (publishedAt ?? new Date()).getUTCFullYear() - int(0, 2) - (chance(0.1) ? int(3, 20) : 0));
  const countries = sample(ref.countries, chance(0.15) ? 0 : chance(0.75) ? 1 : int(2, 4));
  const focusAreas = sample(ref.focusAreas, chance(0.1) ? 0 : int(1, 3));
  const topic = weighted(TOPICS);
  const second = chance(0.35) ? pick(TOPICS) : null;
  const content = {
    kind: KINDS[type],
    setting: pick(SETTINGS),
    population: pick(POPULATIONS),
    method: pick(METHODS),
    finding: pick(FINDINGS),
    schools: int(6, 480),
    year,
    order: sample([1, 2, 3, 4, 5], int(2, 4)).sort(),
    // Spread so each rare subject lands in ~RARE_HITS items at any N.
    rare: RARE.filter((_, r) => (index * 7919 + r * 104729) % Math.max(1, Math.round(n / RARE_HITS)) === 0),
    places: [placeName(), placeName()],
  };
  const countryOf = (loc) => (countries[0] ? countries[0][loc] : { es: 'América Latina y el Caribe', pt: 'América Latina e Caribe', en: 'Latin America and the Caribbean', fr: 'Amérique latine et Caraïbes' }[loc]);
  const render = (loc) => {
    const c = { ...content, kind: content.kind[loc], topic: topic[loc], setting: content.setting[loc], population: content.population[loc], method: content.method[loc], finding: content.finding[loc], country: countryOf(loc) };
    const also = second && second !== topic ? ` ${AND[loc]} ${second[loc].toLowerCase()}` : '';
    const title = `${topic[loc]}${also}: ${c.kind} ${IN[loc]} ${c.setting} (${c.country}, ${year})`;
    const sentences = [SENTENCES[loc][0](c), ...content.order.map((k) => SENTENCES[loc][k](c)), PLACES_SENTENCE[loc](...content.places), ...content.rare.map((r) => r[loc])];
    return { locale: loc, title: title.slice(0, 300), abstract: sentences.join(' ').slice(0, 5000) };
  };
  const others = ['es', 'pt', 'en', 'fr'].filter((l) => l !== language);
  const translations = chance(0.3) ? sample(others, chance(0.15) ? 2 : 1) : [];
  const texts = [render(language), ...translations.map(render)];
  const authors = Array.from({ length: int(1, 3) }, () => {
    const affiliation = pick(AFFILIATIONS);
    const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
    return affiliation ? { name, affiliation } : { name };
  });
  return {
    id,
    status,
    type,
    language,
    visibility: chance(0.1) ? 'MEMBERS' : 'PUBLIC',
    year,
    licence: weighted(LICENCES).v,
    authors: JSON.stringify(authors),
    publisher: pick(PUBLISHERS),
    externalUrl: `https://evidencia.example.org/items/${index + 1}`,
    doi: chance(0.2) ? `10.${int(1000, 99999)}/alianza.${index + 1}` : null,
    submitterId: pick(ref.submitters),
    submittedAt: status === 'DRAFT' ? null : new Date((publishedAt ?? new Date()).getTime() - int(1, 30) * 86400_000),
    publishedAt,
    texts,
    countryCodes: countries.map((c) => c.code),
    focusAreaIds: focusAreas,
  };
}

// ---------------------------------------------------------------- loading

const SEARCHED_TABLES = ['evidence_items', 'evidence_texts', 'evidence_item_countries', 'evidence_item_focus_areas', 'evidence_search_documents'];

async function loadCorpus(ds, n, log) {
  const { TEXT_SEARCH_CONFIG, UNACCENT_CONFIG } = require(path.join(root, 'libs/server/evidence/src/evidence.constants.ts'));
  const countries = await ds.query(`SELECT trim(code) AS code, name_es AS es, name_pt AS pt, name_en AS en, name_fr AS fr FROM alliance_countries ORDER BY code`);
  // A few big countries carry most of the evidence, as in real collections.
  const heavy = new Set(['MX', 'BR', 'CO', 'PE', 'AR', 'CL']);
  const countryPool = countries.flatMap((c) => (heavy.has(c.code) ? [c, c, c, c, c] : [c]));
  const focusAreas = (await ds.query(`SELECT id FROM alliance_focus_areas ORDER BY sort_order`)).map((r) => r.id);
  if (!countries.length || !focusAreas.length) throw new Error('the migrations did not create alliance countries and focus areas');
  const submitters = [];
  for (let i = 0; i < 200; i++) {
    const [{ id }] = await ds.query(
      `INSERT INTO users (email, name, password_hash, country_code, preferred_locale) VALUES ($1, $2, 'bench-no-login', $3, $4) RETURNING id`,
      [`autora${i}@bench.example.org`, `${pick(FIRST)} ${pick(LAST)}`, pick(countries).code, pick(['es', 'pt', 'en', 'fr'])],
    );
    submitters.push(id);
  }
  // sample() picks distinct entries; the pool's duplicates only weight it, so de-duplicate per item.
  const ref = { countries: countryPool, focusAreas, submitters };

  const batch = 2000;
  const started = Date.now();
  let textCount = 0;
  // The search documents' triggers rewrite each item's document once per statement that touches
  // it (four per batch here), which bloats the table during a bulk load: they are switched off
  // while loading and every document is built once at the end, as the migration does.
  const sourceTables = ['evidence_items', 'evidence_texts', 'evidence_item_countries', 'evidence_item_focus_areas'];
  for (const t of sourceTables) await ds.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  for (let from = 0; from < n; from += batch) {
    const items = [];
    for (let i = from; i < Math.min(n, from + batch); i++) {
      const item = makeItem(i, n, ref);
      item.countryCodes = [...new Set(item.countryCodes)];
      items.push(item);
    }
    const col = (f) => items.map(f);
    await ds.query(
      `INSERT INTO evidence_items (id, status, type, language, visibility, year, licence, authors, publisher, external_url, doi, submitter_id, submitted_at, published_at)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::int[], $7::varchar[], $8::jsonb[], $9::varchar[],
                            $10::varchar[], $11::varchar[], $12::uuid[], $13::timestamptz[], $14::timestamptz[])`,
      [
        col((x) => x.id),
        col((x) => x.status),
        col((x) => x.type),
        col((x) => x.language),
        col((x) => x.visibility),
        col((x) => x.year),
        col((x) => x.licence),
        col((x) => x.authors),
        col((x) => x.publisher),
        col((x) => x.externalUrl),
        col((x) => x.doi),
        col((x) => x.submitterId),
        col((x) => x.submittedAt),
        col((x) => x.publishedAt),
      ],
    );
    const texts = items.flatMap((x) => x.texts.map((t) => ({ ...t, itemId: x.id, original: t.locale === x.language })));
    textCount += texts.length;
    // Same expressions as EvidenceItemsService.writeDetails: native config by locale + the unaccented one, weights A/B.
    await ds.query(
      `INSERT INTO evidence_texts (item_id, locale, title, abstract, original, search)
       SELECT u.item_id, u.locale, u.title, u.abstract, u.original,
              setweight(to_tsvector(u.cfg::regconfig, u.title), 'A') || setweight(to_tsvector(u.cfg::regconfig, u.abstract), 'B')
              || setweight(to_tsvector($7::regconfig, u.title), 'A') || setweight(to_tsvector($7::regconfig, u.abstract), 'B')
       FROM unnest($1::uuid[], $2::varchar[], $3::text[], $4::text[], $5::bool[], $6::text[]) AS u(item_id, locale, title, abstract, original, cfg)`,
      [texts.map((t) => t.itemId), texts.map((t) => t.locale), texts.map((t) => t.title), texts.map((t) => t.abstract), texts.map((t) => t.original), texts.map((t) => TEXT_SEARCH_CONFIG[t.locale]), UNACCENT_CONFIG],
    );
    const countryRows = items.flatMap((x) => x.countryCodes.map((c) => [x.id, c]));
    if (countryRows.length) {
      await ds.query(`INSERT INTO evidence_item_countries (item_id, country_code) SELECT * FROM unnest($1::uuid[], $2::varchar[])`, [countryRows.map((r) => r[0]), countryRows.map((r) => r[1])]);
    }
    const focusRows = items.flatMap((x) => x.focusAreaIds.map((f) => [x.id, f]));
    if (focusRows.length) {
      await ds.query(`INSERT INTO evidence_item_focus_areas (item_id, focus_area_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [focusRows.map((r) => r[0]), focusRows.map((r) => r[1])]);
    }
    const done = Math.min(n, from + batch);
    const secs = (Date.now() - started) / 1000;
    log(`  loaded ${done.toLocaleString('en')}/${n.toLocaleString('en')} items, ${textCount.toLocaleString('en')} texts (${secs.toFixed(1)} s, ~${Math.round(done / secs)} items/s)`);
  }
  for (const t of sourceTables) await ds.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  log('  building the search documents…');
  await ds.query(`SELECT evidence_refresh_search_documents(ARRAY(SELECT id FROM evidence_items))`);
  const loadSeconds = (Date.now() - started) / 1000;
  const analyzeStarted = Date.now();
  log('  VACUUM (ANALYZE) of the evidence tables…');
  for (const t of SEARCHED_TABLES) await ds.query(`VACUUM (ANALYZE) ${t}`);
  return { loadSeconds, analyzeSeconds: (Date.now() - analyzeStarted) / 1000, textCount, focusAreas, countries };
}

/** What loadCorpus reports, read back from a kept database (vacuumed again: migrations may have rewritten it). */
async function loadedCorpus(ds) {
  for (const t of SEARCHED_TABLES) await ds.query(`VACUUM (ANALYZE) ${t}`);
  const focusAreas = (await ds.query(`SELECT id FROM alliance_focus_areas ORDER BY sort_order`)).map((r) => r.id);
  const [{ texts }] = await ds.query(`SELECT count(*)::int AS texts FROM evidence_texts`);
  return { loadSeconds: NaN, analyzeSeconds: NaN, textCount: texts, focusAreas, countries: [] };
}

// ---------------------------------------------------------------- timing

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Records every statement the service sends through dataSource.query, with its duration. */
function recordQueries(ds) {
  const original = ds.query.bind(ds);
  const recorder = { log: null };
  ds.query = async (sql, params, ...rest) => {
    const t0 = process.hrtime.bigint();
    try {
      return await original(sql, params, ...rest);
    } finally {
      if (recorder.log) recorder.log.push({ sql, params, ms: Number(process.hrtime.bigint() - t0) / 1e6 });
    }
  };
  return { recorder, original };
}

function statementName(sql) {
  if (sql.includes('evidence_search_state')) return 'generation';
  if (/^SET /.test(sql)) return 'planner settings';
  if (sql.includes('evidence_search_words')) return 'word corrections';
  const kind = sql.includes("to_tsquery('alliance_unaccent'") ? 'corrected words' : sql.includes('@@') ? 'full text' : 'browse';
  if (sql.includes('GROUPING(')) return `counts+facets (${kind})`;
  if (sql.includes('row_number()')) return `hits page (${kind})`;
  if (sql.includes('alliance_countries WHERE code')) return 'selected facet names';
  return 'other';
}

/**
 * Exclusive time of each plan node (total × loops minus its children's), heaviest first. A CTE's
 * own nodes carry its cost, so the time is taken off the CTE Scan that pulled it (once).
 */
function heavyNodes(plan) {
  const time = (n) => (n['Actual Total Time'] ?? 0) * (n['Actual Loops'] ?? 1);
  const isCte = (n) => n['Parent Relationship'] === 'InitPlan' && /^CTE /.test(n['Subplan Name'] ?? '');
  const cteLeft = new Map();
  const collect = (node) => {
    if (isCte(node)) cteLeft.set(node['Subplan Name'].slice(4), time(node));
    (node.Plans ?? []).forEach(collect);
  };
  collect(plan);
  const out = [];
  const walk = (node) => {
    const kids = node.Plans ?? [];
    let self = time(node) - kids.filter((k) => !isCte(k)).reduce((s, k) => s + time(k), 0);
    if (node['Node Type'] === 'CTE Scan' && cteLeft.has(node['CTE Name'])) {
      const taken = Math.min(self, cteLeft.get(node['CTE Name']));
      cteLeft.set(node['CTE Name'], cteLeft.get(node['CTE Name']) - taken);
      self -= taken;
    }
    const what = [node['Node Type'], node['Index Name'] ? `using ${node['Index Name']}` : '', node['Relation Name'] ? `on ${node['Relation Name']}` : '', node['CTE Name'] ? `(CTE ${node['CTE Name']})` : '', node['Subplan Name'] && !isCte(node) ? `[${node['Subplan Name']}]` : '']
      .filter(Boolean)
      .join(' ');
    out.push({ what, self: Math.max(0, self), rows: node['Actual Rows'], loops: node['Actual Loops'] });
    kids.forEach(walk);
  };
  walk(plan);
  return out.sort((a, b) => b.self - a.self);
}

async function explain(query, statement) {
  const [row] = await query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`, statement.params);
  const [json] = row['QUERY PLAN'];
  const textRows = await query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
  return { json, text: textRows.map((r) => r['QUERY PLAN']).join('\n') };
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadAtStart = os.loadavg();
  const lines = [];
  const log = (s = '') => console.log(s);
  const adminUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  // A kept database (--keep) can be timed again (--db) while working on the search.
  const dbName = opts.db ?? `alliance_bench_${randomBytes(4).toString('hex')}`;
  const keep = opts.keep || !!opts.db;
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  let ds;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    if (ds?.isInitialized) await ds.destroy().catch(() => undefined);
    if (keep) {
      await admin.end();
      log(`Kept the database ${dbName} (time it again with --db ${dbName}; drop it with: psql -c 'DROP DATABASE ${dbName}').`);
      return;
    }
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    log(`Dropped the scratch database ${dbName}.`);
  };
  const onSignal = (signal) => {
    log(`\n${signal}: cleaning up…`);
    drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!opts.db) await admin.query(`CREATE DATABASE "${dbName}"`);
    log(`${opts.db ? 'Kept' : 'Scratch'} database ${dbName}; loading the TypeScript modules…`);
    const { createDataSource, runMigrations } = require(path.join(root, 'libs/server/database/src/index.ts'));
    const { ALL_ENTITIES } = require(path.join(root, 'libs/server/platform/src/entities.ts'));
    const { EvidenceSearchService } = require(path.join(root, 'libs/server/evidence/src/search/search.service.ts'));
    const { EvidenceItemsService } = require(path.join(root, 'libs/server/evidence/src/items.service.ts'));

    ds = await createDataSource({ url: url.toString(), entities: ALL_ENTITIES, poolSize: 4, applicationName: 'evidence-bench' });
    let t0 = Date.now();
    await runMigrations(ds);
    const migrateSeconds = (Date.now() - t0) / 1000;
    let load;
    if (opts.db) {
      log(`Migrations applied (${migrateSeconds.toFixed(1)} s); reusing the loaded items.`);
      load = await loadedCorpus(ds);
    } else {
      log(`Migrations applied (${migrateSeconds.toFixed(1)} s). Loading ${opts.items.toLocaleString('en')} items…`);
      load = await loadCorpus(ds, opts.items, log);
    }

    const [stats] = await ds.query(`
      SELECT (SELECT count(*) FROM evidence_items)::int AS items,
             (SELECT count(*) FROM evidence_items WHERE status = 'PUBLISHED')::int AS published,
             (SELECT count(*) FROM evidence_items WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC')::int AS public_published,
             (SELECT count(*) FROM evidence_texts)::int AS texts,
             (SELECT count(*) FROM evidence_item_countries)::int AS country_links,
             (SELECT count(*) FROM evidence_item_focus_areas)::int AS focus_links,
             pg_size_pretty(pg_total_relation_size('evidence_texts')) AS texts_size,
             pg_size_pretty(pg_relation_size('evidence_search_documents')) AS documents_size,
             pg_size_pretty(pg_total_relation_size('evidence_search_documents')) AS documents_total_size,
             pg_size_pretty(pg_relation_size('idx_evidence_search_documents_document')) AS search_index_size,
             pg_size_pretty(pg_total_relation_size('evidence_search_words')) AS words_size,
             (SELECT count(*) FROM evidence_search_words)::int AS words,
             pg_size_pretty(pg_database_size(current_database())) AS db_size`);
    const [pg] = await ds.query(`SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
      current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS parallel, current_setting('pg_trgm.word_similarity_threshold', true) AS wst`);

    // The real service; visibleByIds is the only thing it needs from the items service.
    const items = new EvidenceItemsService(ds, null, null);
    const service = new EvidenceSearchService(ds, items);
    const { recorder } = recordQueries(ds);
    const member = { id: randomUUID(), name: 'Miembro de prueba', roles: [], locale: 'es', member: true, reviewer: false };
    const viewers = [
      ['anonymous', undefined],
      ['member', member],
    ];
    const [fa1] = load.focusAreas;
    const cases = [
      { name: 'common word', input: { query: 'evaluación' } },
      { name: 'rare word', input: { query: 'etnomatemática' } },
      { name: 'unaccented word', input: { query: 'alfabetizacion' } },
      { name: 'two words', input: { query: 'formación docente' } },
      { name: 'typo (corrected words)', input: { query: 'curriculm' } },
      { name: 'empty query (browse)', input: { query: '' } },
      { name: 'common word + 2 facets', input: { query: 'evaluación', filters: { countryCodes: ['MX'], focusAreaIds: [fa1] } } },
      { name: 'browse + 2 facets', input: { query: '', filters: { types: ['RESEARCH'], years: [new Date().getUTCFullYear() - 1] } } },
    ];

    log(`\nTiming EvidenceSearchService.search (locale es, first 20): ${opts.warmup} warm-up + ${opts.runs} runs per case and viewer`);
    const results = [];
    for (const c of cases) {
      for (const [viewerName, viewer] of viewers) {
        let last;
        for (let i = 0; i < opts.warmup; i++) await service.search(c.input, viewer, 'es');
        const times = [];
        const perStatement = new Map();
        let statements = [];
        for (let i = 0; i < opts.runs; i++) {
          // Cold: the result cache is emptied so every run computes the search in PostgreSQL.
          service.results.clear();
          recorder.log = [];
          const t = process.hrtime.bigint();
          last = await service.search(c.input, viewer, 'es');
          times.push(Number(process.hrtime.bigint() - t) / 1e6);
          statements = recorder.log;
          for (const s of statements) {
            const key = statementName(s.sql);
            perStatement.set(key, [...(perStatement.get(key) ?? []), s.ms]);
          }
          recorder.log = null;
        }
        times.sort((a, b) => a - b);
        // Repeated: the same search again while nothing changed (served from the result cache).
        const repeated = [];
        for (let i = 0; i < opts.runs; i++) {
          const t = process.hrtime.bigint();
          await service.search(c.input, viewer, 'es');
          repeated.push(Number(process.hrtime.bigint() - t) / 1e6);
        }
        repeated.sort((a, b) => a - b);
        const r = {
          case: c.name,
          viewer: viewerName,
          query: c.input.query,
          filters: c.input.filters,
          total: last.totalCount,
          hits: last.hits.length,
          fuzzy: last.fuzzy,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          max: times[times.length - 1],
          repeatP50: percentile(repeated, 50),
          repeatP95: percentile(repeated, 95),
          statements,
          perStatement: [...perStatement].map(([k, v]) => ({ name: k, p50: percentile([...v].sort((a, b) => a - b), 50) })),
        };
        results.push(r);
        log(`  ${c.name.padEnd(24)} ${viewerName.padEnd(9)} total ${String(r.total).padStart(6)}${r.fuzzy ? ' (fuzzy)' : '        '}  cold p50 ${ms(r.p50).padStart(5)} ms  p95 ${ms(r.p95).padStart(5)} ms  max ${ms(r.max).padStart(5)} ms  repeat p95 ${ms(r.repeatP95).padStart(5)} ms`);
      }
    }

    // EXPLAIN the statements of the three slowest case/viewer pairs (by p95).
    log('\nEXPLAIN (ANALYZE, BUFFERS) of the slowest cases…');
    const slowest = [...results].sort((a, b) => b.p95 - a.p95).slice(0, 3);
    for (const r of slowest) {
      r.explains = [];
      // In one transaction like the service's, with its planner settings (SET LOCAL) applied.
      const runner = ds.createQueryRunner();
      await runner.connect();
      await runner.startTransaction('REPEATABLE READ');
      try {
        for (const s of r.statements) {
          if (/^SET /.test(s.sql)) {
            await runner.query(s.sql);
            continue;
          }
          if (statementName(s.sql) === 'selected facet names') continue;
          const e = await explain((sql, params) => runner.query(sql, params), s);
          r.explains.push({ name: statementName(s.sql), ...e });
        }
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }

    // ---------------------------------------------------------------- report
    const cpus = os.cpus();
    const md = lines;
    md.push('# Evidence search benchmark');
    md.push('');
    md.push(`Generated by \`npm run bench:evidence -- --items ${opts.items}\` (libs/tooling/bench/evidence-search.cjs) on ${new Date().toISOString()}.`);
    md.push('');
    if (opts.note) md.push(`> ${opts.note}`, '');
    md.push('## Machine and database');
    md.push('');
    md.push(`- CPU: ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown'}; memory ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average (1/5/15 min) at the start ${loadAtStart.map((x) => x.toFixed(2)).join(' / ')}, at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' / ')}`);
    md.push(`- ${pg.version.split(',')[0]}; shared_buffers ${pg.shared_buffers}, work_mem ${pg.work_mem}, jit ${pg.jit}, max_parallel_workers_per_gather ${pg.parallel}`);
    md.push(`- Node ${process.version}`);
    md.push('');
    md.push('## Data');
    md.push('');
    md.push(`- ${stats.items.toLocaleString('en')} items (${stats.published.toLocaleString('en')} published, ${stats.public_published.toLocaleString('en')} of them public), ${stats.texts.toLocaleString('en')} texts (es/pt/en/fr originals, ~30 % with a translation), ${stats.country_links.toLocaleString('en')} country links, ${stats.focus_links.toLocaleString('en')} focus-area links`);
    if (opts.db) md.push(`- Loaded earlier (--keep) and timed again (--db ${opts.db}); migrations ${migrateSeconds.toFixed(1)} s`);
    else md.push(`- Load time: ${load.loadSeconds.toFixed(1)} s for the rows (search vectors computed in SQL as EvidenceItemsService does, indexes in place, search documents built at the end), ${load.analyzeSeconds.toFixed(1)} s VACUUM (ANALYZE); migrations ${migrateSeconds.toFixed(1)} s`);
    md.push(`- Sizes: evidence_texts ${stats.texts_size}; evidence_search_documents ${stats.documents_size} in line, ${stats.documents_total_size} with out-of-line vectors and indexes (GIN search index ${stats.search_index_size}); ${stats.words.toLocaleString('en')} distinct published words for typo correction (${stats.words_size} with their trigram index); database ${stats.db_size}`);
    md.push('');
    md.push('## Search timings');
    md.push('');
    md.push(`Wall time of \`EvidenceSearchService.search(input, viewer, 'es')\` (first page of 20: counts and facets, the hits page with highlights, the items by id), ${opts.warmup} warm-up runs then ${opts.runs} timed runs per row, one at a time. **Cold** runs empty the service's result cache first, so PostgreSQL computes everything (counts and hits run at once on two connections); **repeat** runs ask the same again while nothing changed (one query for the search generation, the cached counts and hit rows, the 20 items read fresh).`);
    md.push('');
    md.push('| Case | Query | Viewer | Matches | cold p50 ms | cold p95 ms | cold max ms | repeat p50 ms | repeat p95 ms | Statements, cold (p50 ms) |');
    md.push('|---|---|---|---:|---:|---:|---:|---:|---:|---|');
    for (const r of results) {
      const q = r.query ? `\`${r.query}\`` : '—';
      const f = r.filters ? ` + ${Object.entries(r.filters).map(([k, v]) => `${k}=${v.map((x) => (String(x).length > 12 ? `${String(x).slice(0, 8)}…` : x)).join(',')}`).join(', ')}` : '';
      md.push(`| ${r.case} | ${q}${f} | ${r.viewer} | ${r.total.toLocaleString('en')}${r.fuzzy ? ' (fuzzy)' : ''} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} | ${ms(r.repeatP50)} | ${ms(r.repeatP95)} | ${r.perStatement.map((s) => `${s.name} ${ms(s.p50)}`).join('; ')} |`);
    }
    md.push('');
    const over = results.filter((r) => r.p95 > 100);
    md.push(over.length ? `**${over.length} of ${results.length} rows have a cold p95 above 100 ms:** ${over.map((r) => `${r.case} (${r.viewer}, ${ms(r.p95)} ms)`).join('; ')}.` : `All ${results.length} rows have a cold p95 at or below 100 ms.`);
    const overRepeat = results.filter((r) => r.repeatP95 > 100);
    md.push('');
    md.push(overRepeat.length ? `**${overRepeat.length} rows have a repeat p95 above 100 ms.**` : `All ${results.length} rows have a repeat p95 at or below 100 ms.`);
    md.push('');
    md.push('## EXPLAIN (ANALYZE, BUFFERS) of the slowest');
    md.push('');
    md.push('Each statement of the last timed run, re-run under EXPLAIN ANALYZE (so times include instrumentation overhead). Heaviest plan nodes by exclusive time.');
    for (const r of slowest) {
      md.push('');
      md.push(`### ${r.case}, ${r.viewer} (p95 ${ms(r.p95)} ms)`);
      for (const e of r.explains) {
        const jit = e.json.JIT ? `, JIT ${e.json.JIT.Timing.Total.toFixed(1)} ms (${e.json.JIT.Functions} functions)` : '';
        const top = e.json.Plan;
        md.push('');
        md.push(`- **${e.name}**: execution ${e.json['Execution Time'].toFixed(1)} ms, planning ${e.json['Planning Time'].toFixed(1)} ms${jit}; buffers hit ${top['Shared Hit Blocks'] ?? 0}, read ${top['Shared Read Blocks'] ?? 0}${top['Temp Written Blocks'] ? `, temp written ${top['Temp Written Blocks']}` : ''}`);
        for (const n of heavyNodes(top).slice(0, 4)) {
          md.push(`  - ${n.self.toFixed(1)} ms in ${n.what} (rows ${n.rows}, loops ${n.loops})`);
        }
        md.push('');
        md.push('  <details><summary>plan</summary>');
        md.push('');
        md.push('  ```');
        md.push(...e.text.split('\n').map((l) => `  ${l}`));
        md.push('  ```');
        md.push('');
        md.push('  </details>');
      }
    }
    md.push('');
    const text = md.join('\n');
    fs.mkdirSync(path.dirname(opts.out), { recursive: true });
    fs.writeFileSync(opts.out, text);
    log('');
    log(text);
    log(`Wrote ${path.relative(root, opts.out)}.`);
  } finally {
    await drop();
  }
}

main().catch((error) => {
  console.error(error.stack || error.message || error);
  process.exitCode = 1;
});
