import { Alert, Anchor, Progress, Table, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { TEAM_ENROLMENTS, type EnrolmentRow } from '../operations-learner';
import { EnrolmentStatusBadge, formatDate } from '../learner/components';

/** The colleagues a focal point nominated, with their status and progress. */
export function TeamTable({ rows, showCourse }: { rows: EnrolmentRow[]; showCourse: boolean }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
  if (rows.length === 0) return <Text c="dimmed" data-testid="team-empty">{t('learnerUi:teamEmpty')}</Text>;
  return (
    <ScrollTable label={t('learnerUi:teamProgressTitle')} minWidth={showCourse ? 720 : 560}>
      <Table striped verticalSpacing="sm" data-testid="team-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('learnerUi:colPerson')}</Table.Th>
            {showCourse && <Table.Th scope="col">{t('learnerUi:colCourse')}</Table.Th>}
            <Table.Th scope="col">{t('learnerUi:colStatus')}</Table.Th>
            <Table.Th scope="col">{t('learnerUi:colProgress')}</Table.Th>
            <Table.Th scope="col">{t('learnerUi:colLastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="team-row" data-status={row.status}>
              <Table.Th scope="row" fw={500}>
                <Text inherit className="break-anywhere">{row.person.name}</Text>
                {row.person.email !== row.person.name && (
                  <Text size="sm" c="dimmed" className="break-anywhere">
                    {row.person.email}
                  </Text>
                )}
              </Table.Th>
              {showCourse && (
                <Table.Td>
                  <Anchor component={Link} to={`/courses/${encodeURIComponent(row.course.slug)}`}>
                    {row.course.title}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <EnrolmentStatusBadge status={row.status} />
              </Table.Td>
              <Table.Td miw={140}>
                <Progress value={row.progressPercent} aria-label={t('learnerUi:progressOf', { name: row.person.name })} color="blue.8" size="md" />
                <Text size="sm">{percent.format(row.progressPercent / 100)}</Text>
              </Table.Td>
              <Table.Td>{formatDate(row.lastActivityAt, i18n.language) || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export default function TeamPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(TEAM_ENROLMENTS, { variables: { courseId: null }, fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t('learnerUi:teamTitle')}>
      <Text maw={760}>{t('learnerUi:teamIntro')}</Text>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <TeamTable rows={data?.teamEnrolments ?? []} showCourse />
      )}
    </Page>
  );
}
