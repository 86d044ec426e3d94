import { useEffect, useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ListTable } from '../../../app/ScrollTable';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { MANAGED_COURSES, type ManagedCoursesVariables } from '../operations-authoring';
import { COURSE_STATUSES, type CourseStatus } from '../operations-catalogue';
import { formatDateTime, formatNumber } from '../shared/format';
import { CourseStatusBadge } from '../shared/StatusBadge';

export default function ManagedCoursesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = (COURSE_STATUSES as string[]).includes(statusParam ?? '') ? (statusParam as CourseStatus) : null;
  const [searchText, setSearchText] = useState(search);
  useEffect(() => setSearchText(search), [search]);

  const variables: ManagedCoursesVariables = { first: 25 };
  if (search.trim()) variables.search = search.trim();
  if (status) variables.status = status;
  const list = useConnectionList(MANAGED_COURSES, 'managedCourses', { variables });
  const { nodes: rows, loading } = list;

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
  const columns = [t('learningUi:colTitle'), t('learningUi:colStatus'), t('learningUi:format'), t('learningUi:lessons'), t('learningUi:colUpdated')];

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
      <ConnectionList list={list} label={t('learningUi:loadMore')} empty={<Text data-testid="managed-empty">{t('learningUi:manageEmpty')}</Text>}>
        <ListTable label={t('learningUi:manageTitle')} minWidth={640} columns={columns} data-testid="managed-courses" aria-busy={loading}>
          {rows.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Anchor component={Link} to={`/manage/courses/${row.id}`}>
                  {row.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CourseStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>{t(`learningUi:format_${row.format}`)}</Table.Td>
              <Table.Td>{formatNumber(row.lessonCount, i18n.language, 0)}</Table.Td>
              <Table.Td>{formatDateTime(row.updatedAt, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      </ConnectionList>
    </Page>
  );
}
