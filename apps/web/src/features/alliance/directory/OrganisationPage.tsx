import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { formatMoment } from '../../certificates/format';
import { DIRECTORY_ORGANISATION } from './operations';
import { DetailList, FocalPointsTable, FocusAreaBadges } from './components';

/** Only http(s) links are rendered as links: a stored "javascript:" URL must never become clickable. */
export function safeWebsite(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export default function OrganisationPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { slug = '' } = useParams();
  const { data, loading, error } = useQuery(DIRECTORY_ORGANISATION, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const organisation = data?.organisation;

  if (loading && !data) {
    return (
      <Page title={t('allianceDirectory:directoryTitle')}>
        <Loading label={t('nav:loading')} />
      </Page>
    );
  }
  if (!organisation) {
    return (
      <Page title={t('errors:notFound')}>
        {error ? <Alert color="red">{describeError(error, t).message}</Alert> : <Text data-testid="organisation-not-found">{t('allianceDirectory:organisationNotFound')}</Text>}
        <Anchor component={Link} to="/alliance/directory">
          {t('allianceDirectory:backToDirectory')}
        </Anchor>
      </Page>
    );
  }

  const country = countryName(organisation.country.code, locale);
  const website = safeWebsite(organisation.website);
  const membership = organisation.membership;
  const isRepresentative = organisation.myRoles.includes('REPRESENTATIVE');
  const current = organisation.focalPoints.filter((point) => point.current);

  return (
    <Page title={organisation.name}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs">
          {membership && (
            <Badge variant="filled" color="blue.9" tt="none" size="lg" data-testid="organisation-category">
              {t(`allianceDirectory:category_${membership.category}`)}
            </Badge>
          )}
        </Group>
        {isRepresentative && (
          <Button component={Link} to={`/alliance/organisations/${encodeURIComponent(organisation.slug)}/manage`} data-testid="organisation-manage">
            {t('allianceDirectory:manage')}
          </Button>
        )}
      </Group>
      {membership?.status === 'SUSPENDED' && <Alert color="orange">{t('allianceDirectory:suspendedNotice')}</Alert>}
      <DetailList
        items={[
          { label: t('allianceDirectory:labelType'), value: t(`allianceDirectory:type_${organisation.type}`), testId: 'organisation-type' },
          {
            label: t('allianceDirectory:labelCountry'),
            value: (
              <Anchor component={Link} to={`/alliance/countries/${organisation.country.code}`} inherit>
                {country}
              </Anchor>
            ),
            testId: 'organisation-country',
          },
          { label: t('allianceDirectory:labelSubRegion'), value: t(`allianceDirectory:subRegion_${organisation.country.subRegion}`) },
          !!membership && { label: t('allianceDirectory:labelSince'), value: formatMoment(membership.since, locale), testId: 'organisation-since' },
          !!membership && membership.status !== 'ACTIVE' && { label: t('allianceDirectory:labelStatus'), value: t(`allianceDirectory:membershipStatus_${membership.status}`) },
          !!website && {
            label: t('allianceDirectory:labelWebsite'),
            value: (
              <Anchor href={website} rel="noopener noreferrer" inherit data-testid="organisation-website">
                {organisation.website}
              </Anchor>
            ),
          },
        ]}
      />
      <Stack gap="xs" component="section">
        <Title order={2} id="about-title">
          {t('allianceDirectory:aboutTitle')}
        </Title>
        <Text className="alliance-text" data-testid="organisation-description">
          {organisation.description}
        </Text>
        <Text size="sm" c="dimmed" mt="xs">
          {t('allianceDirectory:labelFocusAreas')}
        </Text>
        <FocusAreaBadges areas={organisation.focusAreas} label={t('allianceDirectory:labelFocusAreas')} />
      </Stack>
      <Stack gap="xs" component="section">
        <Title order={2} id="focal-points-title">
          {t('allianceDirectory:focalPointsTitle')}
        </Title>
        {current.length === 0 ? (
          <Text c="dimmed">{t('allianceDirectory:focalPointsEmpty')}</Text>
        ) : (
          <FocalPointsTable focalPoints={current} testId="organisation-focal-points" />
        )}
        <Anchor component={Link} to={`/alliance/countries/${organisation.country.code}`}>
          {t('allianceDirectory:viewCountry', { country })}
        </Anchor>
      </Stack>
      <Anchor component={Link} to="/alliance/directory">
        {t('allianceDirectory:backToDirectory')}
      </Anchor>
    </Page>
  );
}
