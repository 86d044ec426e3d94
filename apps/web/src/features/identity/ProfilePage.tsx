import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS, changePasswordSchema, updateProfileSchema, type Locale } from '@alliance/shared-core';
import { CHANGE_PASSWORD, ME_QUERY, SIGN_OUT_EVERYWHERE, UPDATE_PROFILE, type UserFields } from '../../graphql/operations';
import { Page } from '../../app/Page';
import { CountrySelect, FormFailure, LocaleSelect, useApiForm, PasswordField } from '../../app/forms';
import { useSession } from '../../app/session';
import { browserStorage } from '../../app/i18n';
import { storeLocale } from '../../app/locale';
import { describeError } from '../../app/errors';
import { PersonalDataSection } from './PersonalDataSection';

function DetailsSection({ me }: { me: UserFields }) {
  const { t, i18n } = useTranslation();
  const [updateProfile] = useMutation(UPDATE_PROFILE);
  const form = useApiForm(updateProfileSchema);
  const [values, setValues] = useState<{ name: string; countryCode: string; preferredLocale: Locale }>({
    name: me.name,
    countryCode: me.countryCode,
    preferredLocale: me.preferredLocale,
  });
  const [saved, setSaved] = useState(false);
  const set = (name: keyof typeof values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setSaved(false);
    form.clearField(name);
  };

  const submit = form.handleSubmit(values, async (input) => {
    setSaved(false);
    await updateProfile({ variables: { input } });
    // The preferred language is also the interface language from now on.
    storeLocale(browserStorage, input.preferredLocale);
    if (i18n.language !== input.preferredLocale) await i18n.changeLanguage(input.preferredLocale);
    setSaved(true);
  });

  const since = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(me.createdAt));

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="details-heading">
      <Title order={2} size="h3" id="details-heading">
        {t('profile:detailsTitle')}
      </Title>
      <Text mt="xs" className="break-anywhere">
        <strong>{t('auth:email')}:</strong> {me.email}
      </Text>
      <Text size="sm" c="dimmed">
        {t('profile:emailReadOnly')} {t('profile:memberSince', { date: since })}
      </Text>
      <Group gap="xs" mt="sm" aria-label={t('profile:roles')} role="group">
        <Text fw={600} size="sm">
          {t('profile:roles')}:
        </Text>
        {me.roles.length === 0 ? (
          <Badge variant="outline" color="gray.8">
            {t('profile:participant')}
          </Badge>
        ) : (
          me.roles.map((role) => (
            <Badge key={role} variant="filled">
              {t(`admin:role_${role}`)}
            </Badge>
          ))
        )}
      </Group>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={480} mt="md">
          <FormFailure failure={form.failure} />
          <TextInput
            label={t('auth:name')}
            name="name"
            autoComplete="name"
            required
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={form.fields.name}
          />
          <CountrySelect
            name="countryCode"
            required
            value={values.countryCode}
            onChange={(e) => set('countryCode', e.currentTarget.value)}
            error={form.fields.countryCode}
          />
          <LocaleSelect
            name="preferredLocale"
            required
            value={values.preferredLocale}
            onChange={(e) => set('preferredLocale', e.currentTarget.value)}
            error={form.fields.preferredLocale}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('profile:save')}
          </Button>
          <div role="status">{saved && <Alert color="teal">{t('profile:saved')}</Alert>}</div>
        </Stack>
      </form>
    </Card>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const [changePassword] = useMutation(CHANGE_PASSWORD);
  const form = useApiForm(changePasswordSchema);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [changed, setChanged] = useState(false);

  const submit = form.handleSubmit(values, async (input) => {
    setChanged(false);
    await changePassword({ variables: { input } });
    setValues({ currentPassword: '', newPassword: '' });
    setChanged(true);
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h3" id="password-heading">
        {t('profile:passwordTitle')}
      </Title>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <Stack maw={480} mt="md">
          <FormFailure failure={form.failure} />
          <PasswordField
            label={t('profile:currentPassword')}
            name="currentPassword"
            autoComplete="current-password"
            required
            value={values.currentPassword}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, currentPassword: value }));
              form.clearField('currentPassword');
            }}
            error={form.fields.currentPassword}
          />
          <PasswordField
            label={t('profile:newPassword')}
            description={t('auth:passwordHint', { count: LIMITS.passwordMin })}
            name="newPassword"
            autoComplete="new-password"
            required
            value={values.newPassword}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, newPassword: value }));
              form.clearField('newPassword');
            }}
            error={form.fields.newPassword}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('profile:changePassword')}
          </Button>
          <div role="status">{changed && <Alert color="teal">{t('profile:passwordChanged')}</Alert>}</div>
        </Stack>
      </form>
    </Card>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOutEverywhere, { loading }] = useMutation(SIGN_OUT_EVERYWHERE);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async () => {
    setFailure(null);
    try {
      await signOutEverywhere();
      await navigate('/sign-in');
      await client.clearStore();
      client.writeQuery({ query: ME_QUERY, data: { me: null } });
    } catch (error) {
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sessions-heading">
      <Title order={2} size="h3" id="sessions-heading">
        {t('profile:sessionsTitle')}
      </Title>
      <Text mt="xs">{t('profile:sessionsBody')}</Text>
      {failure && (
        <Alert color="red" role="alert" mt="md">
          {failure}
        </Alert>
      )}
      <Button mt="md" color="red" variant="outline" loading={loading} onClick={() => void run()}>
        {t('profile:signOutEverywhere')}
      </Button>
    </Card>
  );
}

export default function ProfilePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  return (
    <Page title={t('profile:title')}>
      <DetailsSection me={me} />
      <PasswordSection />
      <SessionsSection />
      <PersonalDataSection />
    </Page>
  );
}
