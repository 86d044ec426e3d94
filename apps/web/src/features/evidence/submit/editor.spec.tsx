import { act, cleanup, fireEvent, screen, waitFor, within, configure } from '@testing-library/react';
import { i18n } from '../../../app/i18n';
import { graphQLError } from '../../../testing/fake-api';
import type { EvidenceItemInput } from '../operations-submit';
import { normaliseDoi, validateEvidence, valuesFrom, withLanguage, addTranslation } from './form-model';
import { evidenceItem, expectNoAxeViolations, fill, lookups, renderEvidence, texts } from './render-evidence';

jest.setTimeout(60_000);
// Other suites share the machine: give async queries room before calling a wait a failure.
configure({ asyncUtilTimeout: 10_000 });
const es = texts('evidenceSubmit', 'es');
const pt = texts('evidenceSubmit', 'pt');

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => {
  cleanup();
  FakeXhr.reset();
});

/** Stands in for the browser's XMLHttpRequest: reports progress, then answers as the test says. */
class FakeXhr {
  static last: FakeXhr | null = null;
  static answer: { status: number; body: unknown } = { status: 201, body: {} };
  static reset() {
    FakeXhr.last = null;
    FakeXhr.answer = { status: 201, body: {} };
  }
  method = '';
  url = '';
  withCredentials = false;
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  private finish: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.last = this;
    this.finish = () => {
      this.status = FakeXhr.answer.status;
      this.responseText = JSON.stringify(FakeXhr.answer.body);
      this.onload?.();
    };
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  complete() {
    this.finish?.();
  }
  abort() {
    this.onabort?.();
  }
}

function withFakeXhr() {
  const original = window.XMLHttpRequest;
  beforeEach(() => {
    (window as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
  });
  afterEach(() => {
    window.XMLHttpRequest = original;
  });
}

describe('evidence form model', () => {
  it('checks the API limits per field and normalises DOIs', () => {
    const values = valuesFrom(null, 'pt', '');
    values.texts[0] = { locale: 'pt', title: 'Av', abstract: 'curto' };
    values.year = '1900';
    values.doi = 'https://doi.org/10.1234/abc.5';
    values.externalUrl = 'ftp://example.org/x';
    const problems = validateEvidence(values, new Date('2026-06-01T00:00:00Z'));
    expect(Object.keys(problems).sort()).toEqual(['authors', 'externalUrl', 'text.pt.abstract', 'text.pt.title', 'year']);
    expect(problems.year).toEqual({ key: 'evidenceSubmit:errorYear', params: { min: 1950, max: 2027 } });
    expect(normaliseDoi(' https://doi.org/10.1234/abc.5 ')).toBe('10.1234/abc.5');
    expect(normaliseDoi('doi:10.1234/abc.5')).toBe('10.1234/abc.5');
  });

  it('keeps the text typed when the original language is changed, and swaps with an existing translation', () => {
    let values = valuesFrom(null, 'es', '');
    values.texts[0] = { locale: 'es', title: 'Avaliação', abstract: 'Texto escrito en portugués antes de elegir el idioma.' };
    values = withLanguage(values, 'pt');
    expect(values.texts).toEqual([{ locale: 'pt', title: 'Avaliação', abstract: 'Texto escrito en portugués antes de elegir el idioma.' }]);
    values = addTranslation(values, 'es');
    values = withLanguage(values, 'es');
    expect(values.texts.map((text) => text.locale)).toEqual(['es', 'pt']);
  });
});

describe('Evidence editor', () => {
  withFakeXhr();

  it('shows every field error before sending, adds a translation block with its own lang, and creates the draft', async () => {
    const { requests, container } = renderEvidence('/evidence/new', {
      ...lookups,
      CreateEvidenceItem: () => ({ data: { createEvidenceItem: evidenceItem({ id: 'ev-9' }) } }),
      MyEvidence: () => ({ data: { canSubmitEvidence: true, myEvidence: { __typename: 'EvidenceItemConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } } }),
      EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem({ id: 'ev-9' }) } }),
    });
    await screen.findByRole('heading', { level: 1, name: es.newTitle }, { timeout: 15_000 });
    await screen.findByRole('checkbox', { name: 'Evaluación' });
    await expectNoAxeViolations(container);

    fireEvent.change(screen.getByTestId('evidence-title-es'), { target: { value: 'Ev' } });
    fireEvent.change(screen.getByTestId('evidence-year'), { target: { value: '1890' } });
    fireEvent.change(screen.getByTestId('evidence-doi'), { target: { value: 'no es un doi' } });
    fireEvent.click(screen.getByTestId('save-evidence'));
    expect(await screen.findByText(fill(es.errorTitle, { min: 3, max: 300 }))).toBeInTheDocument();
    expect(screen.getByText(fill(es.errorAbstract, { min: 20, max: 5000 }))).toBeInTheDocument();
    expect(screen.getByText(fill(es.errorYear, { min: 1950, max: new Date().getFullYear() + 1 }))).toBeInTheDocument();
    expect(screen.getByText(es.errorDoi)).toBeInTheDocument();
    expect(screen.getByText(es.errorAuthorsRequired)).toBeInTheDocument();
    expect(screen.getByTestId('evidence-title-es')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId('evidence-form-failure')).toHaveTextContent(es.fixErrors);
    expect(requests.some((r) => r.operationName === 'CreateEvidenceItem')).toBe(false);
    await expectNoAxeViolations(container);

    // Original in Portuguese (the Spanish block becomes the Portuguese one), plus a Spanish translation.
    fireEvent.change(screen.getByTestId('evidence-language'), { target: { value: 'pt' } });
    expect(screen.getByTestId('text-block-pt')).toHaveAttribute('data-original', 'true');
    expect(screen.getByTestId('evidence-title-pt')).toHaveAttribute('lang', 'pt');
    fireEvent.click(screen.getByTestId('add-translation-es'));
    const spanish = screen.getByTestId('text-block-es');
    expect(within(spanish).getByText(fill(es.translationIn, { language: 'Español' }))).toBeInTheDocument();
    expect(screen.getByTestId('evidence-abstract-es')).toHaveAttribute('lang', 'es');
    fireEvent.change(screen.getByTestId('evidence-title-pt'), { target: { value: 'Avaliação formativa nas escolas rurais' } });
    fireEvent.change(screen.getByTestId('evidence-abstract-pt'), { target: { value: 'Como redes municipais usaram a avaliação formativa.' } });
    fireEvent.change(screen.getByTestId('evidence-title-es'), { target: { value: 'Evaluación formativa en escuelas rurales' } });
    fireEvent.change(screen.getByTestId('evidence-abstract-es'), { target: { value: 'Cómo las redes municipales usaron la evaluación formativa.' } });
    fireEvent.change(screen.getByTestId('author-name-0'), { target: { value: 'Joana Cavalcanti Rocha' } });
    fireEvent.change(screen.getByTestId('evidence-year'), { target: { value: '2025' } });
    fireEvent.change(screen.getByTestId('evidence-doi'), { target: { value: 'https://doi.org/10.5555/aval.2025' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Evaluación' }));
    fireEvent.click(screen.getByTestId('save-evidence'));
    await waitFor(() => expect(requests.some((r) => r.operationName === 'CreateEvidenceItem')).toBe(true));
    const input = requests.find((r) => r.operationName === 'CreateEvidenceItem')!.variables.input as EvidenceItemInput;
    expect(input).toEqual({
      type: 'GOOD_PRACTICE',
      language: 'pt',
      texts: [
        { locale: 'pt', title: 'Avaliação formativa nas escolas rurais', abstract: 'Como redes municipais usaram a avaliação formativa.' },
        { locale: 'es', title: 'Evaluación formativa en escuelas rurales', abstract: 'Cómo las redes municipales usaron la evaluación formativa.' },
      ],
      countryCodes: [],
      focusAreaIds: ['fa-1'],
      year: 2025,
      authors: [{ name: 'Joana Cavalcanti Rocha', affiliation: null }],
      organisationId: 'org-1',
      publisher: null,
      licence: 'CC_BY_4_0',
      externalUrl: null,
      doi: '10.5555/aval.2025',
      visibility: 'PUBLIC',
    });
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/evidence/ev-9/edit'));
    expect(await screen.findByTestId('editor-notice')).toHaveTextContent(es.createdNotice);
  });

  it("puts the API's BAD_USER_INPUT messages next to the translation and the field they name", async () => {
    const item = evidenceItem({
      texts: [
        { __typename: 'EvidenceText', locale: 'pt', title: 'Avaliação formativa nas escolas rurais do Nordeste', abstract: 'Como redes municipais usaram a avaliação formativa.', original: true },
        { __typename: 'EvidenceText', locale: 'en', title: 'Formative assessment in rural schools', abstract: 'How municipal networks used formative assessment.', original: false },
      ],
    });
    renderEvidence('/evidence/ev-1/edit', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: item } }),
      UpdateEvidenceItem: () =>
        graphQLError('BAD_USER_INPUT', 'Revise los campos marcados.', {
          fields: [
            { field: 'input.texts.1.abstract', message: 'El resumen en inglés es demasiado corto.' },
            { field: 'input.authors.0.name', message: 'Nombre no válido.' },
            { field: 'input.countryCodes', message: 'País desconocido: XX.' },
          ],
        }),
    });
    await screen.findByTestId('evidence-form', undefined, { timeout: 15_000 });
    fireEvent.click(screen.getByTestId('save-evidence'));
    const english = screen.getByTestId('text-block-en');
    expect(await within(english).findByText('El resumen en inglés es demasiado corto.')).toBeInTheDocument();
    expect(within(screen.getByTestId('text-block-pt')).queryByText('El resumen en inglés es demasiado corto.')).toBeNull();
    expect(within(screen.getByTestId('evidence-authors')).getByText('Nombre no válido.')).toBeInTheDocument();
    expect(screen.getByText('País desconocido: XX.')).toBeInTheDocument();
    expect(screen.getByTestId('evidence-form-failure')).toHaveTextContent('Revise los campos marcados.');
  });

  it('keeps "submit for review" disabled with the reason until a file is uploaded (progress shown), then submits', async () => {
    let item = evidenceItem();
    const { requests, container } = renderEvidence('/evidence/ev-1/edit', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: item } }),
      SubmitEvidenceItem: () => ({ data: { submitEvidenceItem: { ...item, status: 'SUBMITTED', canEdit: false, canDelete: false } } }),
      MyEvidence: () => ({ data: { canSubmitEvidence: true, myEvidence: { __typename: 'EvidenceItemConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } } }),
    });
    const button = await screen.findByTestId('submit-evidence', undefined, { timeout: 15_000 });
    expect(button).toBeDisabled();
    expect(screen.getByTestId('submit-blocker')).toHaveTextContent(es.submitNeedsFile);
    expect(button).toHaveAttribute('aria-describedby', 'submit-blocker');
    expect(screen.getByText(fill(es.fileHelp, { size: '50 MB' }))).toBeInTheDocument();
    expect(screen.getByTestId('no-files')).toBeInTheDocument();
    await expectNoAxeViolations(container);

    const file = new File(['%PDF-1.4 fake'], 'avaliacao.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText(es.fileInput), { target: { files: [file] } });
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/evidence/items/ev-1/files');
    expect(xhr.withCredentials).toBe(true);
    expect(xhr.headers['x-requested-with']).toBe('fetch');
    expect(xhr.headers['accept-language']).toBe('es');
    expect((xhr.body!.get('file') as File).name).toBe('avaliacao.pdf');
    act(() => xhr.progress(40, 100));
    expect(await screen.findByTestId('upload-percent')).toHaveTextContent('40');
    expect(screen.getByRole('progressbar', { name: fill(es.uploadProgress, { percent: 40 }) })).toBeInTheDocument();

    const stored = { __typename: 'EvidenceFile' as const, id: 'f-1', version: 1, filename: 'avaliacao.pdf', contentType: 'application/pdf', size: 2048, uploadedAt: '2026-05-04T13:00:00.000Z', url: '/api/evidence/files/f-1' };
    item = { ...item, currentFile: stored, files: [stored], canSubmit: true };
    FakeXhr.answer = { status: 201, body: { id: 'f-1', version: 1, filename: 'avaliacao.pdf', contentType: 'application/pdf', size: 2048, sha256: 'a'.repeat(64), url: '/api/evidence/files/f-1' } };
    await act(async () => xhr.complete());
    expect(await screen.findByTestId('upload-done')).toHaveTextContent(fill(es.uploadDone, { filename: 'avaliacao.pdf', version: 1 }));
    const versions = await screen.findByTestId('file-versions');
    expect(within(versions).getByRole('link', { name: fill(es.downloadVersion, { filename: 'avaliacao.pdf', version: 1 }) })).toHaveAttribute('href', '/api/evidence/files/f-1');
    await waitFor(() => expect(screen.getByTestId('submit-evidence')).toBeEnabled());
    expect(screen.queryByTestId('submit-blocker')).toBeNull();

    fireEvent.click(screen.getByTestId('submit-evidence'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'SubmitEvidenceItem')?.variables).toEqual({ id: 'ev-1' }));
    expect(await screen.findByTestId('editor-notice')).toHaveTextContent(es.submittedNotice);
    // Under review it is read-only.
    await waitFor(() => expect(screen.queryByTestId('evidence-form')).toBeNull());
    expect(screen.getByTestId('evidence-status')).toHaveAttribute('data-status', 'SUBMITTED');
  });

  it("shows the API's refusal of an upload in the reader's language", async () => {
    await i18n.changeLanguage('pt');
    renderEvidence('/evidence/ev-1/edit', { ...lookups, EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem() } }) });
    const input = await screen.findByLabelText(pt.fileInput, undefined, { timeout: 15_000 });
    FakeXhr.answer = { status: 415, body: { code: 'storage:fileTypeNotAllowed', message: 'Este tipo de arquivo não é aceito.' } };
    fireEvent.change(input, { target: { files: [new File(['MZ'], 'programa.exe')] } });
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    await act(async () => FakeXhr.last!.complete());
    expect(await screen.findByTestId('upload-failure')).toHaveTextContent('Este tipo de arquivo não é aceito.');
    expect(FakeXhr.last!.headers['accept-language']).toBe('pt');
  });

  it('refuses a file over 50 MB before sending it', async () => {
    renderEvidence('/evidence/ev-1/edit', { ...lookups, EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem() } }) });
    const input = await screen.findByLabelText(es.fileInput, undefined, { timeout: 15_000 });
    const big = new File(['x'], 'grande.pdf');
    Object.defineProperty(big, 'size', { value: 60 * 1024 * 1024 });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByTestId('upload-failure')).toHaveTextContent(fill(es.uploadTooLarge, { size: '50 MB' }));
    expect(FakeXhr.last).toBeNull();
  });

  it("shows the reviewer's note prominently when changes are requested; a submitted item is read-only", async () => {
    const note = 'Incluya el año de la experiencia y la lista de municipios participantes.';
    renderEvidence('/evidence/ev-1/edit', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem({ status: 'CHANGES_REQUESTED', lastReviewNote: note, externalUrl: 'https://rede.example.org/relatorio', canDelete: false }) } }),
    });
    const alert = await screen.findByTestId('review-note', undefined, { timeout: 15_000 });
    expect(alert).toHaveTextContent(es.changesNoteTitle);
    expect(alert).toHaveTextContent(note);
    expect(screen.getByTestId('evidence-form')).toBeInTheDocument();
    expect(screen.getByTestId('submit-evidence')).toHaveTextContent(es.resubmit);
    // An external link is enough to submit.
    expect(screen.getByTestId('submit-evidence')).toBeEnabled();
    // Unsaved edits must be saved first.
    fireEvent.change(screen.getByTestId('evidence-publisher'), { target: { value: 'Rede Educa' } });
    expect(screen.getByTestId('submit-evidence')).toBeDisabled();
    expect(screen.getByTestId('submit-blocker')).toHaveTextContent(es.submitNeedsSave);
    expect(screen.queryByTestId('delete-draft')).toBeNull();
    cleanup();

    const { container } = renderEvidence('/evidence/ev-1/edit', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem({ status: 'SUBMITTED', canEdit: false, canDelete: false, submittedAt: '2026-05-05T12:00:00.000Z' }) } }),
    });
    await screen.findByTestId('evidence-details', undefined, { timeout: 15_000 });
    expect(screen.queryByTestId('evidence-form')).toBeNull();
    expect(screen.queryByTestId('submit-evidence')).toBeNull();
    expect(screen.getByText(es.statusNote_SUBMITTED)).toBeInTheDocument();
    expect(screen.getByTestId('evidence-text-pt').querySelector('[lang="pt"]')).not.toBeNull();
    await expectNoAxeViolations(container);
  });

  it('deletes a draft after confirmation and returns to my evidence', async () => {
    const { requests } = renderEvidence('/evidence/ev-1/edit', {
      ...lookups,
      EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem() } }),
      DeleteEvidenceDraft: () => ({ data: { deleteEvidenceDraft: true } }),
      MyEvidence: () => ({ data: { canSubmitEvidence: true, myEvidence: { __typename: 'EvidenceItemConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } } }),
    });
    fireEvent.click(await screen.findByTestId('delete-draft', undefined, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog', { name: es.deleteConfirmTitle });
    expect(requests.some((r) => r.operationName === 'DeleteEvidenceDraft')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('confirm-delete'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'DeleteEvidenceDraft')?.variables).toEqual({ id: 'ev-1' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/my/evidence'));
    expect(await screen.findByTestId('my-evidence-notice')).toHaveTextContent(fill(es.deletedNotice, { title: 'Avaliação formativa nas escolas rurais do Nordeste' }));
  });

  it.each(['en', 'pt', 'fr'])('the draft editor is axe-clean and labelled in %s', async (locale) => {
    await i18n.changeLanguage(locale);
    const ui = texts('evidenceSubmit', locale);
    const { container } = renderEvidence('/evidence/ev-1/edit', { ...lookups, EvidenceItemForEditing: () => ({ data: { evidenceItem: evidenceItem() } }) });
    await screen.findByTestId('evidence-form', undefined, { timeout: 15_000 });
    expect(screen.getByRole('button', { name: ui.saveChanges })).toBeInTheDocument();
    expect(screen.getByLabelText(ui.fileInput)).toHaveAttribute('type', 'file');
    await expectNoAxeViolations(container);
  });

  it('tells people outside member organisations why they cannot share evidence', async () => {
    renderEvidence('/evidence/new', { ...lookups, EvidenceSubmitter: () => ({ data: { canSubmitEvidence: false, evidenceOrganisationOptions: [] } }) });
    expect(await screen.findByTestId('cannot-submit', undefined, { timeout: 15_000 })).toHaveTextContent(es.cannotSubmit);
    expect(screen.queryByTestId('evidence-form')).toBeNull();
  });
});
