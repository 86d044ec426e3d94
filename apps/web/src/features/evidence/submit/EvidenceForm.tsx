import { useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LOCALES, countryName } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { DIRECTORY_COUNTRIES, DIRECTORY_FOCUS_AREAS } from '../../alliance/directory/operations';
import { focusAreaName } from '../../alliance/directory/filters';
import {
  CREATE_EVIDENCE_ITEM,
  EVIDENCE_LICENCES,
  EVIDENCE_TYPES,
  EVIDENCE_VISIBILITIES,
  MY_EVIDENCE,
  UPDATE_EVIDENCE_ITEM,
  type EvidenceEditingFields,
  type EvidenceLicence,
  type EvidenceOrganisationOption,
  type EvidenceType,
  type EvidenceVisibility,
} from '../operations-submit';
import {
  LIMITS,
  addTranslation,
  authorField,
  emptyAuthor,
  mapApiFields,
  removeTranslation,
  textField,
  toInput,
  validateEvidence,
  valuesFrom,
  withLanguage,
  type AuthorRow,
  type EvidenceFormValues,
  type TextBlock,
} from './form-model';

interface EvidenceFormProps {
  item: EvidenceEditingFields | null;
  organisations: EvidenceOrganisationOption[];
  /** Unsaved edits change whether the item may be submitted as it stands. */
  onDirtyChange?: (dirty: boolean) => void;
}

/** The item's description: saved as a draft (created on the first save), never submitted from here. */
export function EvidenceForm({ item, organisations, onDirtyChange }: EvidenceFormProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<EvidenceFormValues>(() => valuesFrom(item, locale, organisations.length === 1 ? organisations[0].id : ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const countries = useQuery(DIRECTORY_COUNTRIES, { variables: { includeObservers: false } });
  const focusAreas = useQuery(DIRECTORY_FOCUS_AREAS, { variables: { includeInactive: false } });
  const [createItem, creating] = useMutation(CREATE_EVIDENCE_ITEM);
  const [updateItem, updating] = useMutation(UPDATE_EVIDENCE_ITEM);

  const change = (next: (current: EvidenceFormValues) => EvidenceFormValues) => {
    setSaved(false);
    onDirtyChange?.(true);
    setValues(next);
  };
  const set = <K extends keyof EvidenceFormValues>(key: K, value: EvidenceFormValues[K]) => change((current) => ({ ...current, [key]: value }));
  const setText = (textLocale: string, field: 'title' | 'abstract', value: string) =>
    change((current) => ({ ...current, texts: current.texts.map((text) => (text.locale === textLocale ? { ...text, [field]: value } : text)) }));
  const setAuthor = (key: string, field: 'name' | 'affiliation', value: string) =>
    change((current) => ({ ...current, authors: current.authors.map((author) => (author.key === key ? { ...author, [field]: value } : author)) }));
  const focusFirstError = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const problems = validateEvidence(values);
    setErrors(Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(problem.key, problem.params ?? {})])));
    if (Object.keys(problems).length > 0) {
      setFailure(t('evidenceSubmit:fixErrors'));
      focusFirstError();
      return;
    }
    const input = toInput(values);
    try {
      if (item) {
        const result = await updateItem({ variables: { id: item.id, input } });
        if (result.data) setValues(valuesFrom(result.data.updateEvidenceItem, locale));
        setSaved(true);
        onDirtyChange?.(false);
      } else {
        const result = await createItem({ variables: { input }, refetchQueries: [MY_EVIDENCE] });
        onDirtyChange?.(false);
        if (result.data) navigate(`/evidence/${result.data.createEvidenceItem.id}/edit`, { state: { created: true } });
      }
    } catch (error) {
      setErrors(mapApiFields(apiFieldMessages(error), values));
      setFailure(describeError(error, t).message);
      focusFirstError();
    }
  };

  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const countryOptions = (countries.data?.countries ?? []).map((country) => ({ value: country.code, label: countryName(country.code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
  const areas = [...(focusAreas.data?.focusAreas ?? [])].sort((a, b) => collator.compare(focusAreaName(a, locale), focusAreaName(b, locale)));
  const missingLocales = LOCALES.filter((code) => !values.texts.some((text) => text.locale === code));
  const language = (code: string) => t(`evidence:language_${code}`);

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="evidence-form" aria-labelledby="evidence-form-heading">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('evidenceSubmit:fieldType')}
            value={values.type}
            onChange={(event) => set('type', event.currentTarget.value as EvidenceType)}
            data={EVIDENCE_TYPES.map((type) => ({ value: type, label: t(`evidence:type_${type}`) }))}
            error={errors.type}
            data-testid="evidence-type"
          />
          <NativeSelect
            label={t('evidenceSubmit:fieldLanguage')}
            description={t('evidenceSubmit:fieldLanguageHelp')}
            value={values.language}
            onChange={(event) => {
              const next = event.currentTarget.value;
              change((current) => withLanguage(current, next));
            }}
            data={LOCALES.map((code) => ({ value: code, label: language(code) }))}
            error={errors.language}
            data-testid="evidence-language"
          />
        </SimpleGrid>

        <Fieldset legend={t('evidenceSubmit:textsLegend')} data-testid="evidence-texts">
          <Stack gap="md">
            <Text size="sm">{t('evidenceSubmit:textsHelp')}</Text>
            {errors.texts && (
              <Text c="red.9" size="sm" role="alert">
                {errors.texts}
              </Text>
            )}
            {values.texts.map((text) => (
              <TextBlockFields
                key={text.locale}
                block={text}
                original={text.locale === values.language}
                languageLabel={language(text.locale)}
                errors={errors}
                onChange={setText}
                onRemove={() => change((current) => removeTranslation(current, text.locale))}
              />
            ))}
            {missingLocales.length > 0 && (
              <Group gap="xs" wrap="wrap">
                {missingLocales.map((code) => (
                  <Button key={code} variant="default" size="sm" onClick={() => change((current) => addTranslation(current, code))} data-testid={`add-translation-${code}`}>
                    {t('evidenceSubmit:addTranslation', { language: language(code) })}
                  </Button>
                ))}
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('evidenceSubmit:authorsLegend')} data-testid="evidence-authors">
          <Stack gap="sm">
            {errors.authors && (
              <Text c="red.9" size="sm" role="alert">
                {errors.authors}
              </Text>
            )}
            {values.authors.map((author, index) => (
              <AuthorFields
                key={author.key}
                author={author}
                number={index + 1}
                errors={errors}
                onChange={setAuthor}
                onRemove={values.authors.length > 1 ? () => change((current) => ({ ...current, authors: current.authors.filter((row) => row.key !== author.key) })) : undefined}
              />
            ))}
            {values.authors.length < LIMITS.authorsMax && (
              <Group>
                <Button variant="default" size="sm" onClick={() => change((current) => ({ ...current, authors: [...current.authors, emptyAuthor()] }))} data-testid="add-author">
                  {t('evidenceSubmit:addAuthor')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('evidenceSubmit:publicationLegend')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('evidenceSubmit:fieldYear')}
              inputMode="numeric"
              value={values.year}
              onChange={(event) => set('year', event.currentTarget.value)}
              error={errors.year}
              maxLength={4}
              data-testid="evidence-year"
            />
            <NativeSelect
              label={t('evidenceSubmit:fieldOrganisation')}
              description={t('evidenceSubmit:fieldOrganisationHelp')}
              value={values.organisationId}
              onChange={(event) => set('organisationId', event.currentTarget.value)}
              data={[{ value: '', label: t('evidenceSubmit:noOrganisation') }, ...organisations.map((org) => ({ value: org.id, label: org.name }))]}
              error={errors.organisationId}
              data-testid="evidence-organisation"
            />
            <TextInput
              label={t('evidenceSubmit:fieldPublisher')}
              value={values.publisher}
              onChange={(event) => set('publisher', event.currentTarget.value)}
              error={errors.publisher}
              maxLength={LIMITS.publisherMax}
              data-testid="evidence-publisher"
            />
            <TextInput
              label={t('evidenceSubmit:fieldDoi')}
              description={t('evidenceSubmit:fieldDoiHelp')}
              value={values.doi}
              onChange={(event) => set('doi', event.currentTarget.value)}
              error={errors.doi}
              maxLength={LIMITS.urlMax}
              data-testid="evidence-doi"
            />
          </SimpleGrid>
          <TextInput
            mt="sm"
            type="url"
            label={t('evidenceSubmit:fieldExternalUrl')}
            description={t('evidenceSubmit:fieldExternalUrlHelp')}
            value={values.externalUrl}
            onChange={(event) => set('externalUrl', event.currentTarget.value)}
            error={errors.externalUrl}
            maxLength={LIMITS.urlMax}
            data-testid="evidence-external-url"
          />
        </Fieldset>

        <Fieldset legend={t('evidenceSubmit:rightsLegend')}>
          <Stack gap="sm">
            <NativeSelect
              label={t('evidenceSubmit:fieldLicence')}
              description={t('evidenceSubmit:fieldLicenceHelp')}
              value={values.licence}
              onChange={(event) => set('licence', event.currentTarget.value as EvidenceLicence)}
              data={EVIDENCE_LICENCES.map((licence) => ({ value: licence, label: t(`evidence:licence_${licence}`) }))}
              error={errors.licence}
              data-testid="evidence-licence"
            />
            <Text size="sm" data-testid="licence-explanation">
              {t(`evidenceSubmit:licenceExplain_${values.licence}`)}
            </Text>
            <Radio.Group label={t('evidenceSubmit:fieldVisibility')} value={values.visibility} onChange={(value) => set('visibility', value as EvidenceVisibility)} error={errors.visibility}>
              <Stack gap="xs" mt="xs">
                {EVIDENCE_VISIBILITIES.map((visibility) => (
                  <Radio
                    key={visibility}
                    value={visibility}
                    label={t(`evidence:visibility_${visibility}`)}
                    description={t(`evidenceSubmit:visibilityHelp_${visibility}`)}
                    data-testid={`visibility-${visibility}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('evidenceSubmit:scopeLegend')}>
          <Stack gap="md">
            <MultiSelect
              label={t('evidenceSubmit:fieldCountries')}
              description={t('evidenceSubmit:fieldCountriesHelp')}
              data={countryOptions}
              value={values.countryCodes}
              onChange={(value) => set('countryCodes', value)}
              searchable
              clearable
              maxValues={LIMITS.countriesMax}
              nothingFoundMessage={t('evidenceSubmit:noCountryFound')}
              error={errors.countryCodes}
              data-testid="evidence-countries"
              comboboxProps={{ withinPortal: true }}
              clearButtonProps={{ 'aria-label': t('evidenceSubmit:clearCountries') }}
            />
            <Checkbox.Group
              label={t('evidenceSubmit:fieldFocusAreas')}
              description={t('evidenceSubmit:fieldFocusAreasHelp', { max: LIMITS.focusAreasMax })}
              value={values.focusAreaIds}
              onChange={(value) => set('focusAreaIds', value)}
              error={errors.focusAreaIds}
              data-testid="evidence-focus-areas"
            >
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {areas.map((area) => (
                  <Checkbox key={area.id} value={area.id} label={focusAreaName(area, locale)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Stack>
        </Fieldset>

        {failure && (
          <Alert color="red" role="alert" data-testid="evidence-form-failure">
            {failure}
          </Alert>
        )}
        <div role="status">
          {saved && (
            <Text c="dark.7" fw={500} data-testid="evidence-saved">
              {t('evidenceSubmit:saved')}
            </Text>
          )}
        </div>
        <Group>
          <Button type="submit" loading={creating.loading || updating.loading} data-testid="save-evidence">
            {item ? t('evidenceSubmit:saveChanges') : t('evidenceSubmit:saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface TextBlockFieldsProps {
  block: TextBlock;
  original: boolean;
  languageLabel: string;
  errors: Record<string, string>;
  onChange: (locale: string, field: 'title' | 'abstract', value: string) => void;
  onRemove: () => void;
}

/** One language's title and abstract, marked with lang so screen readers pronounce them rightly. */
function TextBlockFields({ block, original, languageLabel, errors, onChange, onRemove }: TextBlockFieldsProps) {
  const { t } = useTranslation();
  const legend = original ? t('evidenceSubmit:originalIn', { language: languageLabel }) : t('evidenceSubmit:translationIn', { language: languageLabel });
  return (
    <Paper withBorder p="sm" component="fieldset" m={0} data-testid={`text-block-${block.locale}`} data-original={original}>
      <Text component="legend" fw={700} px={4}>
        {legend}
      </Text>
      <Stack gap="sm">
        <TextInput
          label={t('evidenceSubmit:fieldTitle')}
          lang={block.locale}
          value={block.title}
          onChange={(event) => onChange(block.locale, 'title', event.currentTarget.value)}
          error={errors[textField(block.locale, 'title')]}
          maxLength={LIMITS.titleMax}
          data-testid={`evidence-title-${block.locale}`}
        />
        <Textarea
          label={t('evidenceSubmit:fieldAbstract')}
          description={t('evidenceSubmit:fieldAbstractHelp', { min: LIMITS.abstractMin, max: LIMITS.abstractMax })}
          lang={block.locale}
          value={block.abstract}
          onChange={(event) => onChange(block.locale, 'abstract', event.currentTarget.value)}
          error={errors[textField(block.locale, 'abstract')]}
          maxLength={LIMITS.abstractMax}
          autosize
          minRows={4}
          maxRows={14}
          data-testid={`evidence-abstract-${block.locale}`}
        />
        {!original && (
          <Group>
            <Button variant="subtle" color="red" size="xs" onClick={onRemove} data-testid={`remove-translation-${block.locale}`}>
              {t('evidenceSubmit:removeTranslation', { language: languageLabel })}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

interface AuthorFieldsProps {
  author: AuthorRow;
  number: number;
  errors: Record<string, string>;
  onChange: (key: string, field: 'name' | 'affiliation', value: string) => void;
  onRemove?: () => void;
}

function AuthorFields({ author, number, errors, onChange, onRemove }: AuthorFieldsProps) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" gap="sm" wrap="wrap" data-testid="author-row">
      <TextInput
        label={t('evidenceSubmit:authorName', { number })}
        value={author.name}
        onChange={(event) => onChange(author.key, 'name', event.currentTarget.value)}
        error={errors[authorField(author.key, 'name')]}
        maxLength={LIMITS.authorNameMax}
        style={{ flex: 1, minWidth: 200 }}
        data-testid={`author-name-${number - 1}`}
      />
      <TextInput
        label={t('evidenceSubmit:authorAffiliation', { number })}
        value={author.affiliation}
        onChange={(event) => onChange(author.key, 'affiliation', event.currentTarget.value)}
        error={errors[authorField(author.key, 'affiliation')]}
        maxLength={LIMITS.affiliationMax}
        style={{ flex: 1, minWidth: 200 }}
        data-testid={`author-affiliation-${number - 1}`}
      />
      {onRemove && (
        <Button variant="subtle" color="red" mt={{ base: 0, sm: 24 }} onClick={onRemove}>
          {t('evidenceSubmit:removeAuthor', { number })}
        </Button>
      )}
    </Group>
  );
}
