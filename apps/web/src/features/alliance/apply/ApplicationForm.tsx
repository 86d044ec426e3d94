import { useId, useState } from 'react';
import { Alert, Anchor, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@alliance/shared-core';
import { useApiForm, FormFailure } from '../../../app/forms';
import { describeError } from '../../../app/errors';
import { Loading } from '../../../app/Loading';
import { CharterText, useCountryOptions } from './components';
import { APPLY_REFERENCE_DATA, ORGANISATION_TYPES, type ApplicationFields, type ApplicationInput, type OrganisationType } from './operations';
import { applicationFormSchema, normaliseWebsite, type ApplicationFormValues } from './schema';

interface ApplicationFormProps {
  /** The application being edited after a reviewer asked for changes; absent for a new one. */
  initial?: ApplicationFields;
  submitLabel: string;
  onSubmit: (input: ApplicationInput) => Promise<void>;
  onCancel?: () => void;
}

function initialValues(initial?: ApplicationFields): ApplicationFormValues {
  return {
    organisationName: initial?.organisationName ?? '',
    organisationType: initial?.organisationType ?? '',
    countryCode: initial?.country.code ?? '',
    website: initial?.website ?? '',
    description: initial?.description ?? '',
    applicantRole: initial?.applicantRole ?? '',
    motivation: initial?.motivation ?? '',
    focusAreaIds: initial?.focusAreas.map((area) => area.id) ?? [],
    // The charter may have changed since: acceptance is always given afresh.
    acceptCharter: false,
  };
}

/** The membership application: organisation, applicant, focus areas and the charter, used to apply and to resubmit. */
export function ApplicationForm({ initial, submitLabel, onSubmit, onCancel }: ApplicationFormProps) {
  const { t } = useTranslation();
  const ids = { org: useId(), you: useId(), areas: useId(), areasError: useId(), charter: useId() };
  const { data, loading, error, refetch } = useQuery(APPLY_REFERENCE_DATA);
  const [values, setValues] = useState<ApplicationFormValues>(() => initialValues(initial));
  const { formRef, fields, failure, submitting, handleSubmit, clearField } = useApiForm(applicationFormSchema);
  const countryOptions = useCountryOptions(data?.countries, t('allianceUi:chooseCountry'));

  const set = <K extends keyof ApplicationFormValues>(name: K, value: ApplicationFormValues[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    clearField(name);
  };

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error || !data) {
    return (
      <Stack>
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
        <Button onClick={() => void refetch()} w="fit-content">
          {t('nav:reload')}
        </Button>
      </Stack>
    );
  }

  const charter = data.currentCharter;
  // Inactive focus areas the application already had stay visible so they can be unticked.
  const areas = [...data.focusAreas];
  for (const area of initial?.focusAreas ?? []) if (!areas.some((a) => a.id === area.id)) areas.push(area);

  const submit = handleSubmit(values, async (parsed) => {
    await onSubmit({
      organisationName: parsed.organisationName,
      organisationType: parsed.organisationType as OrganisationType,
      countryCode: parsed.countryCode,
      website: normaliseWebsite(parsed.website),
      description: parsed.description,
      applicantRole: parsed.applicantRole,
      motivation: parsed.motivation,
      focusAreaIds: parsed.focusAreaIds,
      charterVersion: charter.version,
    });
  });

  const duplicate = failure?.code === ErrorCode.Conflict;

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="application-form">
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby={ids.org}>
          <Stack gap="md">
            <Title order={2} size="h3" id={ids.org}>
              {t('allianceUi:sectionOrganisation')}
            </Title>
            <TextInput
              label={t('allianceUi:fieldOrganisationName')}
              name="organisationName"
              required
              autoComplete="organization"
              value={values.organisationName}
              onChange={(e) => set('organisationName', e.currentTarget.value)}
              error={fields.organisationName}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('allianceUi:fieldOrganisationType')}
                name="organisationType"
                required
                value={values.organisationType}
                onChange={(e) => set('organisationType', e.currentTarget.value)}
                error={fields.organisationType}
                data={[
                  { value: '', label: t('allianceUi:chooseType'), disabled: true },
                  ...ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`allianceUi:type_${type}`) })),
                ]}
              />
              <NativeSelect
                label={t('allianceUi:fieldCountry')}
                name="countryCode"
                required
                value={values.countryCode}
                onChange={(e) => set('countryCode', e.currentTarget.value)}
                error={fields.countryCode}
                data={countryOptions}
              />
            </SimpleGrid>
            <TextInput
              label={t('allianceUi:fieldWebsite')}
              description={t('allianceUi:fieldWebsiteHint')}
              name="website"
              type="url"
              inputMode="url"
              autoComplete="url"
              value={values.website}
              onChange={(e) => set('website', e.currentTarget.value)}
              error={fields.website}
            />
            <Textarea
              label={t('allianceUi:fieldDescription')}
              description={t('allianceUi:fieldDescriptionHint')}
              name="description"
              required
              autosize
              minRows={3}
              value={values.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={fields.description}
            />
          </Stack>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby={ids.you}>
          <Stack gap="md">
            <Title order={2} size="h3" id={ids.you}>
              {t('allianceUi:sectionYou')}
            </Title>
            <TextInput
              label={t('allianceUi:fieldApplicantRole')}
              description={t('allianceUi:fieldApplicantRoleHint')}
              name="applicantRole"
              required
              autoComplete="organization-title"
              value={values.applicantRole}
              onChange={(e) => set('applicantRole', e.currentTarget.value)}
              error={fields.applicantRole}
            />
            <Textarea
              label={t('allianceUi:fieldMotivation')}
              description={t('allianceUi:fieldMotivationHint')}
              name="motivation"
              required
              autosize
              minRows={3}
              value={values.motivation}
              onChange={(e) => set('motivation', e.currentTarget.value)}
              error={fields.motivation}
            />
            <fieldset
              className="plain-fieldset"
              aria-describedby={fields.focusAreaIds ? ids.areasError : undefined}
              style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
              data-testid="focus-areas"
            >
              <legend style={{ padding: 0, fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)' }}>
                {t('allianceUi:fieldFocusAreas')}{' '}
                <Text span c="red.9" aria-hidden="true">
                  *
                </Text>
              </legend>
              <Text size="sm" c="dimmed" mb="xs">
                {t('allianceUi:fieldFocusAreasHint')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {areas.map((area, index) => (
                  <Checkbox
                    key={area.id}
                    label={area.name}
                    value={area.id}
                    name="focusAreaIds"
                    checked={values.focusAreaIds.includes(area.id)}
                    aria-invalid={index === 0 && fields.focusAreaIds ? true : undefined}
                    onChange={(e) => {
                      const checked = e.currentTarget.checked;
                      set(
                        'focusAreaIds',
                        checked ? [...values.focusAreaIds, area.id] : values.focusAreaIds.filter((id) => id !== area.id),
                      );
                    }}
                  />
                ))}
              </SimpleGrid>
              {fields.focusAreaIds && (
                <Text size="sm" c="red.9" mt="xs" id={ids.areasError}>
                  {fields.focusAreaIds}
                </Text>
              )}
            </fieldset>
          </Stack>
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby={ids.charter}>
          <Stack gap="md">
            <Title order={2} size="h3" id={ids.charter}>
              {t('allianceUi:sectionCharter')}
            </Title>
            <Text>{t('allianceUi:charterIntro')}</Text>
            <CharterText charter={charter} />
            <Checkbox
              label={t('allianceUi:acceptCharter', { version: charter.version })}
              name="acceptCharter"
              required
              checked={values.acceptCharter}
              onChange={(e) => set('acceptCharter', e.currentTarget.checked)}
              error={fields.acceptCharter}
              aria-invalid={fields.acceptCharter ? true : undefined}
              data-testid="accept-charter"
            />
          </Stack>
        </Card>

        {duplicate ? (
          <Alert color="orange.9" variant="outline" role="alert" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} title={t('allianceUi:duplicateTitle')} data-testid="duplicate-error">
            <Stack gap="xs">
              <Text c="dark.9">{failure.message}</Text>
              <Text c="dark.9">{t('allianceUi:duplicateHint')}</Text>
              <Group gap="md">
                <Anchor component={Link} to="/alliance/directory">
                  {t('allianceUi:openDirectory')}
                </Anchor>
                <Anchor component={Link} to="/alliance/applications">
                  {t('allianceUi:navMyApplications')}
                </Anchor>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <FormFailure failure={failure} />
        )}

        <Group gap="sm">
          <Button type="submit" loading={submitting} data-testid="submit-application">
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('allianceUi:cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
