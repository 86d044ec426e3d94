import { Button, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from './Page';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('nav:notFoundTitle')}>
      <Text>{t('nav:notFoundBody')}</Text>
      <Button component={Link} to="/" w="fit-content">
        {t('nav:backHome')}
      </Button>
    </Page>
  );
}
