import { cleanup, fireEvent, screen, waitFor, within, configure } from '@testing-library/react';
import { i18n } from '../../../app/i18n';
import { graphQLError } from '../../../testing/fake-api';
import { connection, evidenceItem, evidenceRow, expectNoAxeViolations, fill, lookups, renderEvidence, texts } from '../submit/render-evidence';
import { reviewNoteProblem } from './decision';

jest.setTimeout(60_000);
// Other suites share the machine: give async queries room before calling a wait a failure.
configure({ asyncUtilTimeout: 10_000 });
const es = texts('evidenceSubmit', 'es');
const shared = texts('evidence', 'es');

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

const file = { __typename: 'EvidenceFile' as const, id: 'f-2', version: 2, filename: 'avaliacao-v2.pdf', contentType: 'application/pdf', size: 4096, uploadedAt: '2026-05-05T11:00:00.000Z', url: '/api/evidence/files/f-2' };
const older = { ...file, id: 'f-1', version: 1, filename: 'avaliacao.pdf', url: '/api/evidence/files/f-1' };
const submitted = () =>
  evidenceItem({
    status: 'SUBMITTED',
    canEdit: true,
    canReview: true,
    canDelete: false,
    currentFile: file,
    files: [file, older],
    submittedAt: '2026-05-05T12:00:00.000Z',
    history: [
      { __typename: 'EvidenceEvent', id: 'e-2', action: 'SUBMITTED', note: null, actorName: 'Joana Cavalcanti Rocha', at: '2026-05-05T12:00:00.000Z' },
      { __typename: 'EvidenceEvent', id: 'e-1', action: 'CREATED', note: null, actorName: 'Joana Cavalcanti Rocha', at: '2026-05-04T12:00:00.000Z' },
    ],
  });

describe('review note rule', () => {
  it('needs a decision, and a note unless publishing', () => {
    expect(reviewNoteProblem(null, '')).toBe('evidenceSubmit:errorDecisionRequired');
    expect(reviewNoteProblem('PUBLISH', '')).toBeNull();
    expect(reviewNoteProblem('REQUEST_CHANGES', '   ')).toBe('evidenceSubmit:errorNoteRequired');
    expect(reviewNoteProblem('REJECT', '')).toBe('evidenceSubmit:errorNoteRequired');
    expect(reviewNoteProblem('REJECT', 'Fuera del alcance del banco.')).toBeNull();
  });
});

describe('Review item page', () => {
  it('shows the item, its file and history; a change request needs a note, is confirmed, then returns to the queue', async () => {
    const item = submitted();
    const { requests, container } = renderEvidence('/manage/evidence/ev-1', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: item } }),
      ReviewEvidenceItem: () => ({ data: { reviewEvidenceItem: { ...item, status: 'CHANGES_REQUESTED', lastReviewNote: 'Falta el año.' } } }),
      EvidenceReviewQueue: () => ({ data: { evidenceReviewQueue: connection([]) } }),
    });
    await screen.findByRole('heading', { level: 1, name: item.title }, { timeout: 15_000 });
    expect(screen.getByTestId('download-current')).toHaveAttribute('href', '/api/evidence/files/f-2');
    expect(screen.getByTestId('download-current')).toHaveTextContent(fill(es.downloadCurrent, { filename: 'avaliacao-v2.pdf' }));
    expect(screen.getAllByTestId('file-version')).toHaveLength(2);
    expect(screen.getAllByTestId('history-event').map((e) => e.getAttribute('data-action'))).toEqual(['SUBMITTED', 'CREATED']);
    expect(screen.getByTestId('evidence-history')).toHaveTextContent(shared.action_SUBMITTED);
    expect(screen.getByTestId('evidence-text-pt')).toHaveTextContent('Como redes municipais usaram');
    await expectNoAxeViolations(container);

    const form = screen.getByTestId('decision-form');
    fireEvent.click(within(form).getByTestId('record-decision'));
    expect(await within(form).findByText(es.errorDecisionRequired)).toBeInTheDocument();

    fireEvent.click(within(form).getByRole('radio', { name: shared.decision_REQUEST_CHANGES }));
    fireEvent.click(within(form).getByTestId('record-decision'));
    expect(await within(form).findByText(es.errorNoteRequired)).toBeInTheDocument();
    expect(within(form).getByTestId('review-note-input')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requests.some((r) => r.operationName === 'ReviewEvidenceItem')).toBe(false);
    await expectNoAxeViolations(container);

    fireEvent.change(within(form).getByTestId('review-note-input'), { target: { value: '  Falta el año.  ' } });
    fireEvent.click(within(form).getByTestId('record-decision'));
    const dialog = await screen.findByRole('dialog', { name: es.confirmDecisionTitle });
    expect(dialog).toHaveTextContent(fill(es.confirmDecision_REQUEST_CHANGES, { title: item.title }));
    fireEvent.click(within(dialog).getByTestId('confirm-decision'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'ReviewEvidenceItem')?.variables).toEqual({ id: 'ev-1', decision: 'REQUEST_CHANGES', note: 'Falta el año.' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/manage\/evidence$/));
    expect(await screen.findByTestId('queue-notice')).toHaveTextContent(fill(es.decidedNotice_REQUEST_CHANGES, { title: item.title }));
  });

  it("publishes without a note; the server's refusal (e.g. someone decided first) is shown and the page stays", async () => {
    const item = submitted();
    const { requests } = renderEvidence('/manage/evidence/ev-1', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: item } }),
      ReviewEvidenceItem: () => graphQLError('CONFLICT', 'Otra persona ya tomó una decisión sobre este elemento.'),
    });
    const form = await screen.findByTestId('decision-form', undefined, { timeout: 15_000 });
    fireEvent.click(within(form).getByRole('radio', { name: shared.decision_PUBLISH }));
    fireEvent.click(within(form).getByTestId('record-decision'));
    fireEvent.click(within(await screen.findByRole('dialog')).getByTestId('confirm-decision'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'ReviewEvidenceItem')?.variables).toEqual({ id: 'ev-1', decision: 'PUBLISH', note: null }));
    expect(await screen.findByTestId('decision-failure')).toHaveTextContent('Otra persona ya tomó una decisión sobre este elemento.');
    expect(screen.getByTestId('location')).toHaveTextContent('/manage/evidence/ev-1');
  });

  it('shows no decision form once an item is decided', async () => {
    renderEvidence('/manage/evidence/ev-1', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: { ...submitted(), status: 'REJECTED', lastReviewNote: 'Fuera del alcance del banco.', canEdit: false } } }),
    });
    expect(await screen.findByTestId('review-note', undefined, { timeout: 15_000 })).toHaveTextContent('Fuera del alcance del banco.');
    expect(screen.queryByTestId('decision-form')).toBeNull();
  });

  it('says "not found" when the item is missing or hidden', async () => {
    renderEvidence('/manage/evidence/nope', { ...lookups, EvidenceItemForEditing: () => ({ data: { evidenceItem: null } }) });
    expect(await screen.findByRole('heading', { level: 1, name: es.notFound }, { timeout: 15_000 })).toBeInTheDocument();
  });
});

describe('Review queue', () => {
  it('lists submitted items with submitter, organisation and date, and filters by status', async () => {
    const { requests, container } = renderEvidence('/manage/evidence', {
      EvidenceReviewQueue: (request) => ({
        data: { evidenceReviewQueue: connection(request.variables.status === 'PUBLISHED' ? [] : [evidenceRow()]) },
      }),
    });
    const table = await screen.findByTestId('review-queue', undefined, { timeout: 15_000 });
    expect(requests.find((r) => r.operationName === 'EvidenceReviewQueue')?.variables).toEqual({ status: 'SUBMITTED', first: 25 });
    expect(within(table).getByRole('link', { name: 'Avaliação formativa nas escolas rurais do Nordeste' })).toHaveAttribute('href', '/manage/evidence/ev-1');
    expect(table).toHaveTextContent('Joana Cavalcanti Rocha');
    expect(table).toHaveTextContent('Secretaria de Educação do Ceará');
    expect(table).toHaveTextContent('5 may 2026');
    expect(screen.getByTestId('queue-count')).toHaveTextContent(fill(es.queueCount, { number: 1 }));
    await expectNoAxeViolations(container);

    fireEvent.change(screen.getByTestId('queue-status'), { target: { value: 'PUBLISHED' } });
    await waitFor(() => expect(requests.filter((r) => r.operationName === 'EvidenceReviewQueue').at(-1)?.variables).toEqual({ status: 'PUBLISHED', first: 25 }));
    expect(await screen.findByTestId('queue-empty')).toHaveTextContent(es.queueEmptyStatus);
  });
});
