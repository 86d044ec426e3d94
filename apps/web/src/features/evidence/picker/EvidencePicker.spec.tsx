import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import axe from 'axe-core';
import { i18n } from '../../../app/i18n';
import { EvidencePicker, type PickedEvidence } from './EvidencePicker';
import { EVIDENCE_PICKER_SEARCH } from './operations';

const hit = (id: string, title: string, type = 'GOOD_PRACTICE', year = 2024) => ({
  __typename: 'EvidenceSearchHit' as const,
  item: { __typename: 'EvidenceItem' as const, id, title, type, year },
});

const search = (query: string | null, hits: ReturnType<typeof hit>[]): MockLink.MockedResponse => ({
  request: { query: EVIDENCE_PICKER_SEARCH, variables: { query, first: 10 } },
  result: { data: { evidenceSearch: { __typename: 'EvidenceSearchResult', hits } } },
  maxUsageCount: 5,
});

function Harness({ mocks, exclude = [] }: { mocks: MockLink.MockedResponse[]; exclude?: string[] }) {
  const [picked, setPicked] = useState<PickedEvidence[]>([]);
  return (
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks}>
        <MantineProvider>
          <EvidencePicker
            label="Buscar en el banco de evidencias"
            nothingFound="Sin resultados"
            searchingLabel="Buscando"
            exclude={exclude}
            onPick={(item) => setPicked((list) => [...list, item])}
          />
          <ul data-testid="picked">
            {picked.map((p) => (
              <li key={p.id}>{`${p.id}:${p.title}`}</li>
            ))}
          </ul>
        </MantineProvider>
      </MockedProvider>
    </I18nextProvider>
  );
}

beforeEach(async () => {
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

describe('EvidencePicker', () => {
  it('lists the newest items on focus, searches as one types and picks with the keyboard', async () => {
    render(
      <Harness
        mocks={[
          search(null, [hit('e-1', 'Tutorías entre pares en Cusco'), hit('e-2', 'Escuelas multigrado en Haití', 'CASE_STUDY', 2023)]),
          search('multigrado', [hit('e-2', 'Escuelas multigrado en Haití', 'CASE_STUDY', 2023)]),
        ]}
      />,
    );
    const input = screen.getByRole('combobox', { name: 'Buscar en el banco de evidencias' });
    act(() => input.focus());
    expect(await screen.findByRole('option', { name: /Tutorías entre pares en Cusco/, hidden: true })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /Caso de estudio · 2023|Estudio de caso · 2023/, hidden: true })).toBeInTheDocument();

    fireEvent.change(input, { target: { value: 'multigrado' } });
    await waitFor(() => expect(screen.queryByRole('option', { name: /Tutorías/, hidden: true })).not.toBeInTheDocument());
    expect(await screen.findByRole('option', { name: /Escuelas multigrado en Haití/, hidden: true })).toBeInTheDocument();

    fireEvent.keyDown(input, { key: 'ArrowDown', code: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('picked')).toHaveTextContent('e-2:Escuelas multigrado en Haití'));
    expect(input).toHaveValue('');
  });

  it('leaves out items already chosen, says when nothing is found and has no accessibility violations', async () => {
    const { container } = render(<Harness exclude={['e-1']} mocks={[search(null, [hit('e-1', 'Tutorías entre pares en Cusco'), hit('e-3', 'Política de inclusión digital')]), search('zzz', [])]} />);
    const input = screen.getByRole('combobox', { name: 'Buscar en el banco de evidencias' });
    act(() => input.focus());
    const option = await screen.findByRole('option', { name: /Política de inclusión digital/, hidden: true });
    expect(screen.queryByRole('option', { name: /Tutorías/, hidden: true })).not.toBeInTheDocument();
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);

    fireEvent.click(option);
    await waitFor(() => expect(screen.getByTestId('picked')).toHaveTextContent('e-3:Política de inclusión digital'));

    fireEvent.change(input, { target: { value: 'zzz' } });
    expect(await screen.findByText('Sin resultados')).toBeInTheDocument();
  });
});
