import { Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/Page';
import { useSession } from '../../app/session';

export default function HomePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const pillars = [
    { title: t('home:learnTitle'), body: t('home:learnBody') },
    { title: t('home:evidenceTitle'), body: t('home:evidenceBody') },
    { title: t('home:collaborateTitle'), body: t('home:collaborateBody') },
  ];
  return (
    <Page title={t('home:title')} heading={t('home:heading')}>
      <Text size="lg" maw={760}>
        {t('home:intro')}
      </Text>
      {me ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="welcome-heading">
          <Title order={2} size="h3" id="welcome-heading">
            {t('home:welcome', { name: me.name })}
          </Title>
          <Text mt="xs">{t('home:welcomeBody')}</Text>
          <Button component={Link} to="/profile" mt="md" w="fit-content">
            {t('home:goProfile')}
          </Button>
        </Card>
      ) : (
        <Group>
          <Button component={Link} to="/sign-up" size="md">
            {t('home:ctaSignUp')}
          </Button>
          <Button component={Link} to="/sign-in" size="md" variant="outline">
            {t('home:ctaSignIn')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {pillars.map((pillar) => (
          <Card component="li" key={pillar.title} withBorder padding="lg">
            <Title order={2} size="h4">
              {pillar.title}
            </Title>
            <Text mt="xs">{pillar.body}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </Page>
  );
}
