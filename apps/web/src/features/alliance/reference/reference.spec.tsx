import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { catalogues } from '@alliance/shared-i18n';
import { renderApp, admin } from '../../../testing/render-app';
import { i18n } from '../../../app/i18n';
import { checkObserverCode } from './observer';

const es = catalogues.allianceDirectory.es;

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

describe('observer country codes', () => {
  it('normalises and explains what cannot be added', () => {
    expect(checkObserverCode(' es ', [])).toEqual({ code: 'ES', problem: null });
    expect(checkObserverCode('ZZ', [])).toEqual({ code: 'ZZ', problem: 'observerInvalid' });
    expect(checkObserverCode('br', [])).toEqual({ code: 'BR', problem: 'observerInRegion' });
    expect(checkObserverCode('CA', ['CA'])).toEqual({ code: 'CA', problem: 'observerAlready' });
  });
});

const area = {
  __typename: 'FocusArea',
  id: 'fa-1',
  key: 'teachers',
  name: 'Docentes',
  names: { __typename: 'FocusAreaNames', es: 'Docentes', en: 'Teachers', pt: 'Professores', fr: 'Enseignants' },
  active: true,
};

function handlers(extra: Record<string, (r: { variables: Record<string, unknown> }) => unknown> = {}) {
  return {
    UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }),
    ReferenceFocusAreas: () => ({ data: { focusAreas: [area] } }),
    ReferenceCurrentCharter: () => ({ data: { currentCharter: { __typename: 'Charter', id: 'ch-2', version: 2, text: 'Carta vigente', publishedAt: '2026-01-15T10:00:00.000Z' } } }),
    ReferenceCountries: () => ({ data: { countries: [{ __typename: 'Country', code: 'CA', name: 'Canadá', subRegion: 'OBSERVER', observer: true }] } }),
    ...extra,
  };
}

describe('reference data page', () => {
  it('shows focus areas, the current charter and observers; axe-clean', async () => {
    const { container } = renderApp('/admin/alliance/reference', handlers(), admin());
    await screen.findByRole('heading', { level: 1, name: es.referenceTitle });
    expect(await screen.findByTestId('charter-current')).toHaveTextContent(es.charterCurrent.replace('{{version}}', '2').replace('{{date}}', '15 de enero de 2026'));
    expect(await screen.findByTestId('observer-countries')).toHaveTextContent('Canadá (CA)');
    expect(await screen.findByTestId('focus-area-item')).toHaveTextContent('Docentes');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('checks an observer code before asking the API, then adds a valid one', async () => {
    const { requests } = renderApp(
      '/admin/alliance/reference',
      handlers({ AddObserverCountry: (r) => ({ data: { addObserverCountry: { __typename: 'Country', code: r.variables.code, name: 'España', subRegion: 'OBSERVER', observer: true } } }) }),
      admin(),
    );
    const input = await screen.findByLabelText(es.observerCode);
    fireEvent.change(input, { target: { value: 'br' } });
    fireEvent.click(screen.getByRole('button', { name: es.addObserver }));
    expect(await screen.findByText(es.observerInRegion.replace('{{name}}', 'Brasil'))).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'AddObserverCountry')).toBe(false);

    fireEvent.change(input, { target: { value: 'es' } });
    fireEvent.click(screen.getByRole('button', { name: es.addObserver }));
    expect(await screen.findByText(es.observerAdded.replace('{{name}}', 'España'))).toBeInTheDocument();
    expect(requests.find((r) => r.operationName === 'AddObserverCountry')?.variables).toEqual({ code: 'ES' });
  });

  it('requires all four charter texts, then publishes them', async () => {
    const { requests } = renderApp(
      '/admin/alliance/reference',
      handlers({ PublishCharter: () => ({ data: { publishCharter: { __typename: 'Charter', id: 'ch-3', version: 3, text: 'Nueva', publishedAt: '2026-04-01T10:00:00.000Z' } } }) }),
      admin(),
    );
    await screen.findByTestId('charter-current');
    fireEvent.change(screen.getByLabelText(new RegExp(`^${es.charterEs.replace(/[()]/g, '\\$&')}`)), { target: { value: 'Texto' } });
    fireEvent.click(screen.getByRole('button', { name: es.publishCharter }));
    expect(await screen.findAllByText(es.required)).toHaveLength(3);
    expect(requests.some((r) => r.operationName === 'PublishCharter')).toBe(false);
    for (const key of ['charterEn', 'charterPt', 'charterFr'] as const) {
      fireEvent.change(screen.getByLabelText(new RegExp(`^${es[key].replace(/[()]/g, '\\$&')}`)), { target: { value: `Text ${key}` } });
    }
    fireEvent.click(screen.getByRole('button', { name: es.publishCharter }));
    expect(await screen.findByText(es.charterPublished.replace('{{version}}', '3'))).toBeInTheDocument();
    await waitFor(() => expect(requests.find((r) => r.operationName === 'PublishCharter')?.variables).toEqual({ es: 'Texto', en: 'Text charterEn', pt: 'Text charterPt', fr: 'Text charterFr' }));
  });
});
