import { useState } from 'react';
import { Alert, NativeSelect, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { EMAIL_FREQUENCY_VALUES, PREFERENCES_QUERY, UPDATE_PREFERENCE, preferenceEditable, typeLabelKey, type EmailFrequencyValue, type PreferenceFields } from './operations';
import { Loading } from '../../app/Loading';
import { ScrollTable } from '../../app/ScrollTable';

/** The preference a change leads to; transactional rows never change. */
export function applyChange(preference: PreferenceFields, change: { inApp?: boolean; email?: EmailFrequencyValue }): PreferenceFields | null {
  if (!preferenceEditable(preference)) return null;
  const next = { ...preference, ...change };
  return next.inApp === preference.inApp && next.email === preference.email ? null : next;
}

function PreferenceRow({ preference, onNotice }: { preference: PreferenceFields; onNotice: (n: { kind: 'ok' | 'error'; text: string } | null) => void }) {
  const { t } = useTranslation();
  const [update, { loading }] = useMutation(UPDATE_PREFERENCE);
  const label = t(typeLabelKey(preference.type), { defaultValue: preference.type });
  const editable = preferenceEditable(preference);
  const noteId = `pref-note-${preference.type.replace(/\W/g, '-')}`;

  const change = async (patch: { inApp?: boolean; email?: EmailFrequencyValue }) => {
    const next = applyChange(preference, patch);
    if (!next) return;
    onNotice(null);
    try {
      await update({
        variables: { type: next.type, inApp: next.inApp, email: next.email },
        optimisticResponse: { updateNotificationPreference: { __typename: 'NotificationPreference', ...next } },
        update: (cache, { data }) => {
          const saved = data?.updateNotificationPreference;
          if (!saved) return;
          cache.updateQuery({ query: PREFERENCES_QUERY }, (current) =>
            current ? { notificationPreferences: current.notificationPreferences.map((p) => (p.type === saved.type ? { ...p, ...saved } : p)) } : current,
          );
        },
      });
      onNotice({ kind: 'ok', text: t('notifications:saved', { type: label }) });
    } catch (e) {
      onNotice({ kind: 'error', text: describeError(e, t).message });
    }
  };

  return (
    <Table.Tr data-testid={`preference-${preference.type}`}>
      <Table.Th scope="row" fw={500}>
        {label}
        {!editable && (
          <Text size="xs" c="dimmed" id={noteId}>
            {t('notifications:transactionalNote')}
          </Text>
        )}
      </Table.Th>
      <Table.Td>
        <Switch
          checked={preference.inApp}
          disabled={!editable || loading}
          onChange={(e) => void change({ inApp: e.currentTarget.checked })}
          aria-label={t('notifications:inAppFor', { type: label })}
          aria-describedby={editable ? undefined : noteId}
          data-testid="pref-inapp"
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          value={preference.email}
          disabled={!editable || loading}
          onChange={(e) => void change({ email: e.currentTarget.value as EmailFrequencyValue })}
          aria-label={t('notifications:emailFor', { type: label })}
          aria-describedby={editable ? undefined : noteId}
          data={EMAIL_FREQUENCY_VALUES.map((value) => ({ value, label: t(`notifications:frequency_${value.toLowerCase()}`) }))}
          data-testid="pref-email"
          miw={150}
        />
      </Table.Td>
    </Table.Tr>
  );
}

export default function PreferencesPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(PREFERENCES_QUERY);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  return (
    <Page title={t('notifications:preferencesTitle')}>
      <Text>{t('notifications:preferencesIntro')}</Text>
      <div aria-live="polite">
        {notice && (
          <Alert color={notice.kind === 'ok' ? 'green' : 'red'} data-testid="preferences-notice">
            {notice.text}
          </Alert>
        )}
      </div>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <ScrollTable minWidth={320} label={t('notifications:preferencesTitle')}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notifications:colType')}</Table.Th>
                <Table.Th scope="col">{t('notifications:colInApp')}</Table.Th>
                <Table.Th scope="col">{t('notifications:colEmail')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data?.notificationPreferences.map((preference) => (
                <PreferenceRow key={preference.type} preference={preference} onNotice={setNotice} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Page>
  );
}
