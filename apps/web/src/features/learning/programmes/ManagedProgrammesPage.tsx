import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { MANAGED_PROGRAMMES } from '../operations-authoring';
import { formatNumber } from '../shared/format';
import { CourseStatusBadge } from '../shared/StatusBadge';

export default function ManagedProgrammesPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(MANAGED_PROGRAMMES, { variables: { first: 100 } });
  const rows = data?.managedProgrammes.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('learningUi:manageProgrammesTitle')}>
      <Group gap="sm">
        <Button component={Link} to="/manage/programmes/new" data-testid="new-programme">
          {t('learningUi:newProgramme')}
        </Button>
        <Anchor component={Link} to="/manage/courses">
          {t('learningUi:backToManage')}
        </Anchor>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      )}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : rows.length === 0 ? (
        <Text>{t('learningUi:programmesEmpty')}</Text>
      ) : (
        <ScrollTable label={t('learningUi:manageProgrammesTitle')} minWidth={520}>
          <Table data-testid="managed-programmes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('learningUi:colTitle')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colStatus')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colCourses')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:hours')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/manage/programmes/${encodeURIComponent(row.slug)}`}>
                      {row.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <CourseStatusBadge status={row.status} />
                  </Table.Td>
                  <Table.Td>{formatNumber(row.courses.length, i18n.language, 0)}</Table.Td>
                  <Table.Td>{formatNumber(row.totalHours, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Page>
  );
}
