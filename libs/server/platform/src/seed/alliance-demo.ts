import type { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApplicationsService, FocalPointsService, ReferenceService, type Actor, type OrganisationType } from '@alliance/server-alliance';
import { UsersService, type User } from '@alliance/server-identity';
import type { Locale } from '@alliance/shared-core';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';

/** Invented organisations of the alliance for the demo: realistic for the region, none of them real. */
interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  country: string;
  website: string | null;
  description: string;
  role: string;
  /** A DEMO_PEOPLE e-mail, or a new person. */
  representative: string | { name: string; email: string; locale: Locale };
  areas: string[];
  monthsAgo: number;
  focal?: { area: string; consent: boolean };
}

const MOTIVATION = 'Queremos aprender de otros países de la región y compartir lo que ha funcionado en nuestras escuelas.';

const MEMBERS: DemoOrganisation[] = [
  {
    name: 'Ministerio de Educación Pública de Costa Rica (demo)', type: 'MINISTRY_OF_EDUCATION', country: 'CR', website: 'https://mep-cr.example',
    description: 'Rector del sistema educativo costarricense; impulsa la transformación curricular y la educación digital.',
    role: 'Director de Innovación Educativa', representative: 'andres.villalobos@mep-cr.example', areas: ['digital_transformation', 'content_practices'], monthsAgo: 14,
    focal: { area: 'digital_transformation', consent: true },
  },
  {
    name: 'Ministère de l’Éducation nationale et de la Formation professionnelle (démo)', type: 'MINISTRY_OF_EDUCATION', country: 'HT', website: 'https://menfp-ht.example',
    description: 'Ministère chargé de l’éducation de base, de l’enseignement secondaire et de la formation professionnelle en Haïti.',
    role: 'Coordonnatrice de la coopération', representative: 'mc.joseph@menfp-ht.example', areas: ['teachers', 'technical_vocational'], monthsAgo: 12,
    focal: { area: 'teachers', consent: false },
  },
  {
    name: 'Ministry of Education and Youth of Jamaica (demo)', type: 'MINISTRY_OF_EDUCATION', country: 'JM', website: 'https://moey-jm.example',
    description: 'Leads early childhood, primary and secondary education policy and the national teacher development programme.',
    role: 'Senior Director, Planning', representative: 'k.thompson@moey-jm.example', areas: ['system_management', 'evidence_data'], monthsAgo: 11,
    focal: { area: 'evidence_data', consent: true },
  },
  {
    name: 'Secretaría de Educación Pública de México (demo)', type: 'MINISTRY_OF_EDUCATION', country: 'MX', website: 'https://sep-mx.example',
    description: 'Responsable de la política educativa nacional; coordina programas de formación docente y de educación digital.',
    role: 'Subdirector de Cooperación Internacional', representative: 'diego.hernandez@sep-mx.example', areas: ['teachers', 'ai_in_education'], monthsAgo: 9,
  },
  {
    name: 'Ministry of Education of Trinidad and Tobago (demo)', type: 'MINISTRY_OF_EDUCATION', country: 'TT', website: 'https://moe-tt.example',
    description: 'Oversees public schools and leads the national strategy for technical and vocational education.',
    role: 'Curriculum Planning Officer', representative: 's.ramdin@moe-tt.example', areas: ['technical_vocational', 'school_culture'], monthsAgo: 7,
  },
  {
    name: 'Administración Nacional de Educación Pública (demo)', type: 'OTHER_PUBLIC_BODY', country: 'UY', website: 'https://anep-uy.example',
    description: 'Organismo autónomo que gestiona la educación pública inicial, primaria, media y la formación en educación.',
    role: 'Coordinadora de Proyectos', representative: 'lucia.fernandez@anep-uy.example', areas: ['content_practices', 'evidence_data'], monthsAgo: 6,
  },
  {
    name: 'Rede Educa Brasil (demo)', type: 'NETWORK', country: 'BR', website: 'https://redeeduca.example',
    description: 'Rede de organizações da sociedade civil que apoiam redes municipais de ensino na gestão e na formação de professores.',
    role: 'Coordenadora executiva', representative: 'joana.rocha@redeeduca.example', areas: ['system_management', 'teachers'], monthsAgo: 5,
  },
  {
    name: 'Fundación Aprender Juntos (demo)', type: 'NGO', country: 'PE', website: 'https://aprenderjuntos.example',
    description: 'Acompaña a escuelas rurales andinas en lectura, escritura y convivencia escolar, con docentes de las propias comunidades.',
    role: 'Directora ejecutiva', representative: { name: 'Carmen Huamán Torres', email: 'carmen.huaman@aprenderjuntos.example', locale: 'es' },
    areas: ['school_culture', 'social_responsibility'], monthsAgo: 4,
  },
  {
    name: 'Red Latinoamericana de Escuelas Rurales (demo)', type: 'NETWORK', country: 'CO', website: 'https://escuelasrurales.example',
    description: 'Red de docentes y directivos de escuelas multigrado que comparten prácticas y materiales abiertos.',
    role: 'Coordinador general', representative: { name: 'Julián Ospina Restrepo', email: 'julian.ospina@escuelasrurales.example', locale: 'es' },
    areas: ['content_practices', 'teachers'], monthsAgo: 3,
  },
  {
    name: 'Universidad Andina de Innovación Educativa (demo)', type: 'UNIVERSITY_RESEARCH', country: 'EC', website: 'https://uaie.example',
    description: 'Universidad pública que investiga el uso de la inteligencia artificial en el aula y forma a docentes en servicio.',
    role: 'Decana de Educación', representative: { name: 'Paola Cevallos Andrade', email: 'paola.cevallos@uaie.example', locale: 'es' },
    areas: ['ai_in_education', 'evidence_data'], monthsAgo: 2,
  },
  {
    name: 'Caribbean Centre for Education Data (demo)', type: 'UNIVERSITY_RESEARCH', country: 'BB', website: 'https://cced.example',
    description: 'Research centre that builds shared indicators on learning and school participation across the Caribbean.',
    role: 'Research Director', representative: { name: 'Marcus Greenidge', email: 'marcus.greenidge@cced.example', locale: 'en' },
    areas: ['evidence_data'], monthsAgo: 1,
  },
  {
    name: 'Agencia Iberoamericana de Cooperación Educativa (demo)', type: 'INTERNATIONAL_ORGANISATION', country: 'ES', website: 'https://aice.example',
    description: 'Agencia de cooperación que apoya proyectos de formación docente y transformación digital en América Latina.',
    role: 'Responsable de programas', representative: { name: 'Irene Valdés Prieto', email: 'irene.valdes@aice.example', locale: 'es' },
    areas: ['digital_transformation'], monthsAgo: 0,
  },
];

const PENDING: Array<DemoOrganisation & { daysAgo: number; review: boolean }> = [
  {
    name: 'Colectivo Docentes del Sur (demo)', type: 'NGO', country: 'AR', website: 'https://docentesdelsur.example',
    description: 'Colectivo de docentes de la Patagonia que desarrolla materiales abiertos de ciencias para escuelas secundarias.',
    role: 'Presidenta', representative: { name: 'Florencia Giménez', email: 'florencia.gimenez@docentesdelsur.example', locale: 'es' },
    areas: ['content_practices'], monthsAgo: 0, daysAgo: 23, review: true,
  },
  {
    name: 'Ministerio de Educación de Panamá (demo)', type: 'MINISTRY_OF_EDUCATION', country: 'PA', website: 'https://meduca-pa.example',
    description: 'Ministerio responsable de la educación pública panameña, con un plan nacional de formación docente en curso.',
    role: 'Directora de Relaciones Internacionales', representative: { name: 'Itzel Batista Ríos', email: 'itzel.batista@meduca-pa.example', locale: 'es' },
    areas: ['teachers', 'system_management'], monthsAgo: 0, daysAgo: 9, review: false,
  },
  {
    name: 'EdTech Centroamérica (demo)', type: 'PRIVATE_SECTOR', country: 'GT', website: 'https://edtech-ca.example',
    description: 'Empresa social que ofrece plataformas de aprendizaje sin conexión para escuelas con poca conectividad.',
    role: 'Gerente de alianzas', representative: { name: 'Rodrigo Ajú Xicará', email: 'rodrigo.aju@edtech-ca.example', locale: 'es' },
    areas: ['digital_transformation'], monthsAgo: 0, daysAgo: 2, review: false,
  },
];

/**
 * The alliance's demo data, through the same services people use (the duplicate guard, the review
 * and the approvals), then dated back so the figures have a history. Skipped when any organisation exists.
 */
export async function seedAllianceDemo(moduleRef: ModuleRef): Promise<number> {
  let applications: ApplicationsService;
  try {
    applications = moduleRef.get(ApplicationsService, { strict: false });
  } catch {
    return 0; // the alliance module is not part of this application
  }
  const dataSource = moduleRef.get(DataSource, { strict: false });
  const users = moduleRef.get(UsersService, { strict: false });
  const focalPoints = moduleRef.get(FocalPointsService, { strict: false });
  const reference = moduleRef.get(ReferenceService, { strict: false });
  const [{ n }]: Array<{ n: number }> = await dataSource.query(`SELECT count(*)::int AS n FROM organisations`);
  if (n > 0) return 0;

  const adminEmail = DEMO_PEOPLE.find((p) => p.roles.length && p.email.startsWith('admin'))!.email;
  const adminUser = (await users.findByEmail(adminEmail))!;
  const admin: Actor = { id: adminUser.id, name: adminUser.name, roles: ['ADMIN'] };
  await reference.addObserverCountry('ES');
  const areas = new Map((await reference.focusAreas(true)).map((f) => [f.key, f.id]));
  const charterVersion = (await reference.currentCharter()).version;

  const personOf = async (who: DemoOrganisation['representative'], country: string): Promise<User> => {
    if (typeof who === 'string') return (await users.findByEmail(who))!;
    return (await users.findByEmail(who.email)) ?? users.createUser({ ...who, preferredLocale: who.locale, password: DEMO_PASSWORD, countryCode: country, verified: true });
  };
  const submit = async (o: DemoOrganisation) => {
    const user = await personOf(o.representative, o.country);
    const applicant: Actor = { id: user.id, name: user.name, roles: [] };
    const application = await applications.submit(applicant, {
      organisationName: o.name,
      organisationType: o.type,
      countryCode: o.country,
      website: o.website,
      description: o.description,
      applicantRole: o.role,
      motivation: MOTIVATION,
      focusAreaIds: o.areas.map((key) => areas.get(key)!),
      charterVersion,
    });
    return { applicant, application };
  };

  for (const o of MEMBERS) {
    const { applicant, application } = await submit(o);
    const done = await applications.approve(admin, application.id);
    const since = `now() - interval '${o.monthsAgo} months' - interval '${3 + o.monthsAgo} days'`;
    await dataSource.query(`UPDATE memberships SET since = ${since} WHERE organisation_id = $1`, [done.organisationId]);
    await dataSource.query(`UPDATE membership_applications SET submitted_at = ${since} - interval '20 days' WHERE id = $1`, [application.id]);
    if (o.focal) {
      const focal = await focalPoints.designate(applicant, done.organisationId!, {
        userId: applicant.id,
        focusAreaId: areas.get(o.focal.area)!,
        role: 'TITULAR',
        startDate: new Date(Date.now() - o.monthsAgo * 30 * 86_400_000).toISOString().slice(0, 10),
      });
      if (o.focal.consent) await focalPoints.setConsent(applicant, focal.id, true);
    }
  }
  for (const o of PENDING) {
    const { application } = await submit(o);
    if (o.review) await applications.startReview(admin, application.id, 'Revisión de documentos en curso.');
    await dataSource.query(`UPDATE membership_applications SET submitted_at = now() - interval '${o.daysAgo} days' WHERE id = $1`, [application.id]);
  }
  return MEMBERS.length;
}
