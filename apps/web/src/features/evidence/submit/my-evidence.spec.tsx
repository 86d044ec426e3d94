import { cleanup, screen, within, configure } from '@testing-library/react';
import { i18n } from '../../../app/i18n';
import { connection, evidenceRow, expectNoAxeViolations, renderEvidence, texts } from './render-evidence';

jest.setTimeout(60_000);
// Other suites share the machine: give async queries room before calling a wait a failure.
configure({ asyncUtilTimeout: 10_000 });

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

describe('My evidence', () => {
  it('shows an empty state with the share button', async () => {
    const es = texts('evidenceSubmit', 'es');
    const { container } = renderEvidence('/my/evidence', { MyEvidence: () => ({ data: { canSubmitEvidence: true, myEvidence: connection([]) } }) });
    expect(await screen.findByTestId('my-evidence-empty', undefined, { timeout: 15_000 })).toHaveTextContent(es.myEmpty);
    expect(screen.getByTestId('share-evidence')).toHaveAttribute('href', '/evidence/new');
    await expectNoAxeViolations(container);
  });

  it("lists the caller's items with status badges, the last review note and the right links (French)", async () => {
    await i18n.changeLanguage('fr');
    const fr = texts('evidenceSubmit', 'fr');
    const shared = texts('evidence', 'fr');
    const rows = [
      evidenceRow({ id: 'ev-1', status: 'CHANGES_REQUESTED', lastReviewNote: 'Ajoutez la liste des communes.', canEdit: true }),
      evidenceRow({ id: 'ev-2', status: 'PUBLISHED', title: 'Guide de l’évaluation formative', publishedAt: '2026-05-06T12:00:00.000Z', canEdit: true }),
    ];
    const { container } = renderEvidence('/my/evidence', { MyEvidence: () => ({ data: { canSubmitEvidence: true, myEvidence: connection(rows) } }) });
    const items = await screen.findAllByTestId('my-evidence-item', undefined, { timeout: 15_000 });
    expect(items.map((item) => item.getAttribute('data-status'))).toEqual(['CHANGES_REQUESTED', 'PUBLISHED']);
    expect(within(items[0]).getByTestId('evidence-status')).toHaveTextContent(shared.status_CHANGES_REQUESTED);
    expect(within(items[0]).getByTestId('my-evidence-note')).toHaveTextContent('Ajoutez la liste des communes.');
    expect(within(items[0]).getByTestId('my-evidence-open')).toHaveAttribute('href', '/evidence/ev-1/edit');
    expect(within(items[0]).getByTestId('my-evidence-open')).toHaveTextContent(fr.editNamed.replace('{{title}}', rows[0].title));
    expect(within(items[1]).getByRole('link', { name: fr.publicPageNamed.replace('{{title}}', rows[1].title) })).toHaveAttribute('href', '/evidence/ev-2');
    expect(within(items[1]).queryByTestId('my-evidence-note')).toBeNull();
    await expectNoAxeViolations(container);
  });
});
