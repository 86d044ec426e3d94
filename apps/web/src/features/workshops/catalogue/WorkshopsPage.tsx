import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatNumber } from '../../learning/shared/format';
import { WORKSHOPS, WORKSHOP_MODES, type WorkshopMode } from '../operations-workshops';
import { WorkshopCard } from './WorkshopCard';
import { EMPTY_WORKSHOP_FILTERS, hasWorkshopFilters, workshopFiltersFrom, workshopFiltersToParams, workshopVariables, type WorkshopFilters } from './filters';

export default function WorkshopsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => workshopFiltersFrom(params), [params]);
  const [searchText, setSearchText] = useState(filters.search);
  useEffect(() => setSearchText(filters.search), [filters.search]);

  const list = useConnectionList(WORKSHOPS, 'workshops', { variables: workshopVariables(filters) });
  const { connection, nodes: workshops, loading } = list;

  const apply = (next: Partial<WorkshopFilters>) => {
    list.clearLoadMoreError();
    setParams(workshopFiltersToParams({ ...filters, ...next }));
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({ search: searchText });
  };

  return (
    <Page title={t('workshopsUi:listTitle')}>
      <Text>{t('workshopsUi:listIntro')}</Text>
      <form role="search" onSubmit={onSearch} aria-label={t('workshopsUi:searchLabel')}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('workshopsUi:searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="workshops-search"
          />
          <Button type="submit">{t('workshopsUi:searchSubmit')}</Button>
        </Group>
      </form>
      <Stack component="fieldset" gap="sm" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
        <Text component="legend" fw={600} p={0} mb="xs">
          {t('workshopsUi:filtersLegend')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Radio.Group label={t('workshopsUi:filterWhen')} value={filters.past ? 'past' : 'upcoming'} onChange={(value) => apply({ past: value === 'past' })}>
            <Group mt={6} gap="md">
              <Radio value="upcoming" label={t('workshopsUi:upcoming')} data-testid="filter-upcoming" />
              <Radio value="past" label={t('workshopsUi:past')} data-testid="filter-past" />
            </Group>
          </Radio.Group>
          <NativeSelect
            label={t('workshopsUi:filterMode')}
            value={filters.mode ?? ''}
            onChange={(event) => apply({ mode: (event.currentTarget.value || null) as WorkshopMode | null })}
            data={[{ value: '', label: t('workshopsUi:anyMode') }, ...WORKSHOP_MODES.map((mode) => ({ value: mode, label: t(`workshopsUi:mode_${mode}`) }))]}
            data-testid="filter-mode"
          />
        </SimpleGrid>
        {hasWorkshopFilters(filters) && (
          <Group>
            <Button variant="default" onClick={() => apply({ ...EMPTY_WORKSHOP_FILTERS, past: filters.past })}>
              {t('workshopsUi:clearFilters')}
            </Button>
          </Group>
        )}
      </Stack>

      <div aria-live="polite" aria-atomic="true">
        {connection && (
          <Text fw={600} data-testid="workshops-count">
            {t('workshopsUi:workshopCount', { number: formatNumber(connection.totalCount, locale, 0) })}
          </Text>
        )}
      </div>
      <ConnectionList
        list={list}
        label={t('workshopsUi:loadMore')}
        testId="workshops-load-more"
        empty={
          connection && (
            <Text data-testid="workshops-empty">
              {hasWorkshopFilters(filters) ? t('workshopsUi:emptyFiltered') : filters.past ? t('workshopsUi:emptyPast') : t('workshopsUi:emptyUpcoming')}
            </Text>
          )
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" aria-busy={loading} data-testid="workshops-results">
          {workshops.map((workshop) => (
            <WorkshopCard key={workshop.id} workshop={workshop} />
          ))}
        </SimpleGrid>
      </ConnectionList>
    </Page>
  );
}
