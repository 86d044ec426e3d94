import { randomUUID } from 'node:crypto';
import { GraphQLClient, es, ok, portalWithAdmin, signedInClient } from '../support';

const ADMIN = { email: 'evidence-links-admin@alianza.example', password: 'Evidence-Links-Admin-Password-1' };

describe('courses and workshops link evidence bank items (running api + worker)', () => {
  const running = portalWithAdmin(ADMIN);

  it('an organiser links published items to a course and a workshop; readers see them and the item page lists where it is used', async () => {
    const portal = running();
    const t = randomUUID().slice(0, 6);
    const admin = await signedInClient(portal, ADMIN);
    const anonymous = new GraphQLClient(portal.url, 'es');
    const { focusAreas } = ok<{ focusAreas: Array<{ id: string }> }>(await admin.request(`{ focusAreas { id } }`));

    // --- Two items: one published for everyone, one still a draft.
    const share = async (title: string) =>
      ok<{ createEvidenceItem: { id: string } }>(
        await admin.request(`mutation($input: EvidenceItemInput!) { createEvidenceItem(input: $input) { id } }`, {
          input: {
            type: 'GOOD_PRACTICE',
            language: 'es',
            texts: [{ locale: 'es', title, abstract: 'Experiencia de tutoría entre pares en escuelas rurales multigrado, con resultados de lectura medidos durante dos años.' }],
            countryCodes: ['PE'],
            focusAreaIds: [focusAreas[0].id],
            year: 2024,
            authors: [{ name: 'Lucía Paredes', affiliation: 'Red Rural de Cusco' }],
            organisationId: null,
            publisher: null,
            licence: 'CC_BY_4_0',
            externalUrl: 'https://redrural.example.org/tutorias',
            doi: null,
            visibility: 'PUBLIC',
          },
        }),
      ).createEvidenceItem.id;
    const published = await share(`Tutorías entre pares en Cusco ${t}`);
    ok(await admin.request(`mutation($id: ID!) { submitEvidenceItem(id: $id) { status } }`, { id: published }));
    ok(await admin.request(`mutation($id: ID!) { reviewEvidenceItem(id: $id, decision: PUBLISH) { status } }`, { id: published }));
    const draft = await share(`Borrador sin publicar ${t}`);

    // --- The course: a draft item is refused with a translated message naming the field; the published one is linked.
    const course = ok<{ createCourse: { id: string; slug: string } }>(
      await admin.request(`mutation($input: CourseInput!) { createCourse(input: $input) { id slug } }`, {
        input: {
          slug: `tutorias-${t}`,
          title: [...es(`Tutorías entre pares ${t}`), { locale: 'en', value: `Peer tutoring ${t}` }],
          summary: es('Cómo organizar tutorías entre estudiantes.'),
          level: 'INTRODUCTORY',
          format: 'SELF_PACED',
          estimatedHours: 3,
          languages: ['es'],
          focusAreaIds: [],
          enrolmentPolicy: 'OPEN',
          certificateIssuer: 'Alianza Regional de Educación',
          certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
        },
      }),
    ).createCourse;
    const SET = `mutation($c: ID!, $ids: [ID!]!) { setCourseEvidence(courseId: $c, evidenceItemIds: $ids) { relatedEvidence { id title } } }`;
    const refused = await admin.request(SET, { c: course.id, ids: [published, draft] });
    expect(refused.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'evidenceItemIds' })]);
    const participant = new GraphQLClient(portal.url, 'es');
    expect((await participant.request(SET, { c: course.id, ids: [published] })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(ok<{ setCourseEvidence: { relatedEvidence: Array<{ id: string }> } }>(await admin.request(SET, { c: course.id, ids: [published] })).setCourseEvidence.relatedEvidence).toEqual([
      expect.objectContaining({ id: published }),
    ]);
    const moduleId = ok<{ addModule: { id: string } }>(await admin.request(`mutation($c: ID!, $t: [LocalizedTextInput!]!) { addModule(courseId: $c, title: $t) { id } }`, { c: course.id, t: es('Inicio') })).addModule.id;
    ok(await admin.request(`mutation($m: ID!, $i: LessonInput!) { addLesson(moduleId: $m, input: $i) { id } }`, { m: moduleId, i: { type: 'TEXT', title: es('Bienvenida'), body: es('Hola.') } }));

    // Not used anywhere visible while the course is a draft.
    const USED = `query($id: ID!) { evidenceItem(id: $id) { usedIn { kind title path } } }`;
    expect(ok<{ evidenceItem: { usedIn: unknown[] } }>(await anonymous.request(USED, { id: published })).evidenceItem.usedIn).toEqual([]);
    ok(await admin.request(`mutation($id: ID!) { publishCourse(id: $id) { status } }`, { id: course.id }));
    const page = ok<{ course: { relatedEvidence: Array<{ id: string; title: string }> } }>(
      await anonymous.request(`query($s: String!) { course(slug: $s) { relatedEvidence { id title } } }`, { s: course.slug }),
    );
    expect(page.course.relatedEvidence).toEqual([{ id: published, title: `Tutorías entre pares en Cusco ${t}` }]);

    // --- The workshop: an evidence material, opened.
    const workshop = ok<{ createWorkshop: { id: string; slug: string } }>(
      await admin.request(`mutation($input: WorkshopInput!) { createWorkshop(input: $input) { id slug } }`, {
        input: {
          slug: `taller-tutorias-${t}`,
          title: [...es(`Taller de tutorías ${t}`), { locale: 'en', value: `Tutoring workshop ${t}` }],
          description: es('Experiencias de la región.'),
          mode: 'VIRTUAL',
          timeZone: 'America/Lima',
          meetingUrl: 'https://meet.example/tutorias',
          capacity: 30,
          audience: 'OPEN',
          approvalRequired: false,
          waitlistMode: 'AUTO',
          languages: ['es'],
          certificateIssuer: 'Alianza Regional de Educación',
          certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
        },
      }),
    ).createWorkshop;
    const start = Date.now() + 3 * 24 * 3_600_000;
    ok(
      await admin.request(`mutation($w: ID!, $input: SessionInput!) { saveSession(workshopId: $w, input: $input) { id } }`, {
        w: workshop.id,
        input: { title: es('Sesión'), startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString() },
      }),
    );
    const ADD = `mutation($w: ID!, $input: MaterialInput!) { addMaterial(workshopId: $w, input: $input) { id } }`;
    const bad = await admin.request(ADD, { w: workshop.id, input: { phase: 'BEFORE', evidenceItemId: draft } });
    expect(bad.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'evidenceItemId' })]);
    ok(await admin.request(ADD, { w: workshop.id, input: { phase: 'BEFORE', evidenceItemId: published } }));
    ok(await admin.request(`mutation($id: ID!) { openWorkshop(id: $id) { status } }`, { id: workshop.id }));
    const materials = ok<{ workshop: { materials: Array<{ title: string; url: string; evidenceItem: { id: string } | null }> } }>(
      await anonymous.request(`query($s: String!) { workshop(slug: $s) { materials { title url evidenceItem { id } } } }`, { s: workshop.slug }),
    ).workshop.materials;
    expect(materials).toEqual([{ title: `Tutorías entre pares en Cusco ${t}`, url: `/evidence/${published}`, evidenceItem: { id: published } }]);

    // --- The item page lists both, courses first.
    expect(ok<{ evidenceItem: { usedIn: unknown[] } }>(await anonymous.request(USED, { id: published })).evidenceItem.usedIn).toEqual([
      { kind: 'COURSE', title: `Tutorías entre pares ${t}`, path: `/courses/${course.slug}` },
      { kind: 'WORKSHOP', title: `Taller de tutorías ${t}`, path: `/workshops/${workshop.slug}` },
    ]);
  });
});
