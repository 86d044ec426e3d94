import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/session';
import { signInPathFor } from '../../../app/sign-in-path';
import { ACCEPT_INVITATION, INVITATION_PREVIEW, MY_ORGANISATIONS } from '../apply/operations';

export default function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { me, loading: sessionLoading } = useSession();
  const { data, loading, error } = useQuery(INVITATION_PREVIEW, { variables: { token } });
  const [accept, { loading: accepting }] = useMutation(ACCEPT_INVITATION, { refetchQueries: [MY_ORGANISATIONS] });
  const [failure, setFailure] = useState<string | null>(null);
  const invitation = data?.invitation;
  const title = t('allianceUi:invitationTitle');

  if ((loading && !data) || sessionLoading) {
    return (
      <Page title={title}>
        <Loading label={t('nav:loading')} />
      </Page>
    );
  }
  if (!invitation) {
    return (
      <Page title={title}>
        <Alert color="red" role="alert" data-testid="invitation-invalid">
          {error ? describeError(error, t).message : t('allianceUi:invitationInvalid')}
        </Alert>
      </Page>
    );
  }

  const back = signInPathFor(location);
  const signUp = `/sign-up?next=${encodeURIComponent(location.pathname)}`;
  const otherAccount = me && me.email.toLowerCase() !== invitation.email.toLowerCase();

  const onAccept = async () => {
    setFailure(null);
    try {
      const result = await accept({ variables: { token } });
      const organisation = result.data?.acceptInvitation;
      await navigate('/alliance/organisations', { state: { joined: organisation?.name ?? invitation.organisationName } });
    } catch (err) {
      setFailure(describeError(err, t).message);
    }
  };

  return (
    <Page title={title} heading={t('allianceUi:invitationHeading', { name: invitation.organisationName })}>
      <Card withBorder padding="lg" data-testid="invitation-preview">
        <Stack gap="xs">
          <Text>
            {t('allianceUi:invitationBody', {
              inviter: invitation.invitedBy,
              organisation: invitation.organisationName,
              role: t(`allianceUi:invitationRole_${invitation.role}`),
            })}
          </Text>
          <Text size="sm" className="break-anywhere">
            {t('allianceUi:invitationFor', { email: invitation.email })}
          </Text>
          {invitation.role === 'FOCAL_POINT' && <Text size="sm">{t('allianceUi:invitationFocalExplained')}</Text>}
        </Stack>
      </Card>

      {invitation.accepted ? (
        <Alert color="teal.9" variant="outline" data-testid="invitation-accepted">
          <Text c="dark.9">{t('allianceUi:invitationAlreadyAccepted')}</Text>
          {me && (
            <Anchor component={Link} to="/alliance/organisations">
              {t('allianceUi:navMyOrganisations')}
            </Anchor>
          )}
        </Alert>
      ) : invitation.expired ? (
        <Alert color="orange.9" variant="outline" data-testid="invitation-expired">
          <Text c="dark.9">{t('allianceUi:invitationExpiredBody', { inviter: invitation.invitedBy })}</Text>
        </Alert>
      ) : !me ? (
        <Stack gap="sm" data-testid="invitation-signed-out">
          <Text>{t('allianceUi:invitationSignInFirst', { email: invitation.email })}</Text>
          <Group gap="sm" wrap="wrap">
            <Button component={Link} to={back} data-testid="invitation-sign-in">
              {t('allianceUi:invitationSignIn')}
            </Button>
            <Button component={Link} to={signUp} variant="outline" data-testid="invitation-sign-up">
              {t('allianceUi:invitationSignUp')}
            </Button>
          </Group>
          <Text size="sm">{t('allianceUi:invitationSignUpThenReturn')}</Text>
        </Stack>
      ) : (
        <Stack gap="sm">
          {otherAccount && (
            <Alert color="orange.9" variant="outline" data-testid="invitation-other-account">
              <Text c="dark.9">{t('allianceUi:invitationOtherAccount', { email: invitation.email, current: me.email })}</Text>
            </Alert>
          )}
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Button onClick={() => void onAccept()} loading={accepting} w="fit-content" data-testid="accept-invitation">
            {t('allianceUi:acceptInvitation')}
          </Button>
        </Stack>
      )}
    </Page>
  );
}
