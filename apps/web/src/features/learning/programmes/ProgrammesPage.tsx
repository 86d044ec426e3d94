import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { PROGRAMMES } from '../operations-catalogue';
import { formatNumber } from '../shared/format';

export default function ProgrammesPage() {
  const { t, i18n } = useTranslation();
  const list = useConnectionList(PROGRAMMES, 'programmes', { variables: { first: 20 } });
  const programmes = list.nodes;
  return (
    <Page title={t('learningUi:programmesTitle')}>
      <Text>{t('learningUi:programmesIntro')}</Text>
      <Anchor component={Link} to="/courses">
        {t('learningUi:backToCatalogue')}
      </Anchor>
      <ConnectionList list={list} label={t('learningUi:loadMore')} empty={<Text data-testid="programmes-empty">{t('learningUi:programmesEmpty')}</Text>}>
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
      </ConnectionList>
    </Page>
  );
}
