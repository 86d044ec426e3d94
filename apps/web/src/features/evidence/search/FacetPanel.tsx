import { useState } from 'react';
import { Box, Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceFacetsFields, FacetCountFields } from '../operations-public';
import { formatNumber } from '../shared/format';
import { FACET_KEYS, type EvidenceSearchState, type FacetKey } from './filters';
import { FACET_TITLE_KEYS, type FacetLabeller } from './facetLabels';

/** Options shown before "show all": long lists (33 countries) would push results far down on phones. */
const SHOWN_AT_FIRST = 8;

/** The server's counts plus any chosen value it did not count, so every active filter can be unticked here. */
export function facetOptions(key: FacetKey, facets: EvidenceFacetsFields | undefined, selected: string[]): FacetCountFields[] {
  const counted = facets?.[key] ?? [];
  const missing = selected.filter((value) => !counted.some((facet) => facet.value === value)).map((value) => ({ value, label: '', count: 0 }));
  const options = [...counted, ...missing];
  // Newest years first; the other facets keep the server's order (most results first).
  return key === 'years' ? options.sort((a, b) => Number(b.value) - Number(a.value)) : options;
}

function FacetGroup({
  facetKey,
  options,
  selected,
  label,
  onToggle,
}: {
  facetKey: FacetKey;
  options: FacetCountFields[];
  selected: string[];
  label: FacetLabeller;
  onToggle: (key: FacetKey, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const listId = `facet-${facetKey}-options`;
  // Chosen values stay visible even when the list is cut short.
  const visible = showAll ? options : options.filter((option, index) => index < SHOWN_AT_FIRST || selected.includes(option.value));
  const title = t(FACET_TITLE_KEYS[facetKey]);
  return (
    <Box component="fieldset" m={0} p={0} style={{ border: 0, minWidth: 0 }} data-testid={`facet-${facetKey}`}>
      <Text component="legend" fw={600} p={0} mb={6}>
        {title}
      </Text>
      <Stack gap={6} id={listId}>
        {visible.map((option) => {
          const name = label(facetKey, option.value);
          return (
            <Checkbox
              key={option.value}
              checked={selected.includes(option.value)}
              onChange={() => onToggle(facetKey, option.value)}
              label={
                <>
                  {name}{' '}
                  <Text span size="sm" c="dimmed">
                    ({formatNumber(option.count, i18n.language, 0)})
                  </Text>
                </>
              }
              styles={{ label: { overflowWrap: 'anywhere' } }}
              data-testid={`facet-${facetKey}-${option.value}`}
            />
          );
        })}
      </Stack>
      {options.length > SHOWN_AT_FIRST && (
        <Button variant="subtle" size="compact-sm" mt={4} px={0} aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((v) => !v)}>
          {showAll ? t('evidenceUi:showFewer') : t('evidenceUi:showAll', { number: formatNumber(options.length, i18n.language, 0), facet: title })}
        </Button>
      )}
    </Box>
  );
}

/**
 * The facets as groups of checkboxes with counts. On phones they fold behind a button so the
 * results come first; from md up they are always open beside the results.
 */
export function FacetPanel({
  facets,
  state,
  label,
  onToggle,
}: {
  facets: EvidenceFacetsFields | undefined;
  state: EvidenceSearchState;
  label: FacetLabeller;
  onToggle: (key: FacetKey, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const active = FACET_KEYS.reduce((sum, key) => sum + state[key].length, 0);
  const groups = FACET_KEYS.map((key) => ({ key, options: facetOptions(key, facets, state[key]) })).filter((group) => group.options.length > 0);
  return (
    <Stack gap="sm" component="section" aria-labelledby="evidence-facets-heading">
      <Title order={2} size="h4" id="evidence-facets-heading">
        {t('evidenceUi:filtersHeading')}
      </Title>
      <Button
        hiddenFrom="md"
        variant="default"
        aria-expanded={open}
        aria-controls="evidence-facets"
        onClick={() => setOpen((v) => !v)}
        data-testid="facets-toggle"
      >
        {open ? t('evidenceUi:hideFilters') : active > 0 ? t('evidenceUi:showFiltersActive', { number: formatNumber(active, i18n.language, 0) }) : t('evidenceUi:showFilters')}
      </Button>
      <Stack gap="lg" id="evidence-facets" visibleFrom={open ? undefined : 'md'} data-testid="evidence-facets">
        {groups.length === 0 ? (
          <Text size="sm">{t('evidenceUi:noFacets')}</Text>
        ) : (
          groups.map((group) => <FacetGroup key={group.key} facetKey={group.key} options={group.options} selected={state[group.key]} label={label} onToggle={onToggle} />)
        )}
      </Stack>
    </Stack>
  );
}
