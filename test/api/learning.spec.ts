import { randomUUID } from 'node:crypto';
import { SIGN_IN, es, newAccount, ok, portalWithAdmin, signedInClient, waitForMail } from '../support';

const ADMIN = { email: 'learning-admin@alianza.example', password: 'Learning-Admin-Password-1' };

describe('learning journey through the running api + worker', () => {
  const running = portalWithAdmin(ADMIN);

  it('organiser builds a course with a quiz; a ministry focal point nominates three colleagues; one completes it, gets the certificate; the report shows it', async () => {
    const portal = running();
    const t = randomUUID().slice(0, 6);
    const admin = await signedInClient(portal, ADMIN);
    const { focusAreas } = ok<{ focusAreas: Array<{ id: string }> }>(await admin.request(`{ focusAreas { id } }`));

    // --- The organiser builds and publishes a two-module course with a quiz.
    const created = ok<{ createCourse: { id: string; slug: string; offerings: Array<{ id: string }> } }>(
      await admin.request(`mutation($input: CourseInput!) { createCourse(input: $input) { id slug offerings { id } } }`, {
        input: {
          slug: `evaluacion-formativa-${t}`,
          title: [...es(`Evaluación formativa ${t}`), { locale: 'pt', value: `Avaliação formativa ${t}` }],
          summary: es('Cómo usar la evaluación para aprender.'),
          level: 'INTRODUCTORY',
          format: 'SELF_PACED',
          estimatedHours: 4,
          languages: ['es', 'pt'],
          focusAreaIds: [focusAreas[0].id],
          enrolmentPolicy: 'OPEN',
          certificateIssuer: 'Alianza Regional de Educación',
          certificateSignatories: [{ name: 'Valentina Rojas', title: 'Secretaria ejecutiva', organisation: 'Alianza Regional de Educación' }],
        },
      }),
    ).createCourse;
    const courseId = created.id;
    const offeringId = created.offerings[0].id;
    const addModule = async (title: string) =>
      ok<{ addModule: { id: string } }>(await admin.request(`mutation($c: ID!, $t: [LocalizedTextInput!]!) { addModule(courseId: $c, title: $t) { id } }`, { c: courseId, t: es(title) })).addModule.id;
    const addLesson = async (moduleId: string, input: Record<string, unknown>) =>
      ok<{ addLesson: { id: string } }>(await admin.request(`mutation($m: ID!, $i: LessonInput!) { addLesson(moduleId: $m, input: $i) { id } }`, { m: moduleId, i: input })).addLesson.id;
    const first = await addModule('Fundamentos');
    const second = await addModule('Práctica');
    const textLesson = await addLesson(first, { type: 'TEXT', title: es('Qué es evaluar para aprender'), body: es('La **retroalimentación** es el centro.') });
    const quizLesson = await addLesson(second, { type: 'QUIZ', title: es('Compruebe lo aprendido') });
    const saved = ok<{ saveQuiz: { quiz: { questions: Array<{ id: string; options: Array<{ id: string; correct: boolean }> }> } } }>(
      await admin.request(`mutation($l: ID!, $i: QuizInput!) { saveQuiz(lessonId: $l, input: $i) { quiz { questions { id options { id correct } } } } }`, {
        l: quizLesson,
        i: {
          passMark: 100,
          maxAttempts: 3,
          questions: [
            { kind: 'SINGLE', prompt: es('¿Para qué sirve la retroalimentación?'), options: [{ text: es('Para mejorar'), correct: true }, { text: es('Para sancionar'), correct: false }] },
            {
              kind: 'MULTIPLE',
              prompt: es('¿Qué prácticas son formativas?'),
              options: [{ text: es('Rúbricas compartidas'), correct: true }, { text: es('Autoevaluación'), correct: true }, { text: es('Ranking público'), correct: false }],
            },
          ],
        },
      }),
    ).saveQuiz.quiz.questions;
    const rightAnswers = saved.map((q) => ({ questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) }));
    ok(await admin.request(`mutation($id: ID!) { publishCourse(id: $id) { status } }`, { id: courseId }));

    // --- A ministry of education becomes a member; its representative is designated focal point.
    const focalEmail = `rosa.${t}@minedu.example`;
    const { client: focal } = await newAccount(portal, 'Rosa Quispe Mamani', focalEmail);
    const { currentCharter } = ok<{ currentCharter: { version: number } }>(await focal.request(`{ currentCharter { version } }`));
    const applied = ok<{ submitMembershipApplication: { id: string } }>(
      await focal.request(`mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`, {
        input: {
          organisationName: `Ministerio de Educación del Perú ${t}`,
          organisationType: 'MINISTRY_OF_EDUCATION',
          countryCode: 'PE',
          website: null,
          description: 'Ministerio responsable de la política educativa nacional del Perú.',
          applicantRole: 'Directora de formación docente',
          motivation: 'Queremos formar a nuestros equipos técnicos con la región.',
          focusAreaIds: [focusAreas[0].id],
          charterVersion: currentCharter.version,
        },
      }),
    ).submitMembershipApplication;
    const approved = ok<{ approveMembershipApplication: { organisation: { slug: string } } }>(
      await admin.request(`mutation($id: ID!) { approveMembershipApplication(id: $id) { organisation { slug } } }`, { id: applied.id }),
    );
    const organisation = ok<{ organisation: { id: string } }>(await focal.request(`query($s: String!) { organisation(slug: $s) { id } }`, { s: approved.approveMembershipApplication.organisation.slug }));
    const me = ok<{ me: { id: string } }>(await focal.request(`{ me { id } }`)).me;
    ok(
      await focal.request(`mutation($o: ID!, $u: ID!, $a: ID!, $d: String!) { designateFocalPoint(organisationId: $o, userId: $u, focusAreaId: $a, role: TITULAR, startDate: $d) { id } }`, {
        o: organisation.organisation.id,
        u: me.id,
        a: focusAreas[0].id,
        d: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      }),
    );
    const context = ok<{ teamContext: { organisationName: string; country: { code: string; name: string } } | null }>(
      await focal.request(`query($o: ID!) { teamContext(offeringId: $o) { organisationName country { code name } seats seatsTaken } }`, { o: offeringId }),
    ).teamContext;
    expect(context).toMatchObject({ organisationName: `Ministerio de Educación del Perú ${t}`, country: { code: 'PE', name: 'Perú' } });

    // --- The focal point nominates three colleagues; one has no account yet.
    const ana = `ana.${t}@minedu.example`;
    const luis = `luis.${t}@minedu.example`;
    const nueva = `nueva.${t}@minedu.example`;
    const { client: learner } = await newAccount(portal, 'Ana Torres', ana);
    await newAccount(portal, 'Luis Huamán', luis);
    const nominated = ok<{ nominateTeam: { enrolled: Array<{ person: { email: string } }>; invited: Array<{ person: { email: string }; status: string }>; skipped: unknown[] } }>(
      await focal.request(
        `mutation($o: ID!, $e: String!) { nominateTeam(offeringId: $o, emails: $e) { enrolled { status person { email } } invited { status person { email } } pending { id } skipped { email reason } } }`,
        { o: offeringId, e: `${ana}, ${luis}\n${nueva}` },
      ),
    ).nominateTeam;
    expect(nominated.skipped).toEqual([]);
    expect(nominated.enrolled.map((e) => e.person.email).sort()).toEqual([ana, luis].sort());
    expect(nominated.invited).toEqual([{ status: 'NOMINATED', person: { email: nueva } }]);
    const invitation = await waitForMail(portal.url, (m) => m.to.includes(nueva) && m.subject.includes('Invitación al curso'));
    expect(invitation.links.some((l) => l.includes('/sign-up'))).toBe(true);

    // The unknown colleague signs up with the invited address and is enrolled on verification.
    const { client: newcomer } = await newAccount(portal, 'Nueva Colega', nueva);
    const newcomerLearning = ok<{ myLearning: { active: Array<{ status: string; course: { id: string } }> } }>(await newcomer.request(`{ myLearning { active { status course { id } } } }`));
    expect(newcomerLearning.myLearning.active).toEqual([{ status: 'ENROLLED', course: { id: courseId } }]);

    // --- One learner completes every lesson and passes the quiz.
    const page = ok<{ course: { myEnrolment: { status: string; nextLesson: { id: string } } } }>(
      await learner.request(`query($s: String!) { course(slug: $s) { myEnrolment { status nextLesson { id } } } }`, { s: created.slug }),
    );
    expect(page.course.myEnrolment).toEqual({ status: 'ENROLLED', nextLesson: { id: textLesson } });
    const afterText = ok<{ completeLesson: { progressPercent: number; status: string } }>(
      await learner.request(`mutation($l: ID!) { completeLesson(lessonId: $l) { progressPercent status } }`, { l: textLesson }),
    );
    expect(afterText.completeLesson).toEqual({ progressPercent: 50, status: 'ENROLLED' });
    const wrong = ok<{ submitQuizAttempt: { passed: boolean; score: number; feedback: Array<{ correct: boolean }> } }>(
      await learner.request(`mutation($l: ID!, $a: [QuizAnswerInput!]!) { submitQuizAttempt(lessonId: $l, answers: $a) { passed score feedback { correct correctOptionIds } } }`, {
        l: quizLesson,
        a: [rightAnswers[0], { questionId: rightAnswers[1].questionId, optionIds: rightAnswers[1].optionIds.slice(0, 1) }],
      }),
    ).submitQuizAttempt;
    expect([wrong.passed, wrong.score, wrong.feedback.map((f) => f.correct)]).toEqual([false, 50, [true, false]]);
    const passed = ok<{ submitQuizAttempt: { passed: boolean; score: number; number: number } }>(
      await learner.request(`mutation($l: ID!, $a: [QuizAnswerInput!]!) { submitQuizAttempt(lessonId: $l, answers: $a) { passed score number } }`, { l: quizLesson, a: rightAnswers }),
    ).submitQuizAttempt;
    expect(passed).toEqual({ passed: true, score: 100, number: 2 });

    // --- The certificate is rendered by the worker.
    type Completed = { myLearning: { completed: Array<{ status: string; progressPercent: number; certificate: { renderStatus: string; pdfUrl: string | null; code: string } | null }> } };
    let completed: Completed['myLearning']['completed'] = [];
    for (let i = 0; i < 150; i++) {
      completed = ok<Completed>(await learner.request(`{ myLearning { completed { status progressPercent certificate { renderStatus pdfUrl code } } } }`)).myLearning.completed;
      if (completed[0]?.certificate?.renderStatus === 'RENDERED') break;
      await new Promise((r) => setTimeout(r, 400));
    }
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ status: 'COMPLETED', progressPercent: 100, certificate: { renderStatus: 'RENDERED' } });
    expect(completed[0].certificate!.pdfUrl).toMatch(/^\/api\/certificates\/.+\/pdf$/);

    // The focal point follows the team's progress.
    const team = ok<{ teamEnrolments: Array<{ status: string; progressPercent: number; person: { email: string } }> }>(
      await focal.request(`query($c: ID) { teamEnrolments(courseId: $c) { status progressPercent person { email } } }`, { c: courseId }),
    ).teamEnrolments;
    expect(team.map((e) => [e.person.email, e.status, e.progressPercent]).sort()).toEqual(
      [
        [ana, 'COMPLETED', 100],
        [luis, 'ENROLLED', 0],
        [nueva, 'ENROLLED', 0],
      ].sort(),
    );

    // --- The organiser's report shows one completion from Peru, in numbers and in the CSV.
    const report = ok<{ courseReport: { enrolments: number; completed: number; byCountry: Array<{ key: string; label: string; completed: number; enrolments: number }> } }>(
      await admin.request(`query($c: ID!) { courseReport(courseId: $c) { enrolments completed completionRate byCountry { key label enrolments completed } byOrganisation { label completed } } }`, {
        c: courseId,
      }),
    ).courseReport;
    expect(report).toMatchObject({ enrolments: 3, completed: 1 });
    expect(report.byCountry).toEqual([{ key: 'PE', label: 'Perú', enrolments: 3, completed: 1 }]);
    expect((await focal.request(`query($c: ID!) { courseReport(courseId: $c) { completed } }`, { c: courseId })).errors![0].extensions.code).toBe('FORBIDDEN');
    const adminCookie = await fetch(`${portal.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SIGN_IN, variables: { input: ADMIN } }),
    }).then((r) => r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
    const csv = await fetch(`${portal.url}/api/learning/courses/${courseId}/report.csv`, { headers: { cookie: adminCookie, 'accept-language': 'es' } });
    expect(csv.status).toBe(200);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`Ana Torres,${ana},Perú,Ministerio de Educación del Perú ${t},Completada,100,`);
    expect((await fetch(`${portal.url}/api/learning/courses/${courseId}/report.csv`)).status).toBe(401);
  });
});
