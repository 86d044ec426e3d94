import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { DIRECTORY, DIRECTORY_COUNTRIES, DIRECTORY_FOCUS_AREAS, ORGANISATION_TYPES, SUB_REGIONS, type SubRegion } from './operations';
import { directoryVariables, filtersFromSearchParams, filtersToSearchParams, focusAreaName, hasActiveFilters, EMPTY_FILTERS, type DirectoryFilters } from './filters';
import { OrganisationCard } from './components';

export default function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);
  const [searchText, setSearchText] = useState(filters.search);

  // The back button (or a shared link) changes the URL: the search box follows it. A search the
  // person just submitted is skipped, since the router commits it later and would otherwise
  // overwrite whatever they typed meanwhile.
  const submittedSearch = useRef(filters.search);
  useEffect(() => {
    if (filters.search !== submittedSearch.current) setSearchText(filters.search);
    submittedSearch.current = filters.search;
  }, [filters.search]);

  const variables = directoryVariables(filters);
  const list = useConnectionList(DIRECTORY, 'directory', { variables });
  const countries = useQuery(DIRECTORY_COUNTRIES, { variables: { includeObservers: true } });
  const focusAreas = useQuery(DIRECTORY_FOCUS_AREAS, { variables: { includeInactive: false } });

  const apply = (next: Partial<DirectoryFilters>) => {
    list.clearLoadMoreError();
    setParams(filtersToSearchParams({ ...filters, ...next }));
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    submittedSearch.current = searchText.trim();
    apply({ search: searchText });
  };

  // While a new filter loads, the previous results stay on screen instead of flashing a spinner.
  const { connection, nodes: organisations, loading } = list;
  const number = new Intl.NumberFormat(locale);

  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const countryGroups = SUB_REGIONS.map((region) => ({
    group: t(`allianceDirectory:subRegion_${region}`),
    items: (countries.data?.countries ?? [])
      .filter((country) => country.subRegion === region)
      .map((country) => ({ value: country.code, label: countryName(country.code, locale) }))
      .sort((a, b) => collator.compare(a.label, b.label)),
  })).filter((group) => group.items.length > 0);
  const areaOptions = (focusAreas.data?.focusAreas ?? [])
    .map((area) => ({ value: area.id, label: focusAreaName(area, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));

  return (
    <Page title={t('allianceDirectory:directoryTitle')}>
      <Text>{t('allianceDirectory:directoryIntro')}</Text>
      <form role="search" onSubmit={onSearch} aria-label={t('allianceDirectory:searchLabel')}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('allianceDirectory:searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="directory-search"
          />
          <Button type="submit">{t('allianceDirectory:searchSubmit')}</Button>
        </Group>
      </form>
      <Stack component="fieldset" gap="sm" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
        <Text component="legend" fw={600} p={0} mb="xs">
          {t('allianceDirectory:filtersLegend')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <NativeSelect
            label={t('allianceDirectory:filterCountry')}
            value={filters.countryCode ?? ''}
            onChange={(event) => apply({ countryCode: event.currentTarget.value || null })}
            data={[{ value: '', label: t('allianceDirectory:anyCountry') }, ...countryGroups]}
            data-testid="filter-country"
          />
          <NativeSelect
            label={t('allianceDirectory:filterSubRegion')}
            value={filters.subRegion ?? ''}
            onChange={(event) => apply({ subRegion: (event.currentTarget.value || null) as SubRegion | null })}
            data={[{ value: '', label: t('allianceDirectory:anySubRegion') }, ...SUB_REGIONS.map((region) => ({ value: region, label: t(`allianceDirectory:subRegion_${region}`) }))]}
            data-testid="filter-sub-region"
          />
          <NativeSelect
            label={t('allianceDirectory:filterType')}
            value={filters.type ?? ''}
            onChange={(event) => apply({ type: (event.currentTarget.value || null) as DirectoryFilters['type'] })}
            data={[{ value: '', label: t('allianceDirectory:anyType') }, ...ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`allianceDirectory:type_${type}`) }))]}
            data-testid="filter-type"
          />
          <NativeSelect
            label={t('allianceDirectory:filterFocusArea')}
            value={filters.focusAreaId ?? ''}
            onChange={(event) => apply({ focusAreaId: event.currentTarget.value || null })}
            data={[{ value: '', label: t('allianceDirectory:anyFocusArea') }, ...areaOptions]}
            data-testid="filter-focus-area"
          />
        </SimpleGrid>
        {hasActiveFilters(filters) && (
          <Group>
            <Button variant="default" onClick={() => apply(EMPTY_FILTERS)}>
              {t('allianceDirectory:clearFilters')}
            </Button>
          </Group>
        )}
      </Stack>

      <div aria-live="polite" aria-atomic="true">
        {connection && (
          <Text fw={600} data-testid="directory-count">
            {t('allianceDirectory:resultCount', { number: number.format(connection.totalCount) })}
            {connection.totalCount > organisations.length && (
              <> {t('allianceDirectory:showing', { shown: number.format(organisations.length), total: number.format(connection.totalCount) })}</>
            )}
          </Text>
        )}
      </div>
      <ConnectionList
        list={list}
        label={t('allianceDirectory:loadMore')}
        testId="directory-load-more"
        empty={connection && <Text data-testid="directory-empty">{hasActiveFilters(filters) ? t('allianceDirectory:empty') : t('allianceDirectory:emptyDirectory')}</Text>}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" aria-busy={loading} data-testid="directory-results">
          {organisations.map((organisation) => (
            <OrganisationCard key={organisation.id} organisation={organisation} />
          ))}
        </SimpleGrid>
      </ConnectionList>
    </Page>
  );
}
