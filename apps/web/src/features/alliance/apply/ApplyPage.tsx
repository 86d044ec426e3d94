import { Anchor, Text } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { ApplicationForm } from './ApplicationForm';
import { MY_APPLICATIONS, SUBMIT_APPLICATION } from './operations';

export default function ApplyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [submitApplication] = useMutation(SUBMIT_APPLICATION, { refetchQueries: [MY_APPLICATIONS] });

  return (
    <Page title={t('allianceUi:applyTitle')}>
      <Text maw={760}>{t('allianceUi:applyIntro')}</Text>
      <Text maw={760} size="sm">
        {t('allianceUi:applyAlreadyMember')}{' '}
        <Anchor component={Link} to="/alliance/directory">
          {t('allianceUi:openDirectory')}
        </Anchor>
      </Text>
      <ApplicationForm
        submitLabel={t('allianceUi:submitApplication')}
        onSubmit={async (input) => {
          const result = await submitApplication({ variables: { input } });
          const created = result.data?.submitMembershipApplication;
          await navigate('/alliance/applications', { state: { submitted: created?.organisationName ?? input.organisationName } });
        }}
      />
    </Page>
  );
}
