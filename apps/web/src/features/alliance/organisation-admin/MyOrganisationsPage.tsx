import { useId, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { formatCalendarDate } from '../apply/format';
import { MY_ORGANISATIONS, SET_FOCAL_POINT_CONSENT, type FocalPointFields, type OrganisationFields } from '../apply/operations';

/** The caller's own current focal point designations in an organisation (the API marks them `mine`). */
export function ownFocalPoints(organisation: OrganisationFields): FocalPointFields[] {
  return organisation.focalPoints.filter((point) => point.current && point.mine);
}

function ConsentSwitch({ point }: { point: FocalPointFields }) {
  const { t, i18n } = useTranslation();
  const [setConsent, { loading }] = useMutation(SET_FOCAL_POINT_CONSENT);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap={4} data-testid="own-focal-point">
      <Text size="sm">
        {t('allianceUi:yourFocalPoint', {
          area: point.focusArea.name,
          role: t(`allianceUi:focalRole_${point.role}`),
          date: formatCalendarDate(point.startDate, i18n.language),
        })}
      </Text>
      <Switch
        label={t('allianceUi:consentLabel')}
        description={t('allianceUi:consentHint')}
        checked={point.consentToPublish}
        disabled={loading}
        onChange={(e) => {
          const consentToPublish = e.currentTarget.checked;
          setError(null);
          setConsent({
            variables: { id: point.id, consentToPublish },
            // The switch follows the hand at once; a refusal rolls it back and says why.
            optimisticResponse: { setFocalPointConsent: { ...point, consentToPublish } },
          }).catch((err: unknown) => setError(describeError(err, t).message));
        }}
        error={error}
        data-testid="consent-switch"
      />
    </Stack>
  );
}

function OrganisationCard({ organisation }: { organisation: OrganisationFields }) {
  const { t } = useTranslation();
  const headingId = useId();
  const own = ownFocalPoints(organisation);
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} data-testid="my-organisation">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id={headingId} className="break-anywhere">
            {organisation.name}
          </Title>
          {organisation.membership && (
            <Badge color={organisation.membership.status === 'SUSPENDED' ? 'red.9' : 'teal.9'} variant="filled" miw="max-content">
              {t(`allianceUi:membershipStatus_${organisation.membership.status}`)}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t(`allianceUi:type_${organisation.type}`)} · {organisation.country.name}
        </Text>
        <Text size="sm">{t('allianceUi:yourRoles', { roles: organisation.myRoles.map((role) => t(`allianceUi:orgRole_${role}`)).join(', ') })}</Text>
        {own.map((point) => (
          <ConsentSwitch key={point.id} point={point} />
        ))}
        <Group gap="md">
          <Anchor component={Link} to={`/alliance/organisations/${organisation.slug}`}>
            {t('allianceUi:openOrganisationPage')}
          </Anchor>
          {organisation.myRoles.includes('REPRESENTATIVE') && (
            <Anchor component={Link} to={`/alliance/organisations/${organisation.slug}/manage`} data-testid="manage-link">
              {t('allianceUi:manageOrganisation')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

export default function MyOrganisationsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const joined = (location.state as { joined?: string } | null)?.joined;
  const { data, loading, error } = useQuery(MY_ORGANISATIONS, { fetchPolicy: 'cache-and-network' });
  const organisations = data?.myOrganisations ?? [];
  return (
    <Page title={t('allianceUi:myOrganisationsTitle')}>
      <Text maw={760}>{t('allianceUi:myOrganisationsIntro')}</Text>
      <div role="status" aria-live="polite">
        {joined && (
          <Alert color="teal.9" variant="outline" data-testid="joined-notice">
            <Text c="dark.9">{t('allianceUi:joinedNotice', { name: joined })}</Text>
          </Alert>
        )}
      </div>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : organisations.length === 0 ? (
        <Stack gap="sm" align="flex-start">
          <Text>{t('allianceUi:myOrganisationsEmpty')}</Text>
          <Button component={Link} to="/alliance/apply">
            {t('allianceUi:navApply')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="lg">
          {organisations.map((organisation) => (
            <OrganisationCard key={organisation.id} organisation={organisation} />
          ))}
        </Stack>
      )}
    </Page>
  );
}
