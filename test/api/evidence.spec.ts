import { createHash, randomUUID } from 'node:crypto';
import { translator } from '@alliance/shared-i18n';
import { GraphQLClient, newAccount, ok, portalWithAdmin, signedInClient, waitForMail, type RunningPortal } from '../support';

const ADMIN = { email: 'evidence-admin@alianza.example', password: 'Evidence-Admin-Password-1' };

function cookieOf(client: GraphQLClient): string {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** A small but complete PDF (one page, one line of text), as a person would upload it. */
function samplePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function upload(portal: RunningPortal, client: GraphQLClient | null, itemId: string, bytes: Buffer, filename: string, headers: Record<string, string> = { 'x-requested-with': 'fetch' }) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  const res = await fetch(`${portal.url}/api/evidence/items/${itemId}/files`, {
    method: 'POST',
    headers: { ...(client ? { cookie: cookieOf(client), 'accept-language': client.locale } : {}), ...headers },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const ITEM_FIELDS = `id status title abstract displayLocale language visibility downloadCount lastReviewNote canEdit canSubmit canReview
  texts { locale title original } countries { code name } authors { name affiliation } doi organisationName submitterName
  currentFile { id version filename contentType size sha256 downloadCount url } files { version } history { action note actorName }`;
const CREATE = `mutation($input: EvidenceItemInput!) { createEvidenceItem(input: $input) { ${ITEM_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: EvidenceItemInput!) { updateEvidenceItem(id: $id, input: $input) { ${ITEM_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitEvidenceItem(id: $id) { status } }`;
const REVIEW = `mutation($id: ID!, $decision: EvidenceReviewDecision!, $note: String) { reviewEvidenceItem(id: $id, decision: $decision, note: $note) { status lastReviewNote } }`;
const ITEM = `query($id: ID!) { evidenceItem(id: $id) { ${ITEM_FIELDS} } }`;

interface ItemView {
  id: string;
  status: string;
  title: string;
  displayLocale: string;
  downloadCount: number;
  lastReviewNote: string | null;
  canEdit: boolean;
  currentFile: { id: string; version: number; filename: string; contentType: string; size: number; sha256: string; downloadCount: number; url: string } | null;
  history: Array<{ action: string; note: string | null; actorName: string }>;
  [key: string]: unknown;
}

describe('evidence bank journey through the running api + worker', () => {
  const running = portalWithAdmin(ADMIN);

  it('member shares a Portuguese case study with a PDF; organiser asks for changes then publishes; anyone downloads it; members-only stays hidden; bad uploads are refused', async () => {
    const portal = running();
    const t = randomUUID().slice(0, 6);
    const admin = await signedInClient(portal, ADMIN);

    // --- A member organisation: applied for and approved.
    const { client: member } = await newAccount(portal, 'Ana Beatriz Lima', `ana.${t}@redeescolas.example`, 'BR', 'pt');
    const reference = ok<{ currentCharter: { version: number }; focusAreas: Array<{ id: string }> }>(await member.request(`{ currentCharter { version } focusAreas { id } }`));
    const application = ok<{ submitMembershipApplication: { id: string } }>(
      await member.request(`mutation($input: ApplicationInput!) { submitMembershipApplication(input: $input) { id } }`, {
        input: {
          organisationName: `Rede de Escolas do Campo ${t}`,
          organisationType: 'NETWORK',
          countryCode: 'BR',
          website: null,
          description: 'Rede de escolas rurais do Nordeste que trabalha com tutoria entre pares.',
          applicantRole: 'Coordenadora pedagógica',
          motivation: 'Queremos compartilhar nossas experiências com a região.',
          focusAreaIds: [reference.focusAreas[0].id],
          charterVersion: reference.currentCharter.version,
        },
      }),
    ).submitMembershipApplication;
    ok(await admin.request(`mutation($id: ID!) { approveMembershipApplication(id: $id) { status } }`, { id: application.id }));

    const { client: organiser, id: organiserId } = await newAccount(portal, 'Marcela Fuentes', `marcela.${t}@alianza.example`, 'CO');
    ok(await admin.request(`mutation($id: ID!) { grantRole(userId: $id, role: ORGANISER) { roles } }`, { id: organiserId }));
    const { client: outsider } = await newAccount(portal, 'Tomás Ferreyra', `tomas.${t}@correo.example`, 'AR');
    const anonymous = new GraphQLClient(portal.url, 'en');

    const can = ok<{ canSubmitEvidence: boolean; evidenceOrganisationOptions: Array<{ id: string; name: string }> }>(
      await member.request(`{ canSubmitEvidence evidenceOrganisationOptions { id name countryCode } }`),
    );
    expect(can.canSubmitEvidence).toBe(true);
    expect(can.evidenceOrganisationOptions).toEqual([expect.objectContaining({ name: `Rede de Escolas do Campo ${t}` })]);
    expect(ok<{ canSubmitEvidence: boolean }>(await outsider.request(`{ canSubmitEvidence }`)).canSubmitEvidence).toBe(false);

    const input = {
      type: 'CASE_STUDY',
      language: 'pt',
      texts: [
        {
          locale: 'pt',
          title: `Tutoria entre pares em escolas multisseriadas ${t}`,
          abstract: 'Estudo de caso sobre a tutoria entre pares em 40 escolas rurais multisseriadas do Ceará, com resultados de leitura.',
        },
      ],
      countryCodes: ['BR'],
      focusAreaIds: [reference.focusAreas[0].id],
      year: 2024,
      authors: [{ name: 'Ana Beatriz Lima', affiliation: 'Rede de Escolas do Campo' }, { name: 'Paulo Nascimento' }],
      organisationId: can.evidenceOrganisationOptions[0].id,
      publisher: null,
      licence: 'CC_BY_4_0',
      externalUrl: null,
      doi: 'https://doi.org/10.5555/tutoria.2024',
      visibility: 'PUBLIC',
    };

    // Outsiders cannot share; bad input names the field in the caller's language.
    const refused = await outsider.request(CREATE, { input });
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    const bad = await member.request(CREATE, { input: { ...input, year: 1900 } });
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'year' })]);

    const created = ok<{ createEvidenceItem: ItemView }>(await member.request(CREATE, { input })).createEvidenceItem;
    expect(created).toMatchObject({ status: 'DRAFT', displayLocale: 'pt', doi: '10.5555/tutoria.2024', organisationName: `Rede de Escolas do Campo ${t}`, canEdit: true, currentFile: null });
    const id = created.id;

    // --- Upload a real PDF over HTTP.
    const pdf = samplePdf(`Tutoria entre pares ${t}`);
    const uploaded = await upload(portal, member, id, pdf, 'relatório-tutoria.pdf');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ version: 1, contentType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    expect(uploaded.body.url).toBe(`/api/evidence/files/${uploaded.body.id}`);

    // Refused uploads: no CSRF header; a renamed executable (415, translated); not signed in; not editable by an outsider.
    const noHeader = await upload(portal, member, id, pdf, 'outro.pdf', {});
    expect(noHeader).toMatchObject({ status: 400, body: { code: 'storage:uploadHeaderMissing' } });
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(2048, 0x41)]);
    const wrongType = await upload(portal, member, id, exe, 'relatorio.pdf');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body).toEqual({ code: 'storage:fileTypeNotAllowed', message: String(translator('pt')('storage:fileTypeNotAllowed')) });
    expect((await upload(portal, null, id, pdf, 'x.pdf')).status).toBe(401);
    expect((await upload(portal, outsider, id, pdf, 'x.pdf')).status).toBe(404);

    // --- Submit; the organiser asks for changes.
    expect(ok<{ submitEvidenceItem: { status: string } }>(await member.request(SUBMIT, { id })).submitEvidenceItem.status).toBe('SUBMITTED');
    const queue = ok<{ evidenceReviewQueue: { edges: Array<{ node: { id: string; canReview: boolean } }> } }>(
      await organiser.request(`{ evidenceReviewQueue(first: 50) { totalCount edges { node { id canReview } } } }`),
    ).evidenceReviewQueue;
    expect(queue.edges.find((e) => e.node.id === id)?.node.canReview).toBe(true);
    expect((await member.request(`{ evidenceReviewQueue { totalCount } }`)).errors![0].extensions.code).toBe('FORBIDDEN');
    const note = 'Inclua o ano da experiência e o nome das escolas participantes.';
    expect(ok<{ reviewEvidenceItem: { status: string } }>(await organiser.request(REVIEW, { id, decision: 'REQUEST_CHANGES', note })).reviewEvidenceItem.status).toBe(
      'CHANGES_REQUESTED',
    );
    const seenByMember = ok<{ evidenceItem: ItemView }>(await member.request(ITEM, { id })).evidenceItem;
    expect(seenByMember).toMatchObject({ status: 'CHANGES_REQUESTED', lastReviewNote: note, canEdit: true });

    // --- The member edits and resubmits; the organiser publishes.
    ok(await member.request(UPDATE, { id, input: { ...input, texts: [{ ...input.texts[0], abstract: `${input.texts[0].abstract} Experiência de 2023 em 40 escolas.` }] } }));
    ok(await member.request(SUBMIT, { id }));
    expect(ok<{ reviewEvidenceItem: { status: string } }>(await organiser.request(REVIEW, { id, decision: 'PUBLISH' })).reviewEvidenceItem.status).toBe('PUBLISHED');
    const history = ok<{ evidenceItem: ItemView }>(await member.request(ITEM, { id })).evidenceItem.history;
    expect(history.map((h) => h.action)).toEqual(['CREATED', 'FILE_ADDED', 'SUBMITTED', 'CHANGES_REQUESTED', 'EDITED', 'SUBMITTED', 'PUBLISHED']);
    expect(history[3]).toMatchObject({ note, actorName: 'Marcela Fuentes' });
    await waitForMail(portal.url, (m) => m.to.includes(`ana.${t}@redeescolas.example`) && m.subject.includes('Publicado'));

    // --- Anyone reads it (original Portuguese for an English reader) and downloads the same bytes.
    const publicView = ok<{ evidenceItem: ItemView }>(await anonymous.request(ITEM, { id })).evidenceItem;
    expect(publicView).toMatchObject({ status: 'PUBLISHED', displayLocale: 'pt', title: input.texts[0].title, lastReviewNote: null, history: [], canEdit: false, submitterName: 'Ana Beatriz Lima' });
    expect(publicView.countries).toEqual([{ code: 'BR', name: 'Brazil' }]);
    const file = publicView.currentFile!;
    expect(file).toMatchObject({ version: 1, filename: 'relatório-tutoria.pdf', downloadCount: 0 });
    const download = await fetch(`${portal.url}${file.url}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''relat%C3%B3rio-tutoria.pdf`);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    const counted = ok<{ evidenceItem: ItemView }>(await anonymous.request(ITEM, { id })).evidenceItem;
    expect(counted.downloadCount).toBe(1);
    expect(counted.currentFile!.downloadCount).toBe(1);

    // --- A members-only item: invisible to anonymous readers and outsiders, file included.
    const hidden = ok<{ createEvidenceItem: ItemView }>(
      await member.request(CREATE, {
        input: { ...input, visibility: 'MEMBERS', texts: [{ ...input.texts[0], title: `Dados internos da rede ${t}` }] },
      }),
    ).createEvidenceItem;
    const hiddenFile = await upload(portal, member, hidden.id, samplePdf('Somente membros'), 'interno.pdf');
    expect(hiddenFile.status).toBe(201);
    ok(await member.request(SUBMIT, { id: hidden.id }));
    ok(await organiser.request(REVIEW, { id: hidden.id, decision: 'PUBLISH' }));
    expect(ok<{ evidenceItem: ItemView | null }>(await anonymous.request(ITEM, { id: hidden.id })).evidenceItem).toBeNull();
    expect(ok<{ evidenceItem: ItemView | null }>(await outsider.request(ITEM, { id: hidden.id })).evidenceItem).toBeNull();
    expect(ok<{ evidenceItem: ItemView | null }>(await organiser.request(ITEM, { id: hidden.id })).evidenceItem?.status).toBe('PUBLISHED');
    expect((await fetch(`${portal.url}${hiddenFile.body.url}`)).status).toBe(404);
    expect((await fetch(`${portal.url}${hiddenFile.body.url}`, { headers: { cookie: cookieOf(outsider) } })).status).toBe(404);
    const asMember = await fetch(`${portal.url}${hiddenFile.body.url}`, { headers: { cookie: cookieOf(member) } });
    expect(asMember.status).toBe(200);
    expect(asMember.headers.get('cache-control')).toContain('private');

    // --- Own list.
    const mine = ok<{ myEvidence: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(await member.request(`{ myEvidence { totalCount edges { node { id } } } }`)).myEvidence;
    expect(mine.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([id, hidden.id]));
  });
});
