import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, user, admin } from '../../testing/render-app';
import { graphQLError } from '../../testing/fake-api';
import { i18n } from '../../app/i18n';
import type { CertificateBatch, CertificateFields, CertificateVerification } from './operations';
import { formatCalendarDate, parseHours, rowErrors } from './format';

const es = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).certificatesUi.es;
const fr = (catalogues as unknown as Record<string, Record<string, Record<string, string>>>).certificatesUi.fr;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const label = (text: string) => new RegExp(`^${escape(text)}`);
const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((acc, [k, v]) => acc.replace(`{{${k}}}`, String(v)), text);

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

async function expectNoAxeViolations(container: HTMLElement) {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function certificate(overrides: Partial<CertificateFields> = {}): CertificateFields {
  return {
    __typename: 'Certificate',
    id: 'c-1',
    code: 'K7QX-94TB-ZR2M',
    kind: 'PARTICIPATION',
    recipientName: 'Łukasz Wiśniewski',
    recipientEmail: 'lukasz@example.org',
    locale: 'fr',
    title: 'Atelier régional sur l’innovation éducative',
    hours: 12.5,
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    issuerName: 'Alianza ALC',
    coIssuers: ['UNESCO'],
    signatories: [{ __typename: 'Signatory', name: 'María Pérez', title: 'Secretaria ejecutiva', organisation: 'Alianza ALC' }],
    issuedAt: '2026-03-05T15:00:00.000Z',
    status: 'ISSUED',
    revokedAt: null,
    revocationReason: null,
    renderStatus: 'RENDERED',
    pdfUrl: '/api/certificates/K7QX-94TB-ZR2M/pdf',
    credentialUrl: '/api/certificates/K7QX-94TB-ZR2M/credential',
    verificationUrl: 'https://portal.example/verify/K7QX-94TB-ZR2M',
    ...overrides,
  };
}

function connection(nodes: CertificateFields[], hasNextPage = false) {
  return {
    __typename: 'CertificateConnection',
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1].id}` : null },
    edges: nodes.map((node) => ({ __typename: 'CertificateEdge', cursor: `cursor-${node.id}`, node })),
  };
}

function verification(overrides: Partial<CertificateVerification> = {}): CertificateVerification {
  const { id: _id, recipientEmail: _e, renderStatus: _r, pdfUrl: _p, credentialUrl: _c, verificationUrl: _v, ...rest } = certificate();
  return { ...rest, __typename: 'CertificateVerification', ...overrides };
}

describe('My certificates', () => {
  it('lists the certificate with localised dates, status, downloads and the verification link, axe-clean', async () => {
    const { container, requests } = renderApp('/certificates', { MyCertificates: () => ({ data: { myCertificates: connection([certificate()]) } }) }, user());
    await screen.findByRole('heading', { level: 1, name: es.myTitle });
    const card = await screen.findByTestId('certificate-card');
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent('Atelier régional sur l’innovation éducative');
    expect(within(card).getByTestId('certificate-recipient')).toHaveTextContent('Łukasz Wiśniewski');
    expect(within(card).getByTestId('certificate-status')).toHaveTextContent(es.status_ISSUED);
    expect(card).toHaveTextContent(es.kind_PARTICIPATION);
    expect(card).toHaveTextContent('5 de marzo de 2026');
    expect(card).toHaveTextContent('2 de marzo de 2026');
    expect(card).toHaveTextContent('12,5');
    expect(screen.getByTestId('download-pdf')).toHaveAttribute('href', '/api/certificates/K7QX-94TB-ZR2M/pdf');
    expect(screen.getByTestId('download-credential')).toHaveAttribute('href', '/api/certificates/K7QX-94TB-ZR2M/credential');
    expect(screen.getByTestId('verification-link')).toHaveAttribute('href', '/verify/K7QX-94TB-ZR2M');
    expect(requests.find((r) => r.operationName === 'MyCertificates')?.variables).toEqual({ first: 20 });
    await expectNoAxeViolations(container);
  });

  it('shows the empty state', async () => {
    renderApp('/certificates', { MyCertificates: () => ({ data: { myCertificates: connection([]) } }) }, user());
    expect(await screen.findByTestId('certificates-empty')).toHaveTextContent(es.myEmpty);
  });

  it('shows a revoked certificate with its date and reason', async () => {
    const revoked = certificate({ status: 'REVOKED', revokedAt: '2026-04-01T10:00:00.000Z', revocationReason: 'Nombre mal escrito' });
    renderApp('/certificates', { MyCertificates: () => ({ data: { myCertificates: connection([revoked]) } }) }, user());
    const notice = await screen.findByTestId('certificate-revoked');
    expect(notice).toHaveTextContent(fill(es.revokedOn, { date: '1 de abril de 2026' }));
    expect(notice).toHaveTextContent('Nombre mal escrito');
    expect(screen.getByTestId('certificate-status')).toHaveTextContent(es.status_REVOKED);
  });

  it('says "being prepared" without download buttons while PENDING, and polls until rendered', async () => {
    let calls = 0;
    const { requests } = renderApp(
      '/certificates',
      {
        MyCertificates: () => {
          calls += 1;
          const pending = calls < 2;
          return {
            data: {
              myCertificates: connection([
                certificate(pending ? { renderStatus: 'PENDING', pdfUrl: null, credentialUrl: null } : {}),
              ]),
            },
          };
        },
      },
      user(),
    );
    expect(await screen.findByTestId('certificate-pending')).toHaveTextContent(es.preparing);
    expect(screen.queryByTestId('download-pdf')).toBeNull();
    expect(await screen.findByTestId('download-pdf', {}, { timeout: 6000 })).toBeInTheDocument();
    expect(screen.queryByTestId('certificate-pending')).toBeNull();
    // Rendered: the page stops asking.
    const asked = requests.filter((r) => r.operationName === 'MyCertificates').length;
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(requests.filter((r) => r.operationName === 'MyCertificates').length).toBe(asked);
  }, 15_000);
});

describe('public verification page', () => {
  it('shows a valid certificate in the viewer’s language (French), with the tamper note, axe-clean', async () => {
    await i18n.changeLanguage('fr');
    const { container, requests } = renderApp('/verify/K7QX-94TB-ZR2M', { VerifyCertificate: () => ({ data: { verifyCertificate: verification() } }) });
    const verdict = await screen.findByTestId('verification-verdict');
    expect(verdict).toHaveAttribute('data-status', 'ISSUED');
    expect(verdict).toHaveTextContent(fr.validTitle);
    expect(screen.getByTestId('certificate-recipient')).toHaveTextContent('Łukasz Wiśniewski');
    expect(screen.getByTestId('certificate-code')).toHaveTextContent('K7QX-94TB-ZR2M');
    expect(document.body).toHaveTextContent('5 mars 2026');
    expect(document.body).toHaveTextContent('María Pérez, Secretaria ejecutiva (Alianza ALC)');
    expect(document.body).toHaveTextContent('UNESCO');
    expect(screen.getByTestId('tamper-note')).toHaveTextContent(fr.tamperNote);
    expect(requests.find((r) => r.operationName === 'VerifyCertificate')?.variables).toEqual({ code: 'K7QX-94TB-ZR2M' });
    await expectNoAxeViolations(container);
  });

  it('shows REVOKED with date and reason', async () => {
    renderApp('/verify/K7QX-94TB-ZR2M', {
      VerifyCertificate: () => ({
        data: { verifyCertificate: verification({ status: 'REVOKED', revokedAt: '2026-04-01T10:00:00.000Z', revocationReason: 'Emitido por error' }) },
      }),
    });
    const verdict = await screen.findByTestId('verification-verdict');
    expect(verdict).toHaveAttribute('data-status', 'REVOKED');
    expect(verdict).toHaveTextContent(es.revokedTitle);
    expect(verdict).toHaveTextContent(fill(es.revokedBody, { date: '1 de abril de 2026' }));
    expect(verdict).toHaveTextContent('Emitido por error');
  });

  it('says "not found" for a wrong code and offers the form again', async () => {
    const { container } = renderApp('/verify/NOPE-NOPE', { VerifyCertificate: () => ({ data: { verifyCertificate: null } }) });
    expect(await screen.findByTestId('verification-not-found')).toHaveTextContent(fill(es.notFound, { code: 'NOPE-NOPE' }));
    expect(screen.getByLabelText(label(es.codeLabel))).toHaveValue('NOPE-NOPE');
    await expectNoAxeViolations(container);
  });

  it('explains rate limiting kindly', async () => {
    renderApp('/verify/ABCD', { VerifyCertificate: () => graphQLError('RATE_LIMITED', 'Too many requests') });
    expect(await screen.findByTestId('verification-rate-limited')).toHaveTextContent(es.rateLimited);
  });

  it('/verify asks for a code, refuses an empty one and opens the typed one', async () => {
    const { container, requests } = renderApp('/verify', { VerifyCertificate: () => ({ data: { verifyCertificate: verification() } }) });
    await screen.findByRole('heading', { level: 1, name: es.verifyTitle });
    await expectNoAxeViolations(container);
    fireEvent.click(screen.getByRole('button', { name: es.verifySubmit }));
    const input = screen.getByLabelText(label(es.codeLabel));
    await waitFor(() => expect(input).toHaveAccessibleDescription(es.codeRequired));
    expect(requests.some((r) => r.operationName === 'VerifyCertificate')).toBe(false);
    fireEvent.change(input, { target: { value: '  K7QX-94TB-ZR2M ' } });
    fireEvent.click(screen.getByRole('button', { name: es.verifySubmit }));
    await screen.findByTestId('verification-verdict');
    expect(window.location.pathname).toBe('/verify/K7QX-94TB-ZR2M');
  });
});

function batch(overrides: Partial<CertificateBatch> = {}): CertificateBatch {
  return { __typename: 'CertificateBatch', id: 'b-1', total: 3, rendered: 0, failed: 0, done: false, createdAt: '2026-03-05T15:00:00.000Z', ...overrides };
}

async function fillIssueForm() {
  fireEvent.change(await screen.findByLabelText(label(es.fieldTitle)), { target: { value: 'Encuentro regional' } });
  fireEvent.change(screen.getByLabelText(es.fieldHours), { target: { value: '7,5' } });
  fireEvent.change(screen.getByLabelText(label(es.fieldStartDate)), { target: { value: '2026-03-02' } });
  fireEvent.change(screen.getByLabelText(label(es.fieldEndDate)), { target: { value: '2026-03-04' } });
  fireEvent.change(screen.getByLabelText(label(es.fieldIssuer)), { target: { value: 'Alianza ALC' } });
  fireEvent.change(screen.getByLabelText(label(es.fieldCoIssuers)), { target: { value: 'UNESCO\n\n  OEI  \n' } });
  const row = screen.getAllByTestId('signatory-row')[0];
  fireEvent.change(within(row).getByLabelText(label(es.signatoryName)), { target: { value: 'María Pérez' } });
  fireEvent.change(within(row).getByLabelText(label(es.signatoryTitle)), { target: { value: 'Secretaria ejecutiva' } });
  fireEvent.change(within(row).getByLabelText(label(es.signatoryOrganisation)), { target: { value: 'Alianza ALC' } });
  fireEvent.change(screen.getByTestId('recipients-csv'), {
    target: { value: 'name,email,locale\nJosé Ñúñez,jose@example.org,es\nAnaïs Côté,anais@example.org,fr\n' },
  });
}

describe('certificates administration', () => {
  const list = () => ({ data: { certificates: connection([certificate()]) } });

  it('refuses an incomplete form with messages under the inputs and sends nothing', async () => {
    const { container, requests } = renderApp('/admin/certificates', { Certificates: list }, admin());
    await screen.findByRole('heading', { level: 1, name: es.adminTitle });
    await screen.findByTestId('certificates-table');
    await expectNoAxeViolations(container);
    fireEvent.change(screen.getByLabelText(es.fieldHours), { target: { value: 'muchas' } });
    fireEvent.change(screen.getByLabelText(label(es.fieldStartDate)), { target: { value: '2026-03-04' } });
    fireEvent.change(screen.getByLabelText(label(es.fieldEndDate)), { target: { value: '2026-03-02' } });
    fireEvent.click(screen.getByTestId('issue-submit'));
    const title = screen.getByLabelText(label(es.fieldTitle));
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription(es.required);
    expect(document.activeElement).toBe(title);
    expect(screen.getByLabelText(es.fieldHours)).toHaveAccessibleDescription(es.hoursInvalid);
    expect(screen.getByLabelText(label(es.fieldEndDate))).toHaveAccessibleDescription(es.endBeforeStart);
    expect(screen.getByTestId('recipients-csv')).toHaveAccessibleDescription(new RegExp(es.recipientsRequired));
    expect(requests.some((r) => r.operationName === 'IssueParticipationCertificates')).toBe(false);
    await expectNoAxeViolations(container);
  });

  it('adds and removes signatory rows', async () => {
    renderApp('/admin/certificates', { Certificates: list }, admin());
    fireEvent.click(await screen.findByRole('button', { name: es.addSignatory }));
    expect(screen.getAllByTestId('signatory-row')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: fill(es.removeSignatory, { n: 2 }) }));
    expect(screen.getAllByTestId('signatory-row')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: fill(es.removeSignatory, { n: 1 }) })).toBeNull();
  });

  it('issues from pasted CSV and shows the progress until the batch is done', async () => {
    let polls = 0;
    const { requests } = renderApp(
      '/admin/certificates',
      {
        Certificates: list,
        IssueParticipationCertificates: () => ({ data: { issueParticipationCertificates: batch() } }),
        CertificateBatch: () => {
          polls += 1;
          return { data: { certificateBatch: polls < 2 ? batch({ rendered: 1 }) : batch({ rendered: 2, failed: 1, done: true }) } };
        },
      },
      admin(),
    );
    await fillIssueForm();
    fireEvent.click(screen.getByTestId('issue-submit'));
    const progress = await screen.findByRole('progressbar', { name: es.progressLabel });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '33'));
    expect(screen.getByTestId('batch-rendered')).toHaveTextContent('1');
    expect(await screen.findByTestId('batch-done', {}, { timeout: 4000 })).toHaveTextContent(es.progressDone);
    expect(screen.getByRole('progressbar', { name: es.progressLabel })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByTestId('batch-total')).toHaveTextContent('3');
    expect(screen.getByTestId('batch-rendered')).toHaveTextContent('2');
    expect(screen.getByTestId('batch-failed')).toHaveTextContent('1');
    const sent = requests.find((r) => r.operationName === 'IssueParticipationCertificates')!;
    expect(sent.variables).toEqual({
      input: {
        title: 'Encuentro regional',
        hours: 7.5,
        startDate: '2026-03-02',
        endDate: '2026-03-04',
        issuerName: 'Alianza ALC',
        coIssuers: ['UNESCO', 'OEI'],
        signatories: [{ name: 'María Pérez', title: 'Secretaria ejecutiva', organisation: 'Alianza ALC' }],
        csv: 'name,email,locale\nJosé Ñúñez,jose@example.org,es\nAnaïs Côté,anais@example.org,fr\n',
      },
    });
    expect(requests.find((r) => r.operationName === 'CertificateBatch')?.variables).toEqual({ id: 'b-1' });
    // Done: polling stops and the table is refreshed.
    const polled = polls;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(polls).toBe(polled);
    expect(requests.filter((r) => r.operationName === 'Certificates').length).toBeGreaterThanOrEqual(2);
  }, 15_000);

  it('lists the bad rows from BAD_USER_INPUT and keeps the form', async () => {
    renderApp(
      '/admin/certificates',
      {
        Certificates: list,
        IssueParticipationCertificates: () =>
          graphQLError('BAD_USER_INPUT', 'Revise los datos.', {
            fields: [
              { field: 'input.recipients.1', key: 'certificates:rowEmailInvalid', message: 'Línea 3: el correo electrónico no es válido.' },
              { field: 'input.recipients.3', key: 'certificates:rowLocaleInvalid', message: 'Línea 5: idioma desconocido.' },
            ],
          }),
      },
      admin(),
    );
    await fillIssueForm();
    fireEvent.click(screen.getByTestId('issue-submit'));
    const rows = await screen.findByTestId('row-errors');
    expect(rows).toHaveTextContent(es.rowErrorsTitle);
    const items = within(rows).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['Línea 3: el correo electrónico no es válido.', 'Línea 5: idioma desconocido.']);
    expect(document.activeElement).toBe(rows);
    expect(screen.getByTestId('recipients-csv')).toHaveValue('name,email,locale\nJosé Ñúñez,jose@example.org,es\nAnaïs Côté,anais@example.org,fr\n');
    expect(screen.queryByTestId('batch-progress')).toBeNull();
  });

  it('shows a problem with the list as a whole under the list', async () => {
    renderApp(
      '/admin/certificates',
      {
        Certificates: list,
        IssueParticipationCertificates: () =>
          graphQLError('BAD_USER_INPUT', 'Revise los datos.', {
            fields: [{ field: 'input.csv', key: 'certificates:csvHeader', message: 'Falta la fila de encabezado.' }],
          }),
      },
      admin(),
    );
    await fillIssueForm();
    fireEvent.click(screen.getByTestId('issue-submit'));
    const csv = screen.getByTestId('recipients-csv');
    await waitFor(() => expect(csv).toHaveAttribute('aria-invalid', 'true'));
    expect(csv).toHaveAccessibleDescription(/Falta la fila de encabezado\./);
    expect(document.activeElement).toBe(csv);
    expect(screen.queryByTestId('row-errors')).toBeNull();
  });

  it('puts the API’s field messages under the matching inputs, and the rest in the form message', async () => {
    renderApp(
      '/admin/certificates',
      {
        Certificates: list,
        IssueParticipationCertificates: () =>
          graphQLError('BAD_USER_INPUT', 'Revise los datos.', {
            fields: [
              { field: 'input.signatories.0.title', key: 'certificates:signatoryInvalid', message: 'Cargo demasiado largo.' },
              { field: 'input.coIssuers.0', key: 'certificates:coIssuerInvalid', message: 'Nombre de coemisor inválido.' },
              { field: 'input.signatories', key: 'certificates:signatoriesCount', message: 'Entre 1 y 4 firmantes.' },
            ],
          }),
      },
      admin(),
    );
    await fillIssueForm();
    fireEvent.click(screen.getByTestId('issue-submit'));
    const row = screen.getAllByTestId('signatory-row')[0];
    const position = within(row).getByLabelText(label(es.signatoryTitle));
    await waitFor(() => expect(position).toHaveAccessibleDescription('Cargo demasiado largo.'));
    expect(screen.getByLabelText(label(es.fieldCoIssuers))).toHaveAccessibleDescription(/Nombre de coemisor inválido\./);
    expect(screen.getByRole('alert')).toHaveTextContent('Entre 1 y 4 firmantes.');
  });

  it('reads a chosen .csv file into the list', async () => {
    renderApp('/admin/certificates', { Certificates: list }, admin());
    const input = await screen.findByTestId('recipients-file');
    const file = new File(['\uFEFFname,email\nNgozi O’Connor-Smith,ngozi@example.org\n'], 'lista.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('recipients-csv')).toHaveValue('name,email\nNgozi O’Connor-Smith,ngozi@example.org\n'));
    expect(await screen.findByText(fill(es.fileLoaded, { name: 'lista.csv' }))).toBeInTheDocument();
  });

  it('revokes with a required reason', async () => {
    let revoked = false;
    const { requests } = renderApp(
      '/admin/certificates',
      {
        Certificates: () => ({
          data: {
            certificates: connection([
              revoked ? certificate({ status: 'REVOKED', revokedAt: '2026-04-01T10:00:00.000Z', revocationReason: 'Duplicado' }) : certificate(),
            ]),
          },
        }),
        RevokeCertificate: (r) => {
          revoked = true;
          return {
            data: { revokeCertificate: certificate({ status: 'REVOKED', revokedAt: '2026-04-01T10:00:00.000Z', revocationReason: String(r.variables.reason) }) },
          };
        },
      },
      admin(),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: fill(es.actionFor, { action: es.revoke, name: 'Łukasz Wiśniewski', code: 'K7QX-94TB-ZR2M' }) }),
    );
    const dialog = await screen.findByRole('dialog', { name: es.revokeDialogTitle });
    fireEvent.click(within(dialog).getByTestId('confirm-revoke'));
    expect(await within(dialog).findByText(es.reasonRequired)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'RevokeCertificate')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText(label(es.labelReason)), { target: { value: ' Duplicado ' } });
    fireEvent.click(within(dialog).getByTestId('confirm-revoke'));
    expect(await screen.findByTestId('certificates-notice')).toHaveTextContent(
      fill(es.revokedDone, { code: 'K7QX-94TB-ZR2M', name: 'Łukasz Wiśniewski' }),
    );
    expect(requests.find((r) => r.operationName === 'RevokeCertificate')?.variables).toEqual({ id: 'c-1', reason: 'Duplicado' });
    await waitFor(() => expect(screen.getByTestId('certificate-status')).toHaveTextContent(es.status_REVOKED));
  });

  it('reissues with an optional corrected name', async () => {
    const { requests } = renderApp(
      '/admin/certificates',
      {
        Certificates: list,
        ReissueCertificate: (r) => ({
          data: { reissueCertificate: certificate({ id: 'c-2', code: 'NEW1-NEW2-NEW3', recipientName: String(r.variables.recipientName) }) },
        }),
      },
      admin(),
    );
    fireEvent.click(
      await screen.findByRole('button', { name: fill(es.actionFor, { action: es.reissue, name: 'Łukasz Wiśniewski', code: 'K7QX-94TB-ZR2M' }) }),
    );
    const dialog = await screen.findByRole('dialog', { name: es.reissueDialogTitle });
    fireEvent.change(within(dialog).getByLabelText(es.correctedName), { target: { value: 'Łukasz Wiśniewski-Nowak' } });
    fireEvent.click(within(dialog).getByTestId('confirm-reissue'));
    expect(await screen.findByTestId('certificates-notice')).toHaveTextContent(
      fill(es.reissuedDone, { code: 'NEW1-NEW2-NEW3', name: 'Łukasz Wiśniewski-Nowak' }),
    );
    expect(requests.find((r) => r.operationName === 'ReissueCertificate')?.variables).toEqual({ id: 'c-1', recipientName: 'Łukasz Wiśniewski-Nowak' });
  });

  it('is refused to people without the admin role', async () => {
    renderApp('/admin/certificates', { Certificates: list }, user());
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('issue-form')).toBeNull();
  });
});

describe('helpers', () => {
  it('formats calendar dates without a time-zone shift', () => {
    expect(formatCalendarDate('2026-01-01', 'fr')).toBe('1 janvier 2026');
    expect(formatCalendarDate('2026-12-31', 'en')).toBe('December 31, 2026');
    expect(formatCalendarDate(null, 'es')).toBeNull();
  });
  it('reads hours with either decimal separator', () => {
    expect(parseHours('7,5')).toBe(7.5);
    expect(parseHours('8')).toBe(8);
    expect(parseHours('')).toBeNull();
    expect(parseHours('abc')).toBeNaN();
  });
  it('ignores errors that are not about the list', () => {
    expect(rowErrors(new Error('x'))).toEqual([]);
  });
});
