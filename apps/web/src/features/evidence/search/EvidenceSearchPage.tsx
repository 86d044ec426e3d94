import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Grid, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/session';
import { DIRECTORY_FOCUS_AREAS } from '../../alliance/directory/operations';
import { focusAreaName } from '../../alliance/directory/filters';
import { CAN_SUBMIT_EVIDENCE, EVIDENCE_SEARCH, type EvidenceSearchData, type EvidenceSort } from '../operations-public';
import { formatNumber } from '../shared/format';
import { ActiveFilters } from './ActiveFilters';
import { FacetPanel } from './FacetPanel';
import { HitCard, hitLinkId } from './HitCard';
import { TypesChart } from './TypesChart';
import { useFacetLabeller } from './facetLabels';
import {
  EVIDENCE_PAGE_SIZE,
  MAX_PAGES,
  clearFilters,
  effectiveSort,
  hasFilters,
  searchStateFrom,
  searchStateToParams,
  searchVariables,
  toggleValue,
  type EvidenceSearchState,
  type FacetKey,
} from './filters';

/** Appends a later page of hits; counts, facets and the cursor come from the newest page. */
export function appendHits(previous: EvidenceSearchData, next: EvidenceSearchData): EvidenceSearchData {
  // An item that moved between pages (newly published meanwhile) is listed once.
  const seen = new Set(previous.evidenceSearch.hits.map((hit) => hit.item.id));
  const added = next.evidenceSearch.hits.filter((hit) => !seen.has(hit.item.id));
  return { evidenceSearch: { ...next.evidenceSearch, hits: [...previous.evidenceSearch.hits, ...added] } };
}

export default function EvidenceSearchPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchStateFrom(params), [params]);
  const [searchText, setSearchText] = useState(state.query);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const focusAfterChange = useRef<HTMLElement | null>(null);
  useEffect(() => setSearchText(state.query), [state.query]);

  // Page moves focus to the h1 on every navigation, and each change of the search is one (it lives in
  // the URL). This effect runs after Page's (a parent's effects follow its children's) and puts focus
  // back where the person was working: the checkbox just ticked, or the results when the control went away.
  useEffect(() => {
    const target = focusAfterChange.current;
    focusAfterChange.current = null;
    if (!target) return;
    (target.isConnected ? target : resultsHeading.current)?.focus();
  }, [location.key]);

  const variables = useMemo(() => searchVariables(state), [state]);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(EVIDENCE_SEARCH, { variables });
  const canSubmit = useQuery(CAN_SUBMIT_EVIDENCE, { skip: !me });
  const result = (data ?? previousData)?.evidenceSearch;
  const wanted = state.page * EVIDENCE_PAGE_SIZE;
  const hits = (result?.hits ?? []).slice(0, wanted);

  // Focus-area ids in a shared link that the counts no longer mention still need a name.
  const needsAreaNames = state.focusAreas.some((id) => !result?.facets.focusAreas.some((facet) => facet.value === id));
  const areas = useQuery(DIRECTORY_FOCUS_AREAS, { variables: { includeInactive: true }, skip: !needsAreaNames });
  const areaNames = useMemo(() => new Map((areas.data?.focusAreas ?? []).map((area) => [area.id, focusAreaName(area, locale)])), [areas.data, locale]);
  const label = useFacetLabeller(result?.facets, t, locale, areaNames);

  const go = (next: EvidenceSearchState, replace = false, focusTarget?: HTMLElement | null) => {
    focusAfterChange.current = focusTarget ?? (document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null);
    setLoadMoreError(null);
    setParams(searchStateToParams(next), { replace });
  };

  // The URL says how many pages to show (?page=3 after two "load more"): fetch until the cache holds them.
  // Each page is asked for once: the cache update can land a render after the request settles.
  const current = data?.evidenceSearch;
  const endCursor = current?.pageInfo.endCursor ?? null;
  const missing = Boolean(current && current.hits.length < wanted && current.pageInfo.hasNextPage && endCursor);
  const pageKey = `${JSON.stringify(variables)}|${endCursor}`;
  const requested = useRef<string | null>(null);
  useEffect(() => {
    if (!missing || loadMoreError || !endCursor || requested.current === pageKey) return;
    requested.current = pageKey;
    setLoadingMore(true);
    fetchMore({ variables: { after: endCursor }, updateQuery: (previous, { fetchMoreResult }) => appendHits(previous, fetchMoreResult) })
      .catch((e: unknown) => {
        requested.current = null;
        setLoadMoreError(describeError(e, t).message);
      })
      .finally(() => setLoadingMore(false));
  }, [missing, endCursor, pageKey, loadMoreError, fetchMore, t]);

  // Titles, snippets and facet labels come in the reader's language (Accept-Language): ask again when it changes.
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale) return;
    shownLocale.current = locale;
    requested.current = null;
    void refetch().catch(() => undefined);
  }, [locale, refetch]);

  // After "load more", keyboard and screen-reader users continue at the first new result.
  useEffect(() => {
    if (focusIndex === null || hits.length <= focusIndex) return;
    document.getElementById(hitLinkId(hits[focusIndex].item.id))?.focus();
    setFocusIndex(null);
  }, [focusIndex, hits]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go({ ...state, query: searchText, page: 1 });
  };
  const onToggle = (key: FacetKey, value: string) => go(toggleValue(state, key, value));
  // The chip (or "clear all") that had focus goes away: continue from the results.
  const onRemove = (key: FacetKey, value: string) => go(toggleValue(state, key, value), false, resultsHeading.current);
  const onClear = () => go(clearFilters(state), false, resultsHeading.current);
  const onSort = (value: string) => {
    const sort = value as EvidenceSort;
    go({ ...state, sort: sort === effectiveSort({ ...state, sort: null }) ? null : sort, page: 1 });
  };
  const onLoadMore = () => {
    setFocusIndex(hits.length);
    // After a failed page, the same button tries that page again instead of asking for one more.
    if (loadMoreError) setLoadMoreError(null);
    else go({ ...state, page: Math.min(state.page + 1, MAX_PAGES) }, true);
  };

  const query = state.query.trim();
  const sortOptions = [
    ...(query ? [{ value: 'RELEVANCE', label: t('evidenceUi:sort_RELEVANCE') }] : []),
    { value: 'NEWEST', label: t('evidenceUi:sort_NEWEST') },
    { value: 'YEAR', label: t('evidenceUi:sort_YEAR') },
  ];
  const n = (value: number) => formatNumber(value, locale, 0);
  const canLoadMore = Boolean(result && (hits.length < result.hits.length || result.pageInfo.hasNextPage) && state.page < MAX_PAGES);

  return (
    <Page title={t('evidenceUi:searchTitle')}>
      <Text>{t('evidenceUi:searchIntro')}</Text>
      {me && canSubmit.data?.canSubmitEvidence && (
        <Group>
          <Button component={Link} to="/evidence/new" variant="default" data-testid="share-evidence">
            {t('evidenceUi:shareEvidence')}
          </Button>
        </Group>
      )}
      <form role="search" onSubmit={onSearch} aria-label={t('evidenceUi:searchLabel')}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('evidenceUi:searchLabel')}
            description={t('evidenceUi:searchHint')}
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="evidence-search"
          />
          <Button type="submit">{t('evidenceUi:searchSubmit')}</Button>
        </Group>
      </form>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <FacetPanel facets={result?.facets} state={state} label={label} onToggle={onToggle} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="md" component="section" aria-labelledby="evidence-results-heading">
            <Title order={2} size="h3" id="evidence-results-heading" ref={resultsHeading} tabIndex={-1}>
              {t('evidenceUi:resultsHeading')}
            </Title>
            <ActiveFilters state={state} label={label} onRemove={onRemove} onClear={onClear} />
            <Group justify="space-between" align="flex-end" gap="sm">
              <div aria-live="polite" aria-atomic="true">
                {result && (
                  <Text fw={600} data-testid="evidence-count">
                    {query ? t('evidenceUi:resultCountFor', { number: n(result.totalCount), query }) : t('evidenceUi:resultCount', { number: n(result.totalCount) })}
                    {result.totalCount > hits.length && hits.length > 0 && <> {t('evidenceUi:showing', { shown: n(hits.length), total: n(result.totalCount) })}</>}
                  </Text>
                )}
              </div>
              <NativeSelect
                label={t('evidenceUi:sortLabel')}
                value={effectiveSort(state)}
                onChange={(event) => onSort(event.currentTarget.value)}
                data={sortOptions}
                data-testid="evidence-sort"
              />
            </Group>
            {result?.fuzzy && result.totalCount > 0 && (
              <Alert color="blue" data-testid="evidence-fuzzy">
                {t('evidenceUi:fuzzyNotice', { query })}
              </Alert>
            )}
            {error && (
              <Alert color="red" role="alert">
                {describeError(error, t).message}
              </Alert>
            )}
            {loading && !result ? (
              <Loading label={t('nav:loading')} />
            ) : result && hits.length === 0 ? (
              <Stack gap="xs" data-testid="evidence-empty">
                <Text>{query || hasFilters(state) ? t('evidenceUi:emptySearch') : t('evidenceUi:emptyBank')}</Text>
                {hasFilters(state) && (
                  <Button variant="default" w="fit-content" onClick={onClear}>
                    {t('evidenceUi:clearAll')}
                  </Button>
                )}
              </Stack>
            ) : (
              <Stack component="ol" gap="md" m={0} p={0} style={{ listStyle: 'none' }} aria-busy={loading || loadingMore} data-testid="evidence-results">
                {hits.map((hit) => (
                  <li key={hit.item.id}>
                    <HitCard hit={hit} />
                  </li>
                ))}
              </Stack>
            )}
            {loadMoreError && (
              <Alert color="red" role="alert">
                {loadMoreError}
              </Alert>
            )}
            {canLoadMore && (
              <Group justify="center">
                <Button variant="default" onClick={onLoadMore} loading={loadingMore} data-testid="evidence-load-more">
                  {t('evidenceUi:loadMore')}
                </Button>
              </Group>
            )}
            {result && result.facets.types.some((row) => row.count > 0) && <TypesChart types={result.facets.types} />}
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
