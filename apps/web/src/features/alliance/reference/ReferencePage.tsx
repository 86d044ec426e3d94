import { useState, type FormEvent } from 'react';
import { Accordion, Alert, Badge, Button, Checkbox, Group, List, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError, type FieldMessages } from '../../../app/errors';
import { formatMoment } from '../../certificates/format';
import { focusAreaName } from '../directory/filters';
import type { FocusAreaFields } from '../directory/operations';
import { ADD_OBSERVER_COUNTRY, CURRENT_CHARTER, PUBLISH_CHARTER, REFERENCE_COUNTRIES, REFERENCE_FOCUS_AREAS, SAVE_FOCUS_AREA } from './operations';
import { checkObserverCode } from './observer';

const LANGS = ['es', 'en', 'pt', 'fr'] as const;
type Lang = (typeof LANGS)[number];
const NAME_LABEL: Record<Lang, string> = { es: 'nameEs', en: 'nameEn', pt: 'namePt', fr: 'nameFr' };
const CHARTER_LABEL: Record<Lang, string> = { es: 'charterEs', en: 'charterEn', pt: 'charterPt', fr: 'charterFr' };

type Notice = { kind: 'ok' | 'error'; text: string } | null;

function NoticeArea({ notice, testId }: { notice: Notice; testId: string }) {
  return (
    <div aria-live="polite" data-testid={testId}>
      {notice && <Alert color={notice.kind === 'ok' ? 'green' : 'red'}>{notice.text}</Alert>}
    </div>
  );
}

function FocusAreaForm({ area, idPrefix, onSaved }: { area?: FocusAreaFields; idPrefix: string; onSaved?: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState({
    key: area?.key ?? '',
    es: area?.names.es ?? '',
    en: area?.names.en ?? '',
    pt: area?.names.pt ?? '',
    fr: area?.names.fr ?? '',
    active: area?.active ?? true,
  });
  const [fields, setFields] = useState<FieldMessages>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [save, { loading }] = useMutation(SAVE_FOCUS_AREA, { refetchQueries: [REFERENCE_FOCUS_AREAS] });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const trimmed = { key: values.key.trim(), es: values.es.trim(), en: values.en.trim(), pt: values.pt.trim(), fr: values.fr.trim() };
    const missing: FieldMessages = {};
    for (const [name, value] of Object.entries(trimmed)) if (!value) missing[name] = t('allianceDirectory:required');
    setFields(missing);
    if (Object.keys(missing).length) return;
    try {
      const { data } = await save({ variables: { id: area?.id ?? null, ...trimmed, active: values.active } });
      const saved = data?.saveFocusArea;
      setNotice({ kind: 'ok', text: t('allianceDirectory:focusAreaSaved', { name: saved ? focusAreaName(saved, i18n.language) : trimmed.es }) });
      if (!area) setValues({ key: '', es: '', en: '', pt: '', fr: '', active: true });
      onSaved?.();
    } catch (e) {
      const described = describeError(e, t);
      setFields(described.fields);
      setNotice({ kind: 'error', text: described.message });
    }
  };

  const set = (name: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = name === 'active' ? event.currentTarget.checked : event.currentTarget.value;
    setValues((previous) => ({ ...previous, [name]: value }));
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid={`${idPrefix}-form`}>
      <Stack gap="sm">
        <TextInput
          id={`${idPrefix}-key`}
          label={t('allianceDirectory:focusAreaKey')}
          description={t('allianceDirectory:focusAreaKeyHint')}
          value={values.key}
          onChange={set('key')}
          error={fields.key}
          required
          maxLength={64}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {LANGS.map((lang) => (
            <TextInput
              key={lang}
              id={`${idPrefix}-${lang}`}
              lang={lang}
              label={t(`allianceDirectory:${NAME_LABEL[lang]}`)}
              value={values[lang]}
              onChange={set(lang)}
              error={fields[lang]}
              required
              maxLength={200}
            />
          ))}
        </SimpleGrid>
        <Checkbox id={`${idPrefix}-active`} label={t('allianceDirectory:active')} checked={values.active} onChange={set('active')} />
        <NoticeArea notice={notice} testId={`${idPrefix}-notice`} />
        <Group>
          <Button type="submit" loading={loading}>
            {area ? t('allianceDirectory:saveNamed', { name: focusAreaName(area, i18n.language) }) : t('allianceDirectory:addFocusArea')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FocusAreasSection() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(REFERENCE_FOCUS_AREAS);
  const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
  const areas = [...(data?.focusAreas ?? [])].sort((a, b) => collator.compare(focusAreaName(a, i18n.language), focusAreaName(b, i18n.language)));
  return (
    <Stack component="section" aria-labelledby="focus-areas-title" gap="sm">
      <Title order={2} id="focus-areas-title">
        {t('allianceDirectory:focusAreasTitle')}
      </Title>
      <Text>{t('allianceDirectory:focusAreasIntro')}</Text>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <Accordion variant="separated" multiple data-testid="focus-areas">
          {areas.map((area) => (
            <Accordion.Item key={area.id} value={area.id} data-testid="focus-area-item">
              <Accordion.Control>
                <Group gap="xs" wrap="wrap">
                  <Text span fw={500}>
                    {focusAreaName(area, i18n.language)}
                  </Text>
                  <Badge variant={area.active ? 'filled' : 'outline'} color={area.active ? 'teal.9' : 'gray.8'} tt="none">
                    {area.active ? t('allianceDirectory:active') : t('allianceDirectory:inactive')}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <FocusAreaForm area={area} idPrefix={`focus-area-${area.id}`} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
          <Accordion.Item value="new">
            <Accordion.Control data-testid="new-focus-area">{t('allianceDirectory:newFocusArea')}</Accordion.Control>
            <Accordion.Panel>
              <FocusAreaForm idPrefix="focus-area-new" />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
    </Stack>
  );
}

function CharterSection() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(CURRENT_CHARTER, { fetchPolicy: 'cache-and-network' });
  const [texts, setTexts] = useState<Record<Lang, string>>({ es: '', en: '', pt: '', fr: '' });
  const [fields, setFields] = useState<FieldMessages>({});
  const [notice, setNotice] = useState<Notice>(null);
  const [publish, publishing] = useMutation(PUBLISH_CHARTER, { refetchQueries: [CURRENT_CHARTER] });
  const charter = data?.currentCharter;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const missing: FieldMessages = {};
    for (const lang of LANGS) if (!texts[lang].trim()) missing[lang] = t('allianceDirectory:required');
    setFields(missing);
    if (Object.keys(missing).length) return;
    try {
      const result = await publish({ variables: { es: texts.es.trim(), en: texts.en.trim(), pt: texts.pt.trim(), fr: texts.fr.trim() } });
      setNotice({ kind: 'ok', text: t('allianceDirectory:charterPublished', { version: result.data?.publishCharter.version ?? '' }) });
      setTexts({ es: '', en: '', pt: '', fr: '' });
    } catch (e) {
      const described = describeError(e, t);
      setFields(described.fields);
      setNotice({ kind: 'error', text: described.message });
    }
  };

  return (
    <Stack component="section" aria-labelledby="charter-title" gap="sm">
      <Title order={2} id="charter-title">
        {t('allianceDirectory:charterTitle')}
      </Title>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        charter && (
          <Paper withBorder p="md" radius="md">
            <Text fw={600} data-testid="charter-current">
              {t('allianceDirectory:charterCurrent', { version: charter.version, date: formatMoment(charter.publishedAt, i18n.language) })}
            </Text>
            <Text className="alliance-text" mt="sm" size="sm">
              {charter.text}
            </Text>
          </Paper>
        )
      )}
      <Text>{t('allianceDirectory:charterIntro')}</Text>
      <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="charter-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {LANGS.map((lang) => (
              <Textarea
                key={lang}
                lang={lang}
                label={t(`allianceDirectory:${CHARTER_LABEL[lang]}`)}
                value={texts[lang]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setTexts((previous) => ({ ...previous, [lang]: value }));
                }}
                error={fields[lang]}
                required
                autosize
                minRows={4}
                maxRows={16}
              />
            ))}
          </SimpleGrid>
          <NoticeArea notice={notice} testId="charter-notice" />
          <Group>
            <Button type="submit" loading={publishing.loading}>
              {t('allianceDirectory:publishCharter')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function ObserversSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, loading, error } = useQuery(REFERENCE_COUNTRIES, { fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(ADD_OBSERVER_COUNTRY, { refetchQueries: [REFERENCE_COUNTRIES] });
  const [input, setInput] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const observers = (data?.countries ?? [])
    .filter((country) => country.observer)
    .map((country) => ({ code: country.code, name: countryName(country.code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const typed = checkObserverCode(input, []);
  const preview = typed.problem !== 'observerInvalid' ? countryName(typed.code, locale) : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    const { code, problem } = checkObserverCode(input, observers.map((o) => o.code));
    if (problem) {
      setFieldError(t(`allianceDirectory:${problem}`, { name: countryName(code, locale) }));
      return;
    }
    setFieldError(null);
    try {
      await add({ variables: { code } });
      setNotice({ kind: 'ok', text: t('allianceDirectory:observerAdded', { name: countryName(code, locale) }) });
      setInput('');
    } catch (e) {
      const described = describeError(e, t);
      setFieldError(described.fields.code ?? null);
      setNotice({ kind: 'error', text: described.message });
    }
  };

  return (
    <Stack component="section" aria-labelledby="observers-title" gap="sm">
      <Title order={2} id="observers-title">
        {t('allianceDirectory:observersTitle')}
      </Title>
      <Text>{t('allianceDirectory:observersIntro')}</Text>
      {error && !data && <Alert color="red">{describeError(error, t).message}</Alert>}
      {loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : observers.length === 0 ? (
        <Text c="dimmed">{t('allianceDirectory:observersEmpty')}</Text>
      ) : (
        <List data-testid="observer-countries">
          {observers.map((observer) => (
            <List.Item key={observer.code}>
              {observer.name} ({observer.code})
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate data-testid="observer-form">
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('allianceDirectory:observerCode')}
            value={input}
            onChange={(event) => setInput(event.currentTarget.value)}
            error={fieldError}
            description={preview ? t('allianceDirectory:observerPreview', { name: preview }) : undefined}
            maxLength={2}
            autoCapitalize="characters"
            autoComplete="off"
            w={{ base: '100%', xs: 260 }}
          />
          <Button type="submit" mt={{ base: 0, xs: 25 }} loading={adding.loading}>
            {t('allianceDirectory:addObserver')}
          </Button>
        </Group>
      </form>
      <NoticeArea notice={notice} testId="observer-notice" />
    </Stack>
  );
}

export default function ReferencePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('allianceDirectory:referenceTitle')}>
      <Text>{t('allianceDirectory:referenceIntro')}</Text>
      <FocusAreasSection />
      <CharterSection />
      <ObserversSection />
    </Page>
  );
}
