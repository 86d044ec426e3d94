import { Alert, Anchor, Badge, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName, isCountryCode } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { COUNTRY_FOCAL_POINTS, DIRECTORY, DIRECTORY_COUNTRIES } from './operations';
import { FocalPointsTable, OrganisationCard } from './components';

const MEMBERS_PAGE = 50;

export default function CountryPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const code = (useParams().code ?? '').toUpperCase();
  const valid = isCountryCode(code);
  const countries = useQuery(DIRECTORY_COUNTRIES, { variables: { includeObservers: true } });
  const focalPoints = useQuery(COUNTRY_FOCAL_POINTS, { variables: { countryCode: code }, skip: !valid, fetchPolicy: 'cache-and-network' });
  const members = useQuery(DIRECTORY, { variables: { countryCode: code, first: MEMBERS_PAGE }, skip: !valid, fetchPolicy: 'cache-and-network' });
  const [loadingMore, setLoadingMore] = useState(false);

  const country = countries.data?.countries.find((c) => c.code === code);
  if (!valid || (countries.data && !country)) {
    return (
      <Page title={t('errors:notFound')}>
        <Text data-testid="country-not-found">{t('allianceDirectory:countryNotFound', { code })}</Text>
        <Anchor component={Link} to="/alliance/directory">
          {t('allianceDirectory:backToDirectory')}
        </Anchor>
      </Page>
    );
  }
  const name = countryName(code, locale);
  const connection = members.data?.directory;
  const organisations = connection?.edges.map((edge) => edge.node) ?? [];
  const error = countries.error ?? focalPoints.error ?? members.error;

  const onLoadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await members.fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          directory: { ...fetchMoreResult.directory, edges: [...previous.directory.edges, ...fetchMoreResult.directory.edges] },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={name}>
      <Group gap="xs">
        {country && (
          <Badge variant="outline" color="gray.8" tt="none" size="lg">
            {country.observer ? t('allianceDirectory:observerCountry') : t(`allianceDirectory:subRegion_${country.subRegion}`)}
          </Badge>
        )}
      </Group>
      <Text>{t('allianceDirectory:countryIntro', { country: name })}</Text>
      {error && <Alert color="red">{describeError(error, t).message}</Alert>}
      <Stack gap="xs" component="section">
        <Title order={2} id="country-focal-points-title">
          {t('allianceDirectory:focalPointsTitle')}
        </Title>
        {!focalPoints.data ? (
          focalPoints.loading && <Loading label={t('nav:loading')} />
        ) : focalPoints.data.countryFocalPoints.length === 0 ? (
          <Text c="dimmed">{t('allianceDirectory:countryFocalPointsEmpty')}</Text>
        ) : (
          <FocalPointsTable focalPoints={focalPoints.data.countryFocalPoints} withOrganisation testId="country-focal-points" />
        )}
      </Stack>
      <Stack gap="xs" component="section">
        <Title order={2} id="country-members-title">
          {t('allianceDirectory:countryMembersTitle')}
        </Title>
        {!connection ? (
          members.loading && <Loading label={t('nav:loading')} />
        ) : organisations.length === 0 ? (
          <Text c="dimmed">{t('allianceDirectory:countryMembersEmpty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {organisations.map((organisation) => (
              <OrganisationCard key={organisation.id} organisation={organisation} headingLevel={3} />
            ))}
          </SimpleGrid>
        )}
        {connection?.pageInfo.hasNextPage && (
          <Group justify="center">
            <Button variant="default" onClick={() => void onLoadMore()} loading={loadingMore}>
              {t('allianceDirectory:loadMore')}
            </Button>
          </Group>
        )}
      </Stack>
      <Anchor component={Link} to={`/alliance/directory?country=${code}`}>
        {t('allianceDirectory:backToDirectory')}
      </Anchor>
    </Page>
  );
}
