import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { MANAGED_COURSES, type ManagedCoursesVariables } from '../operations-authoring';
import { COURSE_STATUSES, type CourseStatus } from '../operations-catalogue';
import { formatDateTime, formatNumber } from '../shared/format';

export const STATUS_COLORS: Record<CourseStatus, string> = { DRAFT: 'gray.8', PUBLISHED: 'teal.9', ARCHIVED: 'red.9' };

export default function ManagedCoursesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = (COURSE_STATUSES as string[]).includes(statusParam ?? '') ? (statusParam as CourseStatus) : null;
  const [searchText, setSearchText] = useState(search);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setSearchText(search), [search]);

  const variables: ManagedCoursesVariables = { first: 25 };
  if (search.trim()) variables.search = search.trim();
  if (status) variables.status = status;
  const { data, previousData, loading, error, fetchMore } = useQuery(MANAGED_COURSES, { variables });
  const connection = (data ?? previousData)?.managedCourses;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  const apply = (next: { q?: string; status?: string }) => {
    const merged = { q: search, status: status ?? '', ...next };
    const out = new URLSearchParams();
    if (merged.q.trim()) out.set('q', merged.q.trim());
    if (merged.status) out.set('status', merged.status);
    setParams(out);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    apply({ q: searchText });
  };
  const onLoadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          managedCourses: { ...fetchMoreResult.managedCourses, edges: [...previous.managedCourses.edges, ...fetchMoreResult.managedCourses.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('learningUi:manageTitle')}>
      <Group gap="sm">
        <Button component={Link} to="/manage/courses/new" data-testid="new-course">
          {t('learningUi:newCourse')}
        </Button>
        <Button component={Link} to="/manage/programmes" variant="default">
          {t('learningUi:manageProgrammesTitle')}
        </Button>
      </Group>
      <form role="search" onSubmit={onSearch} aria-label={t('learningUi:manageSearchLabel')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={t('learningUi:manageSearchLabel')}
            value={searchText}
            onChange={(event) => setSearchText(event.currentTarget.value)}
            maxLength={200}
            style={{ flex: 1, minWidth: 200 }}
          />
          <NativeSelect
            label={t('learningUi:filterStatus')}
            value={status ?? ''}
            onChange={(event) => apply({ status: event.currentTarget.value })}
            data={[{ value: '', label: t('learningUi:anyStatus') }, ...COURSE_STATUSES.map((value) => ({ value, label: t(`learningUi:status_${value}`) }))]}
            data-testid="filter-status"
          />
          <Button type="submit">{t('learningUi:searchSubmit')}</Button>
        </Group>
      </form>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      )}
      {loading && !connection ? (
        <Loading label={t('nav:loading')} />
      ) : rows.length === 0 ? (
        <Text data-testid="managed-empty">{t('learningUi:manageEmpty')}</Text>
      ) : (
        <ScrollTable label={t('learningUi:manageTitle')} minWidth={640}>
          <Table data-testid="managed-courses" aria-busy={loading}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('learningUi:colTitle')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colStatus')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:format')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:lessons')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colUpdated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/manage/courses/${row.id}`}>
                      {row.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[row.status]} variant="outline" tt="none">
                      {t(`learningUi:status_${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t(`learningUi:format_${row.format}`)}</Table.Td>
                  <Table.Td>{formatNumber(row.lessonCount, i18n.language, 0)}</Table.Td>
                  <Table.Td>{formatDateTime(row.updatedAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void onLoadMore()} loading={loadingMore}>
            {t('learningUi:loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
