import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { DIRECTORY_FOCUS_AREAS } from '../../alliance/directory/operations';
import { focusAreaName } from '../../alliance/directory/filters';
import { COURSES, COURSE_FORMATS, COURSE_LEVELS, type CourseFormat, type CourseLevel } from '../operations-catalogue';
import { languageName } from '../shared/localized';
import { formatNumber } from '../shared/format';
import { CourseCard } from './CourseCard';
import { EMPTY_CATALOGUE_FILTERS, catalogueFiltersFrom, catalogueFiltersToParams, catalogueVariables, hasCatalogueFilters, type CatalogueFilters } from './filters';

export default function CataloguePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => catalogueFiltersFrom(params), [params]);
  const [searchText, setSearchText] = useState(filters.search);
  useEffect(() => setSearchText(filters.search), [filters.search]);

  const list = useConnectionList(COURSES, 'courses', { variables: catalogueVariables(filters) });
  const focusAreas = useQuery(DIRECTORY_FOCUS_AREAS, { variables: { includeInactive: false } });

  const apply = (next: Partial<CatalogueFilters>) => {
    list.clearLoadMoreError();
    setParams(catalogueFiltersToParams({ ...filters, ...next }));
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({ search: searchText });
  };

  const { connection, nodes: courses, loading } = list;

  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const areaOptions = (focusAreas.data?.focusAreas ?? [])
    .map((area) => ({ value: area.id, label: focusAreaName(area, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));

  return (
    <Page title={t('learningUi:catalogueTitle')}>
      <Text>{t('learningUi:catalogueIntro')}</Text>
      <Group gap="md">
        <Anchor component={Link} to="/programmes">
          {t('learningUi:seeProgrammes')}
        </Anchor>
      </Group>
      <form role="search" onSubmit={onSearch} aria-label={t('learningUi:searchLabel')}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('learningUi:searchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="catalogue-search"
          />
          <Button type="submit">{t('learningUi:searchSubmit')}</Button>
        </Group>
      </form>
      <Stack component="fieldset" gap="sm" m={0} p={0} style={{ border: 0, minWidth: 0 }}>
        <Text component="legend" fw={600} p={0} mb="xs">
          {t('learningUi:filtersLegend')}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <NativeSelect
            label={t('learningUi:filterLanguage')}
            value={filters.language ?? ''}
            onChange={(event) => apply({ language: event.currentTarget.value || null })}
            data={[{ value: '', label: t('learningUi:anyLanguage') }, ...LOCALES.map((code) => ({ value: code, label: languageName(code, locale) }))]}
            data-testid="filter-language"
          />
          <NativeSelect
            label={t('learningUi:filterFocusArea')}
            value={filters.focusAreaId ?? ''}
            onChange={(event) => apply({ focusAreaId: event.currentTarget.value || null })}
            data={[{ value: '', label: t('learningUi:anyFocusArea') }, ...areaOptions]}
            data-testid="filter-focus-area"
          />
          <NativeSelect
            label={t('learningUi:filterLevel')}
            value={filters.level ?? ''}
            onChange={(event) => apply({ level: (event.currentTarget.value || null) as CourseLevel | null })}
            data={[{ value: '', label: t('learningUi:anyLevel') }, ...COURSE_LEVELS.map((level) => ({ value: level, label: t(`learningUi:level_${level}`) }))]}
            data-testid="filter-level"
          />
          <NativeSelect
            label={t('learningUi:filterFormat')}
            value={filters.format ?? ''}
            onChange={(event) => apply({ format: (event.currentTarget.value || null) as CourseFormat | null })}
            data={[{ value: '', label: t('learningUi:anyFormat') }, ...COURSE_FORMATS.map((format) => ({ value: format, label: t(`learningUi:format_${format}`) }))]}
            data-testid="filter-format"
          />
        </SimpleGrid>
        <Checkbox
          label={t('learningUi:filterOpen')}
          checked={filters.openForEnrolment}
          onChange={(event) => apply({ openForEnrolment: event.currentTarget.checked })}
          data-testid="filter-open"
        />
        {hasCatalogueFilters(filters) && (
          <Group>
            <Button variant="default" onClick={() => apply(EMPTY_CATALOGUE_FILTERS)}>
              {t('learningUi:clearFilters')}
            </Button>
          </Group>
        )}
      </Stack>

      <div aria-live="polite" aria-atomic="true">
        {connection && (
          <Text fw={600} data-testid="catalogue-count">
            {t('learningUi:courseCount', { number: formatNumber(connection.totalCount, locale, 0) })}
            {connection.totalCount > courses.length && (
              <> {t('learningUi:showing', { shown: formatNumber(courses.length, locale, 0), total: formatNumber(connection.totalCount, locale, 0) })}</>
            )}
          </Text>
        )}
      </div>
      <ConnectionList
        list={list}
        label={t('learningUi:loadMore')}
        testId="catalogue-load-more"
        empty={
          connection && <Text data-testid="catalogue-empty">{hasCatalogueFilters(filters) ? t('learningUi:catalogueEmptyFiltered') : t('learningUi:catalogueEmpty')}</Text>
        }
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md" aria-busy={loading} data-testid="catalogue-results">
          {courses.map((course) => (
            <CourseCard key={course.id} course={course} />
          ))}
        </SimpleGrid>
      </ConnectionList>
    </Page>
  );
}
