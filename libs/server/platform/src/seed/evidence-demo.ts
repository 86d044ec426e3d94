import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ModuleRef } from '@nestjs/core';
import PDFDocument from 'pdfkit';
import { DataSource } from 'typeorm';
import { OrganisationRolesService, ReferenceService } from '@alliance/server-alliance';
import { EvidenceAccessService, EvidenceItemsService, type EvidenceViewer } from '@alliance/server-evidence';
import type { SessionUser } from '@alliance/server-graphql';
import { UsersService } from '@alliance/server-identity';
import { FILE_STORAGE, type FileStorage } from '@alliance/server-storage';
import type { Locale } from '@alliance/shared-core';

/** Invented evidence for the demo (authors, organisations, figures): none of it real. */
type Texts = Partial<Record<Locale, { title: string; abstract: string }>>;

interface DemoEvidence {
  submitter: string;
  type: string;
  language: Locale;
  texts: Texts;
  countries: string[];
  areas: string[];
  year: number;
  authors: Array<{ name: string; affiliation?: string }>;
  publisher?: string;
  licence: string;
  externalUrl?: string;
  doi?: string;
  visibility?: 'PUBLIC' | 'MEMBERS';
  /** Generate a small PDF and attach it. */
  pdf?: boolean;
  /** Leave it waiting for review instead of publishing it. */
  pending?: boolean;
  /** Published this many days ago (spreads the "newest" order). */
  daysAgo: number;
}

const ITEMS: DemoEvidence[] = [
  {
    submitter: 'carmen.huaman@aprenderjuntos.example', type: 'CASE_STUDY', language: 'es', year: 2023, licence: 'CC_BY_4_0', daysAgo: 3, pdf: true,
    countries: ['PE', 'BO'], areas: ['teachers', 'content_practices'],
    authors: [{ name: 'Carmen Huamán Torres', affiliation: 'Fundación Aprender Juntos (demo)' }, { name: 'Wilber Condori Apaza', affiliation: 'UGEL Puno (demo)' }],
    texts: {
      es: { title: 'Acompañamiento pedagógico en escuelas rurales multigrado del altiplano', abstract: 'Estudio de caso de un programa de acompañamiento pedagógico a 120 docentes de escuelas multigrado en el altiplano peruano y boliviano. Describe las visitas en aula, los círculos de interaprendizaje y la evaluación formativa de la lectura en quechua, aimara y castellano, con resultados después de dos años.' },
      en: { title: 'Instructional coaching in rural multigrade schools of the Altiplano', abstract: 'Case study of an instructional coaching programme for 120 teachers in multigrade schools of the Peruvian and Bolivian Altiplano: classroom visits, peer-learning circles and formative assessment of reading in Quechua, Aymara and Spanish, with results after two years.' },
    },
  },
  {
    submitter: 'joana.rocha@redeeduca.example', type: 'GOOD_PRACTICE', language: 'pt', year: 2024, licence: 'CC_BY_SA_4_0', daysAgo: 6, pdf: true,
    countries: ['BR'], areas: ['system_management', 'evidence_data'],
    authors: [{ name: 'Joana Cavalcanti Rocha', affiliation: 'Rede Educa Brasil (demo)' }, { name: 'Renato Siqueira Prado' }],
    publisher: 'Rede Educa Brasil (demo)',
    texts: {
      pt: { title: 'Avaliação diagnóstica e recomposição das aprendizagens em redes municipais', abstract: 'Boa prática de 38 redes municipais do Nordeste que aplicaram uma avaliação diagnóstica no início do ano letivo e organizaram grupos de recomposição das aprendizagens em leitura e matemática, com acompanhamento mensal dos resultados pelas secretarias de educação.' },
      es: { title: 'Evaluación diagnóstica y recuperación de aprendizajes en redes municipales', abstract: 'Buena práctica de 38 redes municipales del Nordeste de Brasil que aplicaron una evaluación diagnóstica al inicio del año escolar y organizaron grupos de recuperación de aprendizajes en lectura y matemáticas, con seguimiento mensual por las secretarías de educación.' },
    },
  },
  {
    submitter: 'mc.joseph@menfp-ht.example', type: 'POLICY_DOCUMENT', language: 'fr', year: 2022, licence: 'CC_BY_NC_4_0', daysAgo: 11,
    countries: ['HT'], areas: ['teachers', 'technical_vocational'],
    authors: [{ name: 'Marie-Claude Joseph', affiliation: 'MENFP Haïti (démo)' }],
    externalUrl: 'https://menfp-ht.example/politique-formation-enseignants',
    texts: {
      fr: { title: 'Politique nationale de formation continue des enseignants', abstract: 'Document de politique qui définit les priorités de la formation continue des enseignants du fondamental : développement professionnel en établissement, certification modulaire, usage du créole et du français en classe et évaluation des acquis des élèves.' },
      es: { title: 'Política nacional de formación continua docente de Haití', abstract: 'Documento de política que define las prioridades de la formación continua de los docentes de educación básica: desarrollo profesional en la escuela, certificación modular, uso del criollo y del francés en el aula y evaluación de los aprendizajes.' },
    },
  },
  {
    submitter: 'k.thompson@moey-jm.example', type: 'DATASET', language: 'en', year: 2025, licence: 'CC_BY_4_0', daysAgo: 14,
    countries: ['JM'], areas: ['evidence_data'],
    authors: [{ name: 'Keisha Thompson-Reid', affiliation: 'Ministry of Education and Youth of Jamaica (demo)' }, { name: 'Planning and Research Unit' }],
    externalUrl: 'https://data.moey-jm.example/school-census-2025', doi: '10.5555/moey-jm.census.2025',
    texts: {
      en: { title: 'School census 2025: enrolment, attendance and teacher deployment', abstract: 'Open dataset from the 2025 school census covering enrolment by grade and sex, average daily attendance and teacher deployment for every public primary and secondary school, with a data dictionary and notes on comparability with earlier years.' },
    },
  },
  {
    submitter: 'andres.villalobos@mep-cr.example', type: 'TOOLKIT', language: 'es', year: 2024, licence: 'CC_BY_4_0', daysAgo: 18, pdf: true,
    countries: ['CR'], areas: ['digital_transformation', 'ai_in_education'],
    authors: [{ name: 'Andrés Villalobos Mora', affiliation: 'MEP Costa Rica (demo)' }, { name: 'Daniela Brenes Solano' }],
    texts: {
      es: { title: 'Caja de herramientas para el uso responsable de la inteligencia artificial en el aula', abstract: 'Guías, rúbricas y actividades para que docentes de secundaria integren herramientas de inteligencia artificial generativa con criterios de privacidad, integridad académica y pensamiento crítico. Incluye una lista de verificación para directores y un modelo de política escolar.' },
      en: { title: 'Toolkit for the responsible use of artificial intelligence in the classroom', abstract: 'Guides, rubrics and activities for secondary teachers to bring generative AI tools into class with attention to privacy, academic integrity and critical thinking, plus a checklist for principals and a model school policy.' },
      pt: { title: 'Kit de ferramentas para o uso responsável da inteligência artificial em sala de aula', abstract: 'Guias, rubricas e atividades para que professores do ensino médio integrem ferramentas de inteligência artificial generativa com critérios de privacidade, integridade acadêmica e pensamento crítico.' },
    },
  },
  {
    submitter: 'julian.ospina@escuelasrurales.example', type: 'RESEARCH', language: 'es', year: 2021, licence: 'CC_BY_NC_SA_4_0', daysAgo: 25,
    countries: ['CO', 'EC', 'GT'], areas: ['school_culture', 'content_practices'],
    authors: [{ name: 'Julián Ospina Restrepo', affiliation: 'Red Latinoamericana de Escuelas Rurales (demo)' }, { name: 'Paola Cevallos Andrade', affiliation: 'Universidad Andina de Innovación Educativa (demo)' }],
    publisher: 'Red Latinoamericana de Escuelas Rurales (demo)', doi: '10.5555/relaer.2021.004', externalUrl: 'https://escuelasrurales.example/investigaciones/escuela-nueva',
    texts: {
      es: { title: 'Escuela Nueva veinte años después: convivencia y aprendizajes en la ruralidad', abstract: 'Investigación mixta en 64 escuelas rurales de Colombia, Ecuador y Guatemala que compara la convivencia escolar, la participación de las familias y los aprendizajes en lectura entre escuelas con y sin el modelo Escuela Nueva, a partir de encuestas, observaciones y pruebas estandarizadas.' },
    },
  },
  {
    submitter: 's.ramdin@moe-tt.example', type: 'GOOD_PRACTICE', language: 'en', year: 2023, licence: 'CC_BY_4_0', daysAgo: 33,
    countries: ['TT', 'BB'], areas: ['technical_vocational'],
    authors: [{ name: 'Shivani Ramdin', affiliation: 'Ministry of Education of Trinidad and Tobago (demo)' }],
    externalUrl: 'https://moe-tt.example/tvet-apprenticeships',
    texts: {
      en: { title: 'Work-based learning in technical and vocational schools', abstract: 'How secondary technical and vocational schools partnered with 90 employers to offer structured apprenticeships, with competency logbooks, workplace mentors and joint assessment, and what happened to completion and employment rates.' },
      es: { title: 'Aprendizaje en el lugar de trabajo en escuelas técnicas', abstract: 'Cómo escuelas secundarias técnicas se asociaron con 90 empleadores para ofrecer pasantías estructuradas, con bitácoras de competencias, mentores en la empresa y evaluación conjunta, y qué ocurrió con las tasas de egreso y empleo.' },
    },
  },
  {
    submitter: 'lucia.fernandez@anep-uy.example', type: 'RESEARCH', language: 'es', year: 2020, licence: 'CC_BY_4_0', daysAgo: 41, pdf: true,
    countries: ['UY'], areas: ['evidence_data', 'digital_transformation'],
    authors: [{ name: 'Lucía Fernández Sosa', affiliation: 'ANEP Uruguay (demo)' }, { name: 'Martín Olivera Píriz' }],
    doi: '10.5555/anep.2020.017',
    texts: {
      es: { title: 'Uso de plataformas digitales y continuidad educativa durante el cierre de escuelas', abstract: 'Análisis de los registros de uso de plataformas educativas de 2020 para estimar la continuidad pedagógica por nivel socioeconómico y territorio, y su relación con la asistencia y la promoción al año siguiente.' },
      en: { title: 'Digital platforms and learning continuity during school closures', abstract: 'Analysis of 2020 learning-platform usage logs to estimate learning continuity by socioeconomic level and territory, and its relation to attendance and promotion the following year.' },
    },
  },
  {
    submitter: 'diego.hernandez@sep-mx.example', type: 'POLICY_DOCUMENT', language: 'es', year: 2026, licence: 'CC_BY_ND_4_0', daysAgo: 2,
    countries: ['MX'], areas: ['teachers', 'ai_in_education'],
    authors: [{ name: 'Diego Hernández Ortiz', affiliation: 'SEP México (demo)' }],
    externalUrl: 'https://sep-mx.example/lineamientos-formacion-docente-ia',
    texts: {
      es: { title: 'Lineamientos para la formación docente en inteligencia artificial', abstract: 'Lineamientos nacionales para incorporar la inteligencia artificial en la formación inicial y continua de docentes: competencias esperadas, trayectos formativos, evaluación y acompañamiento a escuelas normales.' },
      fr: { title: 'Orientations pour la formation des enseignants à l’intelligence artificielle', abstract: 'Orientations nationales pour intégrer l’intelligence artificielle dans la formation initiale et continue des enseignants : compétences attendues, parcours de formation, évaluation et accompagnement des écoles normales.' },
    },
  },
  {
    submitter: 'marcus.greenidge@cced.example', type: 'RESEARCH', language: 'en', year: 2022, licence: 'CC_BY_4_0', daysAgo: 52,
    countries: ['BB', 'JM', 'TT'], areas: ['evidence_data', 'system_management'],
    authors: [{ name: 'Marcus Greenidge', affiliation: 'Caribbean Centre for Education Data (demo)' }, { name: 'Alicia Boyce' }],
    publisher: 'Caribbean Centre for Education Data (demo)', doi: '10.5555/cced.2022.031', pdf: true,
    texts: {
      en: { title: 'Learning loss and recovery in Caribbean primary schools', abstract: 'A longitudinal study of reading and mathematics results of 18,000 primary pupils in three Caribbean countries before and after school closures, estimating learning loss and the effect of tutoring and extended school time on recovery.' },
      fr: { title: 'Pertes et rattrapage des apprentissages dans les écoles primaires de la Caraïbe', abstract: 'Étude longitudinale des résultats en lecture et en mathématiques de 18 000 élèves du primaire dans trois pays de la Caraïbe avant et après la fermeture des écoles, estimant les pertes d’apprentissage et l’effet du tutorat.' },
    },
  },
  {
    submitter: 'paola.cevallos@uaie.example', type: 'CASE_STUDY', language: 'es', year: 2019, licence: 'CC_BY_SA_4_0', daysAgo: 60,
    countries: ['EC'], areas: ['school_culture', 'social_responsibility'],
    authors: [{ name: 'Paola Cevallos Andrade', affiliation: 'Universidad Andina de Innovación Educativa (demo)' }],
    externalUrl: 'https://uaie.example/casos/convivencia-quito',
    texts: {
      es: { title: 'Convivencia escolar y mediación entre pares en colegios de Quito', abstract: 'Estudio de caso de un programa de mediación entre pares en seis colegios fiscales de Quito: formación de estudiantes mediadores, protocolos de atención de conflictos y cambios en el clima escolar medidos con encuestas a estudiantes y docentes.' },
      pt: { title: 'Convivência escolar e mediação entre pares em escolas de Quito', abstract: 'Estudo de caso de um programa de mediação entre pares em seis escolas públicas de Quito: formação de estudantes mediadores, protocolos de atenção a conflitos e mudanças no clima escolar.' },
    },
  },
  {
    submitter: 'irene.valdes@aice.example', type: 'VIDEO', language: 'es', year: 2025, licence: 'CC_BY_4_0', daysAgo: 8,
    countries: ['PA', 'CR', 'GT'], areas: ['digital_transformation'],
    authors: [{ name: 'Irene Valdés Prieto', affiliation: 'Agencia Iberoamericana de Cooperación Educativa (demo)' }],
    externalUrl: 'https://video.example/aice/conectividad-escolar',
    texts: {
      es: { title: 'Conectividad escolar en Centroamérica: lo que aprendimos (video)', abstract: 'Video de 18 minutos con testimonios de directores, docentes y técnicos de tres países sobre la conexión de escuelas rurales a internet: modelos de financiamiento, mantenimiento, formación docente y uso pedagógico de la conectividad.' },
      en: { title: 'School connectivity in Central America: what we learned (video)', abstract: 'An 18-minute video with principals, teachers and technicians from three countries on connecting rural schools to the internet: funding models, maintenance, teacher training and the pedagogical use of connectivity.' },
    },
  },
  {
    submitter: 'andres.villalobos@mep-cr.example', type: 'GOOD_PRACTICE', language: 'es', year: 2022, licence: 'CC0_1_0', daysAgo: 70,
    countries: ['CR'], areas: ['content_practices', 'teachers'],
    authors: [{ name: 'Andrés Villalobos Mora', affiliation: 'MEP Costa Rica (demo)' }],
    externalUrl: 'https://mep-cr.example/buenas-practicas/lectura-temprana',
    texts: {
      es: { title: 'Lectura temprana en primer ciclo: rincones de lectura y evaluación formativa', abstract: 'Buena práctica de escuelas de primer ciclo que combinan rincones de lectura en el aula, tiempo diario de lectura en voz alta y evaluación formativa de la fluidez lectora, con materiales de bajo costo y acompañamiento de asesores regionales.' },
    },
  },
  {
    submitter: 'joana.rocha@redeeduca.example', type: 'OTHER', language: 'pt', year: 2021, licence: 'ALL_RIGHTS_RESERVED', daysAgo: 90,
    countries: ['BR'], areas: ['social_responsibility', 'school_culture'],
    authors: [{ name: 'Joana Cavalcanti Rocha', affiliation: 'Rede Educa Brasil (demo)' }],
    externalUrl: 'https://redeeduca.example/relatorios/busca-ativa',
    texts: {
      pt: { title: 'Busca ativa escolar: relatório de uma rede de colaboração intersetorial', abstract: 'Relatório sobre a estratégia de busca ativa de crianças e adolescentes fora da escola em 12 municípios, articulando educação, saúde e assistência social, com indicadores de retorno e permanência.' },
      en: { title: 'Active search for out-of-school children: an intersectoral network report', abstract: 'Report on the active search for out-of-school children and adolescents in 12 municipalities, bringing together education, health and social services, with indicators of return and retention.' },
    },
  },
  // Members only: shared with the alliance before public release.
  {
    submitter: 'k.thompson@moey-jm.example', type: 'DATASET', language: 'en', year: 2026, licence: 'ALL_RIGHTS_RESERVED', daysAgo: 4, visibility: 'MEMBERS', pdf: true,
    countries: ['JM', 'TT', 'BB'], areas: ['evidence_data', 'teachers'],
    authors: [{ name: 'Keisha Thompson-Reid', affiliation: 'Ministry of Education and Youth of Jamaica (demo)' }, { name: 'Marcus Greenidge', affiliation: 'Caribbean Centre for Education Data (demo)' }],
    texts: {
      en: { title: 'Teacher supply and attrition in the Caribbean: preliminary tables', abstract: 'Preliminary tables on teacher supply, vacancies and attrition by subject and district, shared with alliance members for comment before publication. Figures may change after validation by each ministry.' },
      es: { title: 'Oferta y deserción docente en el Caribe: tablas preliminares', abstract: 'Tablas preliminares sobre oferta docente, vacantes y deserción por asignatura y distrito, compartidas con los miembros de la Alianza para comentarios antes de su publicación.' },
    },
  },
  // Waiting for review.
  {
    submitter: 'lucia.fernandez@anep-uy.example', type: 'TOOLKIT', language: 'es', year: 2026, licence: 'CC_BY_4_0', daysAgo: 0, pending: true,
    countries: ['UY', 'AR'], areas: ['system_management', 'evidence_data'],
    authors: [{ name: 'Lucía Fernández Sosa', affiliation: 'ANEP Uruguay (demo)' }],
    externalUrl: 'https://anep-uy.example/herramientas/alerta-temprana',
    texts: {
      es: { title: 'Sistema de alerta temprana de desvinculación: guía de implementación', abstract: 'Guía paso a paso para implementar un sistema de alerta temprana de desvinculación en educación media: indicadores de asistencia, rendimiento y trayectoria, protocolos de intervención y tableros para equipos de centro.' },
    },
  },
];

/** A one-page PDF with the item's title and abstract (standard fonts: Latin-1 text only). */
function demoPdf(title: string, abstract: string, authors: string, year: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: title, Author: authors } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const latin1 = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/[^\x20-\xff\n]/g, '');
    doc.fontSize(9).fillColor('#666').text('Alianza Regional por la Educación - banco de evidencias (demo)');
    doc.moveDown(2).fontSize(18).fillColor('#000').text(latin1(title));
    doc.moveDown().fontSize(11).fillColor('#333').text(`${latin1(authors)} (${year})`);
    doc.moveDown(2).fontSize(11).fillColor('#000').text(latin1(abstract), { align: 'justify' });
    doc.moveDown(2).fontSize(9).fillColor('#666').text('Documento ficticio generado para la demostración del portal.');
    doc.end();
  });
}

const slug = (s: string) =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);

/**
 * The demo evidence bank, created through the evidence services as each organisation's
 * representative (create, attach a PDF, submit) and published by the demo administrator.
 * Skipped when the evidence module is absent or evidence items already exist.
 */
export async function seedEvidenceDemo(moduleRef: ModuleRef): Promise<number> {
  let items: EvidenceItemsService;
  try {
    items = moduleRef.get(EvidenceItemsService, { strict: false });
  } catch {
    return 0; // the evidence module is not part of this application
  }
  const dataSource = moduleRef.get(DataSource, { strict: false });
  const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM evidence_items`);
  if (n > 0) return 0;
  const access = moduleRef.get(EvidenceAccessService, { strict: false });
  const users = moduleRef.get(UsersService, { strict: false });
  const roles = moduleRef.get(OrganisationRolesService, { strict: false });
  const reference = moduleRef.get(ReferenceService, { strict: false });
  let storage: FileStorage | null = null;
  try {
    storage = moduleRef.get<FileStorage>(FILE_STORAGE, { strict: false });
  } catch {
    storage = null; // no storage configured: items keep their external links only
  }

  const viewerOf = async (email: string): Promise<EvidenceViewer | undefined> => {
    const user = await users.findByEmail(email);
    if (!user) return undefined;
    const [userRoles] = await users.rolesByUserIds([user.id]);
    const session: SessionUser = { id: user.id, sessionId: 'demo-seed', name: user.name, email: user.email, roles: userRoles ?? [], locale: 'es' };
    return access.viewerFor(session, 'es');
  };
  const reviewer = await viewerOf('admin@alianza.example');
  const fallback = await viewerOf('organizador@alianza.example');
  if (!reviewer?.reviewer) return 0;
  const areas = new Map((await reference.focusAreas(true)).map((f) => [f.key, f.id]));

  let published = 0;
  for (const spec of ITEMS) {
    let submitter = await viewerOf(spec.submitter);
    if (!submitter?.member) submitter = fallback;
    if (!submitter?.member) continue;
    const organisationId = (await roles.rolesOf(submitter.id))[0]?.organisationId ?? null;
    const item = await items.create(submitter, {
      type: spec.type,
      language: spec.language,
      texts: Object.entries(spec.texts).map(([locale, text]) => ({ locale, ...text })),
      countryCodes: spec.countries,
      focusAreaIds: spec.areas.map((k) => areas.get(k)).filter((id): id is string => !!id),
      year: spec.year,
      authors: spec.authors,
      organisationId,
      publisher: spec.publisher ?? null,
      licence: spec.licence,
      externalUrl: spec.externalUrl ?? null,
      doi: spec.doi ?? null,
      visibility: spec.visibility ?? 'PUBLIC',
    });
    const original = spec.texts[spec.language]!;
    if (spec.pdf && storage) {
      const bytes = await demoPdf(original.title, original.abstract, spec.authors.map((a) => a.name).join('; '), spec.year);
      const fileId = randomUUID();
      const key = `evidence/${item.id}/${fileId}.pdf`;
      const stored = await storage.write(key, Readable.from([bytes]));
      await items.addFile(submitter, item.id, { id: fileId, filename: `${slug(original.title)}.pdf`, contentType: 'application/pdf', size: stored.size, sha256: stored.sha256, storageKey: key });
    }
    if (!spec.pdf && !spec.externalUrl) continue; // cannot be submitted without a file or a link
    await items.submit(submitter, item.id);
    if (spec.pending) continue;
    await items.review(reviewer, item.id, 'PUBLISH');
    // Spread publication dates so "newest" has a meaningful order in the demo.
    await dataSource.query(
      `UPDATE evidence_items SET published_at = now() - make_interval(days => $2), submitted_at = now() - make_interval(days => $2 + 2) WHERE id = $1`,
      [item.id, spec.daysAgo],
    );
    published += 1;
  }
  return published;
}
