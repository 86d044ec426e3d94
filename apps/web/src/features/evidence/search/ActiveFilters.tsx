import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FACET_KEYS, type EvidenceSearchState, type FacetKey } from './filters';
import { FACET_TITLE_KEYS, type FacetLabeller } from './facetLabels';

/** The filters in force as removable chips, plus "clear all": what narrowed the results, undone in one step. */
export function ActiveFilters({
  state,
  label,
  onRemove,
  onClear,
}: {
  state: EvidenceSearchState;
  label: FacetLabeller;
  onRemove: (key: FacetKey, value: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const chips = FACET_KEYS.flatMap((key) => state[key].map((value) => ({ key, value, name: label(key, value), group: t(FACET_TITLE_KEYS[key]) })));
  if (chips.length === 0) return null;
  return (
    <Group gap="xs" align="center" data-testid="active-filters">
      <Text id="active-filters-label" fw={600} size="sm">
        {t('evidenceUi:activeFilters')}
      </Text>
      <Group component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="active-filters-label">
        {chips.map((chip) => (
          <li key={`${chip.key}-${chip.value}`}>
            <Button
              variant="outline"
              color="blue.9"
              size="compact-sm"
              radius="xl"
              rightSection={<span aria-hidden="true">×</span>}
              aria-label={t('evidenceUi:removeFilter', { filter: `${chip.group}: ${chip.name}` })}
              onClick={() => onRemove(chip.key, chip.value)}
              styles={{ root: { height: 'auto', minHeight: 26 }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
              data-testid={`chip-${chip.key}-${chip.value}`}
            >
              {chip.name}
            </Button>
          </li>
        ))}
      </Group>
      <Button variant="subtle" size="compact-sm" onClick={onClear} data-testid="clear-filters">
        {t('evidenceUi:clearAll')}
      </Button>
    </Group>
  );
}
