import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatDate } from '../../learning/shared/format';
import { MY_EVIDENCE } from '../operations-submit';
import { EvidenceStatusBadge } from './components';

const PAGE_SIZE = 20;

/** /my/evidence: what the caller has shared, where each item stands, and the reviewers' last word. */
export default function MyEvidencePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const list = useConnectionList(MY_EVIDENCE, 'myEvidence', { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const { data, nodes: rows } = list;

  return (
    <Page title={t('evidenceSubmit:myTitle')}>
      <Text>{t('evidenceSubmit:myIntro')}</Text>
      <div role="status">
        {notice && (
          <Text c="dark.7" fw={500} data-testid="my-evidence-notice">
            {notice}
          </Text>
        )}
      </div>
      {data?.canSubmitEvidence && (
        <Group>
          <Button component={Link} to="/evidence/new" data-testid="share-evidence">
            {t('evidenceSubmit:shareEvidence')}
          </Button>
        </Group>
      )}
      <ConnectionList
        list={list}
        label={t('evidenceSubmit:loadMore')}
        empty={
          <Paper withBorder p="md" data-testid="my-evidence-empty">
            <Text>{data?.canSubmitEvidence ? t('evidenceSubmit:myEmpty') : t('evidenceSubmit:myEmptyNotMember')}</Text>
          </Paper>
        }
      >
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="my-evidence-list">
          {rows.map((row) => (
            <Paper key={row.id} component="li" withBorder p="md" data-testid="my-evidence-item" data-status={row.status}>
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                  <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
                    <Anchor component={Link} to={`/evidence/${row.id}/edit`}>
                      {row.title}
                    </Anchor>
                  </Title>
                  <EvidenceStatusBadge status={row.status} />
                </Group>
                <Text size="sm" c="dark.6">
                  {t(`evidence:type_${row.type}`)}
                  {row.organisationName ? ` · ${row.organisationName}` : ''}
                  {' · '}
                  {row.publishedAt
                    ? t('evidenceSubmit:publishedOn', { date: formatDate(row.publishedAt, locale) })
                    : row.submittedAt
                      ? t('evidenceSubmit:submittedOn', { date: formatDate(row.submittedAt, locale) })
                      : t('evidenceSubmit:updatedOn', { date: formatDate(row.updatedAt, locale) })}
                </Text>
                {row.lastReviewNote && (row.status === 'CHANGES_REQUESTED' || row.status === 'REJECTED') && (
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="my-evidence-note">
                    <Text component="span" fw={700}>
                      {t('evidenceSubmit:lastReviewNote')}
                    </Text>{' '}
                    {row.lastReviewNote}
                  </Text>
                )}
                <Group gap="md" wrap="wrap">
                  <Anchor component={Link} to={`/evidence/${row.id}/edit`} size="sm" data-testid="my-evidence-open">
                    {row.canEdit && row.status !== 'SUBMITTED' && row.status !== 'REJECTED'
                      ? t('evidenceSubmit:editNamed', { title: row.title })
                      : t('evidenceSubmit:viewStatusNamed', { title: row.title })}
                  </Anchor>
                  {row.status === 'PUBLISHED' && (
                    <Anchor component={Link} to={`/evidence/${row.id}`} size="sm">
                      {t('evidenceSubmit:publicPageNamed', { title: row.title })}
                    </Anchor>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </ConnectionList>
    </Page>
  );
}
