import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { PROGRAMMES } from '../operations-catalogue';
import { formatNumber } from '../shared/format';

export default function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, fetchMore } = useQuery(PROGRAMMES, { variables: { first: 20 } });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.programmes;
  const programmes = connection?.edges.map((edge) => edge.node) ?? [];
  const more = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          programmes: { ...fetchMoreResult.programmes, edges: [...previous.programmes.edges, ...fetchMoreResult.programmes.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <Page title={t('learningUi:programmesTitle')}>
      <Text>{t('learningUi:programmesIntro')}</Text>
      <Anchor component={Link} to="/courses">
        {t('learningUi:backToCatalogue')}
      </Anchor>
      {error && (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      )}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : programmes.length === 0 ? (
        <Text data-testid="programmes-empty">{t('learningUi:programmesEmpty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {programmes.map((programme) => (
            <Card withBorder radius="md" padding="md" component="article" key={programme.id} aria-labelledby={`programme-${programme.id}`} data-testid="programme-card">
              <Title order={2} size="h4" id={`programme-${programme.id}`}>
                <Anchor component={Link} to={`/programmes/${encodeURIComponent(programme.slug)}`} inherit>
                  {programme.title}
                </Anchor>
              </Title>
              <Text size="sm" mt="xs" lineClamp={3}>
                {programme.summary}
              </Text>
              <Text size="sm" mt="xs" fw={500}>
                {t('learningUi:programmeFacts', {
                  courses: formatNumber(programme.courses.length, i18n.language, 0),
                  hours: formatNumber(programme.totalHours, i18n.language),
                })}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void more()} loading={loadingMore}>
            {t('learningUi:loadMore')}
          </Button>
        </Group>
      )}
    </Page>
  );
}
