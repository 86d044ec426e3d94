import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LOCALES, countryName } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { DIRECTORY_COUNTRIES, DIRECTORY_FOCUS_AREAS } from '../../alliance/directory/operations';
import { focusAreaName } from '../../alliance/directory/filters';
import { LocalizedFields } from '../../learning/shared/LocalizedFields';
import { SignatoriesEditor, signatoriesInput, signatoryDraft, type SignatoryDraft } from '../../learning/shared/SignatoriesEditor';
import { draftFrom, emptyDraft, inputFrom, languageName, type LocalizedDraft } from '../../learning/shared/localized';
import {
  CREATE_WORKSHOP,
  MANAGED_WORKSHOPS,
  UPDATE_WORKSHOP,
  WAITLIST_MODES,
  WORKSHOP_AUDIENCES,
  WORKSHOP_MODES,
  type WaitlistMode,
  type WorkshopAudience,
  type WorkshopEditing,
  type WorkshopInput,
  type WorkshopMode,
} from '../operations-workshops';
import { allTimeZones, timeZoneOption, utcToZonedInput, viewerTimeZone, zonedInputToUtc } from '../shared/time';
import { QuestionsEditor } from './QuestionsEditor';
import { optionList, rowKey, validateDetails, validateQuestions, type QuestionDraft, type SeatRow } from './validation';

interface DetailsValues {
  slug: string;
  text: { title: LocalizedDraft; description: LocalizedDraft };
  mode: WorkshopMode;
  timeZone: string;
  venue: string;
  meetingUrl: string;
  recordingUrl: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  audience: WorkshopAudience;
  approvalRequired: boolean;
  waitlistMode: WaitlistMode;
  offerHours: string;
  attendanceThreshold: string;
  languages: string[];
  focusAreaIds: string[];
  certificateIssuer: string;
  signatories: SignatoryDraft[];
  countrySeats: SeatRow[];
  questions: QuestionDraft[];
}

function defaultZone(): string {
  const zone = viewerTimeZone();
  return zone.startsWith('America/') ? zone : 'America/Panama';
}

function valuesFrom(workshop: WorkshopEditing | null): DetailsValues {
  if (!workshop) {
    return {
      slug: '',
      text: { title: emptyDraft(), description: emptyDraft() },
      mode: 'VIRTUAL',
      timeZone: defaultZone(),
      venue: '',
      meetingUrl: '',
      recordingUrl: '',
      capacity: '',
      registrationOpensAt: '',
      registrationClosesAt: '',
      audience: 'OPEN',
      approvalRequired: false,
      waitlistMode: 'AUTO',
      offerHours: '48',
      attendanceThreshold: '100',
      languages: ['es'],
      focusAreaIds: [],
      certificateIssuer: '',
      signatories: [],
      countrySeats: [],
      questions: [],
    };
  }
  const zone = workshop.timeZone;
  return {
    slug: workshop.slug,
    text: { title: draftFrom(workshop.titleTranslations), description: draftFrom(workshop.descriptionTranslations) },
    mode: workshop.mode,
    timeZone: zone,
    venue: workshop.venue ?? '',
    meetingUrl: workshop.meetingUrl ?? '',
    recordingUrl: workshop.recordingUrl ?? '',
    capacity: workshop.capacity != null ? String(workshop.capacity) : '',
    registrationOpensAt: utcToZonedInput(workshop.registrationOpensAt, zone),
    registrationClosesAt: utcToZonedInput(workshop.registrationClosesAt, zone),
    audience: workshop.audience,
    approvalRequired: workshop.approvalRequired,
    waitlistMode: workshop.waitlistMode,
    offerHours: String(workshop.offerHours),
    attendanceThreshold: String(workshop.attendanceThreshold),
    languages: workshop.languages,
    focusAreaIds: workshop.focusAreas.map((area) => area.id),
    certificateIssuer: workshop.certificateIssuer,
    signatories: workshop.certificateSignatories.map((s) => signatoryDraft(s)),
    countrySeats: workshop.countrySeats.map((row) => ({ key: rowKey(), countryCode: row.country.code, seats: String(row.seats) })),
    questions: [...workshop.questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => ({ key: rowKey(), id: q.id, type: q.type, prompt: draftFrom(q.promptTranslations), options: q.options.join('\n'), required: q.required })),
  };
}

/** The WorkshopInput the API wants; wall-clock times typed in the workshop's zone become UTC instants. */
export function workshopInput(values: DetailsValues): WorkshopInput {
  return {
    slug: values.slug.trim() || null,
    title: inputFrom(values.text.title),
    description: inputFrom(values.text.description),
    mode: values.mode,
    timeZone: values.timeZone,
    venue: values.venue.trim() || null,
    meetingUrl: values.meetingUrl.trim() || null,
    recordingUrl: values.recordingUrl.trim() || null,
    capacity: values.capacity.trim() ? Number(values.capacity.trim()) : null,
    registrationOpensAt: zonedInputToUtc(values.registrationOpensAt, values.timeZone),
    registrationClosesAt: zonedInputToUtc(values.registrationClosesAt, values.timeZone),
    audience: values.audience,
    approvalRequired: values.approvalRequired,
    waitlistMode: values.waitlistMode,
    offerHours: Number(values.offerHours),
    attendanceThreshold: Number(values.attendanceThreshold),
    languages: values.languages,
    focusAreaIds: values.focusAreaIds,
    certificateIssuer: values.certificateIssuer.trim(),
    certificateSignatories: signatoriesInput(values.signatories),
    countrySeats: values.countrySeats.map((row) => ({ countryCode: row.countryCode, seats: Number(row.seats) })),
    questions: values.questions.map((q) => ({
      id: q.id,
      type: q.type,
      prompt: inputFrom(q.prompt),
      options: q.type === 'CHOICE' ? optionList(q.options) : [],
      required: q.required,
    })),
  };
}

/** The API's per-field messages: "questions.2.options" goes to the third question's row. */
function mapApiMessages(fields: Record<string, string>, values: DetailsValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.');
    if ((parts[0] === 'questions' || parts[0] === 'countrySeats') && /^\d+$/.test(parts[1] ?? '')) {
      const list = parts[0] === 'questions' ? values.questions : values.countrySeats;
      const row = list[Number(parts[1])];
      if (row) {
        const field = parts[0] === 'questions' ? (parts[2] === 'options' ? 'options' : 'prompt') : parts[2] === 'seats' ? 'seats' : 'countryCode';
        out[`${row.key}.${field}`] ??= message;
        continue;
      }
    }
    out[parts[0]] ??= message;
  }
  return out;
}

export function DetailsForm({ workshop }: { workshop: WorkshopEditing | null }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<DetailsValues>(() => valuesFrom(workshop));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const focusAreas = useQuery(DIRECTORY_FOCUS_AREAS, { variables: { includeInactive: false } });
  const countries = useQuery(DIRECTORY_COUNTRIES, { variables: { includeObservers: true } });
  const [createWorkshop, creating] = useMutation(CREATE_WORKSHOP);
  const [updateWorkshop, updating] = useMutation(UPDATE_WORKSHOP);
  const zones = useMemo(() => allTimeZones().map((zone) => ({ value: zone, label: timeZoneOption(zone, locale) })), [locale]);

  const set = <K extends keyof DetailsValues>(key: K, value: DetailsValues[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const focusFirstError = () => setTimeout(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setSaved(false);
    const found = { ...validateDetails({ ...values, title: values.text.title }), ...validateQuestions(values.questions) };
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
    if (Object.keys(found).length > 0) {
      setFailure(t('workshopsUi:fixErrors'));
      focusFirstError();
      return;
    }
    const input = workshopInput(values);
    try {
      if (workshop) {
        const result = await updateWorkshop({ variables: { id: workshop.id, input } });
        if (result.data) setValues(valuesFrom(result.data.updateWorkshop));
        setSaved(true);
      } else {
        const result = await createWorkshop({ variables: { input }, refetchQueries: [MANAGED_WORKSHOPS] });
        if (result.data) navigate(`/manage/workshops/${result.data.createWorkshop.id}?tab=programme`);
      }
    } catch (error) {
      setErrors(mapApiMessages(apiFieldMessages(error), values));
      setFailure(describeError(error, t).message);
      focusFirstError();
    }
  };

  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const areas = [...(focusAreas.data?.focusAreas ?? [])].sort((a, b) => collator.compare(focusAreaName(a, locale), focusAreaName(b, locale)));
  const countryOptions = (countries.data?.countries ?? []).map((c) => ({ value: c.code, label: countryName(c.code, locale) })).sort((a, b) => collator.compare(a.label, b.label));
  const zoneNote = t('workshopsUi:timesInZone', { zone: values.timeZone });

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="workshop-details-form">
      <Stack gap="md">
        <LocalizedFields
          idPrefix="workshop"
          label={t('workshopsUi:textByLanguage')}
          fields={[
            { name: 'title', label: t('workshopsUi:fieldTitle'), maxLength: 200 },
            { name: 'description', label: t('workshopsUi:fieldDescription'), multiline: true, maxLength: 5000 },
          ]}
          values={values.text}
          onChange={(field, loc, value) => set('text', { ...values.text, [field]: { ...values.text[field as keyof DetailsValues['text']], [loc]: value } })}
          errors={errors}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('workshopsUi:fieldSlug')}
            description={t('workshopsUi:fieldSlugHelp')}
            value={values.slug}
            onChange={(event) => set('slug', event.currentTarget.value.toLowerCase())}
            error={errors.slug}
            maxLength={80}
            data-testid="workshop-slug"
          />
          <NativeSelect
            label={t('workshopsUi:mode')}
            value={values.mode}
            onChange={(event) => set('mode', event.currentTarget.value as WorkshopMode)}
            data={WORKSHOP_MODES.map((mode) => ({ value: mode, label: t(`workshopsUi:mode_${mode}`) }))}
            error={errors.mode}
            data-testid="workshop-mode-select"
          />
          <NativeSelect
            label={t('workshopsUi:fieldTimeZone')}
            description={t('workshopsUi:fieldTimeZoneHelp')}
            value={values.timeZone}
            onChange={(event) => set('timeZone', event.currentTarget.value)}
            data={zones}
            error={errors.timeZone}
            data-testid="workshop-time-zone"
          />
          <TextInput
            label={t('workshopsUi:capacity')}
            description={t('workshopsUi:capacityHelp')}
            inputMode="numeric"
            value={values.capacity}
            onChange={(event) => set('capacity', event.currentTarget.value)}
            error={errors.capacity}
            data-testid="workshop-capacity"
          />
        </SimpleGrid>
        <Fieldset legend={t('workshopsUi:placeAndLinks')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {values.mode !== 'VIRTUAL' && (
              <TextInput label={t('workshopsUi:venue')} value={values.venue} onChange={(event) => set('venue', event.currentTarget.value)} error={errors.venue} maxLength={300} />
            )}
            {values.mode !== 'IN_PERSON' && (
              <TextInput
                type="url"
                label={t('workshopsUi:meetingLink')}
                description={t('workshopsUi:meetingLinkHelp')}
                value={values.meetingUrl}
                onChange={(event) => set('meetingUrl', event.currentTarget.value)}
                error={errors.meetingUrl}
                maxLength={500}
              />
            )}
            <TextInput
              type="url"
              label={t('workshopsUi:recordingUrl')}
              value={values.recordingUrl}
              onChange={(event) => set('recordingUrl', event.currentTarget.value)}
              error={errors.recordingUrl}
              maxLength={500}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('workshopsUi:registration')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                type="datetime-local"
                label={t('workshopsUi:registrationOpensAt')}
                description={zoneNote}
                value={values.registrationOpensAt}
                onChange={(event) => set('registrationOpensAt', event.currentTarget.value)}
                error={errors.registrationOpensAt}
                data-testid="registration-opens"
              />
              <TextInput
                type="datetime-local"
                label={t('workshopsUi:registrationClosesAt')}
                description={zoneNote}
                value={values.registrationClosesAt}
                onChange={(event) => set('registrationClosesAt', event.currentTarget.value)}
                error={errors.registrationClosesAt}
                data-testid="registration-closes"
              />
              <NativeSelect
                label={t('workshopsUi:audience')}
                value={values.audience}
                onChange={(event) => set('audience', event.currentTarget.value as WorkshopAudience)}
                data={WORKSHOP_AUDIENCES.map((value) => ({ value, label: t(`workshopsUi:audience_${value}`) }))}
                error={errors.audience}
              />
              <NativeSelect
                label={t('workshopsUi:waitlistMode')}
                value={values.waitlistMode}
                onChange={(event) => set('waitlistMode', event.currentTarget.value as WaitlistMode)}
                data={WAITLIST_MODES.map((value) => ({ value, label: t(`workshopsUi:waitlistMode_${value}`) }))}
                error={errors.waitlistMode}
              />
              {values.waitlistMode === 'OFFER' && (
                <TextInput
                  label={t('workshopsUi:offerHours')}
                  inputMode="numeric"
                  value={values.offerHours}
                  onChange={(event) => set('offerHours', event.currentTarget.value)}
                  error={errors.offerHours}
                />
              )}
              <TextInput
                label={t('workshopsUi:attendanceThreshold')}
                description={t('workshopsUi:attendanceThresholdHelp')}
                inputMode="numeric"
                value={values.attendanceThreshold}
                onChange={(event) => set('attendanceThreshold', event.currentTarget.value)}
                error={errors.attendanceThreshold}
              />
            </SimpleGrid>
            <Checkbox label={t('workshopsUi:approvalRequired')} checked={values.approvalRequired} onChange={(event) => set('approvalRequired', event.currentTarget.checked)} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('workshopsUi:countrySeats')}>
          <Stack gap="sm">
            <Text size="sm">{t('workshopsUi:countrySeatsHelp')}</Text>
            {values.countrySeats.map((row, index) => (
              <Group key={row.key} align="flex-end" gap="sm" wrap="wrap" data-testid="seat-row">
                <NativeSelect
                  label={t('workshopsUi:seatsCountry', { number: index + 1 })}
                  value={row.countryCode}
                  onChange={(event) => set('countrySeats', values.countrySeats.map((r) => (r.key === row.key ? { ...r, countryCode: event.currentTarget.value } : r)))}
                  data={[{ value: '', label: t('workshopsUi:chooseCountry'), disabled: true }, ...countryOptions]}
                  error={errors[`${row.key}.countryCode`]}
                  style={{ flex: 1, minWidth: 180 }}
                />
                <TextInput
                  label={t('workshopsUi:seatsNumber', { number: index + 1 })}
                  inputMode="numeric"
                  value={row.seats}
                  onChange={(event) => set('countrySeats', values.countrySeats.map((r) => (r.key === row.key ? { ...r, seats: event.currentTarget.value } : r)))}
                  error={errors[`${row.key}.seats`]}
                  w={120}
                />
                <Button variant="subtle" color="red" onClick={() => set('countrySeats', values.countrySeats.filter((r) => r.key !== row.key))}>
                  {t('workshopsUi:removeSeats', { number: index + 1 })}
                </Button>
              </Group>
            ))}
            <Group>
              <Button variant="default" onClick={() => set('countrySeats', [...values.countrySeats, { key: rowKey(), countryCode: '', seats: '' }])} data-testid="add-seats">
                {t('workshopsUi:addSeats')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Checkbox.Group label={t('workshopsUi:languages')} value={values.languages} onChange={(value) => set('languages', value)} error={errors.languages}>
          <Group mt="xs">
            {LOCALES.map((code) => (
              <Checkbox key={code} value={code} label={languageName(code, locale)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group label={t('workshopsUi:focusAreas')} value={values.focusAreaIds} onChange={(value) => set('focusAreaIds', value)} error={errors.focusAreaIds}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {areas.map((area) => (
              <Checkbox key={area.id} value={area.id} label={focusAreaName(area, locale)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <QuestionsEditor rows={values.questions} onChange={(rows) => set('questions', rows)} errors={errors} />
        <Fieldset legend={t('workshopsUi:certificate')}>
          <Stack gap="sm">
            <TextInput
              label={t('workshopsUi:certificateIssuer')}
              value={values.certificateIssuer}
              onChange={(event) => set('certificateIssuer', event.currentTarget.value)}
              error={errors.certificateIssuer}
              maxLength={200}
              required
              data-testid="workshop-issuer"
            />
            <SignatoriesEditor idPrefix="workshop" rows={values.signatories} onChange={(rows) => set('signatories', rows)} />
          </Stack>
        </Fieldset>
        {failure && (
          <Alert color="red" role="alert" data-testid="details-failure">
            {failure}
          </Alert>
        )}
        <div role="status">{saved && <Text c="dark.7" fw={500}>{t('workshopsUi:saved')}</Text>}</div>
        <Group>
          <Button type="submit" loading={creating.loading || updating.loading} data-testid="save-workshop">
            {workshop ? t('workshopsUi:saveDetails') : t('workshopsUi:createWorkshop')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
