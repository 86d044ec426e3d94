import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/Page';

/** Where a person lands after deleting their account (signed out by then). */
export default function AccountDeletedPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy:deleted')}>
      <Text>{t('privacy:deletedBody')}</Text>
      <Anchor component={Link} to="/">
        {t('privacy:backHome')}
      </Anchor>
    </Page>
  );
}
