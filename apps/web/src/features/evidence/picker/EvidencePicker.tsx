import { useState } from 'react';
import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_PICKER_SEARCH } from './operations';

/** What a picker hands back: enough to show and to save a link. */
export interface PickedEvidence {
  id: string;
  title: string;
}

export interface EvidencePickerProps {
  /** Visible label of the search box (translated by the caller). */
  label: string;
  /** Shown when the search finds nothing. */
  nothingFound: string;
  /** Accessible name of the spinner while searching. */
  searchingLabel: string;
  description?: string;
  placeholder?: string;
  /** Items already chosen: left out of the options. */
  exclude?: readonly string[];
  disabled?: boolean;
  error?: string | null;
  onPick: (item: PickedEvidence) => void;
  'data-testid'?: string;
}

/**
 * A search box over the evidence bank (published items the reader may see): typing searches through
 * `evidenceSearch` (10 at a time; an empty box lists the newest), arrow keys move through the
 * options, Enter or a click picks one. The box then clears for the next search; the caller keeps
 * the list of picked items.
 */
export function EvidencePicker({ label, nothingFound, searchingLabel, description, placeholder, exclude = [], disabled, error, onPick, ...rest }: EvidencePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const combobox = useCombobox({
    onDropdownOpen: () => setOpened(true),
    onDropdownClose: () => {
      setOpened(false);
      combobox.resetSelectedOption();
    },
  });
  const { data, previousData, loading } = useQuery(EVIDENCE_PICKER_SEARCH, {
    variables: { query: debounced || null, first: 10 },
    skip: !opened || disabled,
    fetchPolicy: 'cache-and-network',
  });
  // The previous results stay while the next search runs, so the list does not flicker.
  const hits = ((data ?? previousData)?.evidenceSearch.hits ?? []).map((h) => h.item).filter((item) => !exclude.includes(item.id));
  const testId = rest['data-testid'] ?? 'evidence-picker';

  const pick = (id: string) => {
    const item = hits.find((h) => h.id === id);
    if (!item) return;
    onPick({ id: item.id, title: item.title });
    setSearch('');
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false}>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          label={label}
          description={description}
          placeholder={placeholder}
          value={search}
          disabled={disabled}
          error={error ?? undefined}
          autoComplete="off"
          data-testid={testId}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          rightSection={loading ? <Loader size={16} aria-label={searchingLabel} /> : null}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }} data-testid={`${testId}-options`}>
          {hits.map((item) => (
            <Combobox.Option value={item.id} key={item.id} data-testid={`${testId}-option`}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">{item.title}</Text>
                <Text size="xs" c="dark.6" style={{ whiteSpace: 'nowrap' }}>
                  {t(`evidence:type_${item.type}`)} · {item.year}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
          {!hits.length && !loading && <Combobox.Empty>{nothingFound}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
