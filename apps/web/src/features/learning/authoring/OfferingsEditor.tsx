import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Checkbox, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { DIRECTORY_COUNTRIES } from '../../alliance/directory/operations';
import { CANCEL_OFFERING, CREATE_OFFERING, UPDATE_OFFERING, type CourseEditing, type OfferingEditing, type OfferingInput } from '../operations-authoring';
import { OfferingDates } from '../catalogue/CourseCard';
import { formatDateTime, formatNumber, fromLocalInput, toLocalInput, topLevelFieldMessages } from '../shared/format';
import { draftKey } from './quiz-validation';

interface SeatRow {
  key: string;
  countryCode: string;
  seats: string;
}
interface OfferingValues {
  name: string;
  startsOn: string;
  endsOn: string;
  enrolmentOpensAt: string;
  enrolmentClosesAt: string;
  capacity: string;
  waitlistEnabled: boolean;
  countrySeats: SeatRow[];
}

function valuesFrom(offering: OfferingEditing | null): OfferingValues {
  return {
    name: offering?.name ?? '',
    startsOn: offering?.startsOn ?? '',
    endsOn: offering?.endsOn ?? '',
    enrolmentOpensAt: toLocalInput(offering?.enrolmentOpensAt),
    enrolmentClosesAt: toLocalInput(offering?.enrolmentClosesAt),
    capacity: offering?.capacity != null ? String(offering.capacity) : '',
    waitlistEnabled: offering?.waitlistEnabled ?? false,
    countrySeats: (offering?.countrySeats ?? []).map((row) => ({ key: draftKey(), countryCode: row.country.code, seats: String(row.seats) })),
  };
}

export function validateOffering(values: OfferingValues, format: CourseEditing['format']): Record<string, string> {
  const errors: Record<string, string> = {};
  if (format === 'COHORT' && !values.startsOn) errors.startsOn = 'learningUi:errorStartsOn';
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) errors.endsOn = 'learningUi:errorEndsBeforeStart';
  if (values.enrolmentOpensAt && values.enrolmentClosesAt && values.enrolmentClosesAt < values.enrolmentOpensAt) errors.enrolmentClosesAt = 'learningUi:errorClosesBeforeOpens';
  if (values.capacity.trim() && !/^\d{1,6}$/.test(values.capacity.trim())) errors.capacity = 'learningUi:errorCapacity';
  const codes = new Set<string>();
  for (const row of values.countrySeats) {
    if (!row.countryCode || codes.has(row.countryCode)) errors[`${row.key}.countryCode`] = 'learningUi:errorCountrySeatsCountry';
    codes.add(row.countryCode);
    if (!/^\d{1,6}$/.test(row.seats.trim()) || Number(row.seats) < 1) errors[`${row.key}.seats`] = 'learningUi:errorCountrySeats';
  }
  return errors;
}

function OfferingForm({ course, offering, onDone }: { course: CourseEditing; offering: OfferingEditing | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<OfferingValues>(() => valuesFrom(offering));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const countries = useQuery(DIRECTORY_COUNTRIES, { variables: { includeObservers: true } });
  const [createOffering, creating] = useMutation(CREATE_OFFERING);
  const [updateOffering, updating] = useMutation(UPDATE_OFFERING);
  const set = <K extends keyof OfferingValues>(key: K, value: OfferingValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
  const countryOptions = (countries.data?.countries ?? [])
    .map((c) => ({ value: c.code, label: countryName(c.code, i18n.language) }))
    .sort((a, b) => collator.compare(a.label, b.label));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = validateOffering(values, course.format);
    setErrors(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v)])));
    if (Object.keys(found).length > 0) return;
    const input: OfferingInput = {
      name: values.name.trim() || null,
      startsOn: values.startsOn || null,
      endsOn: values.endsOn || null,
      enrolmentOpensAt: fromLocalInput(values.enrolmentOpensAt),
      enrolmentClosesAt: fromLocalInput(values.enrolmentClosesAt),
      capacity: values.capacity.trim() ? Number(values.capacity.trim()) : null,
      waitlistEnabled: values.waitlistEnabled,
      countrySeats: values.countrySeats.map((row) => ({ countryCode: row.countryCode, seats: Number(row.seats) })),
    };
    try {
      if (offering) await updateOffering({ variables: { id: offering.id, input } });
      else await createOffering({ variables: { courseId: course.id, input }, refetchQueries: ['CourseForEditing'], awaitRefetchQueries: true });
      onDone();
    } catch (e) {
      setErrors(topLevelFieldMessages(apiFieldMessages(e)));
      setFailure(describeError(e, t).message);
    }
  };

  const headingId = `offering-form-${offering?.id ?? 'new'}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId} data-testid="offering-form">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {offering ? t('learningUi:editOfferingHeading', { name: offering.name ?? '' }) : t('learningUi:newOfferingHeading')}
          </Title>
          <TextInput label={t('learningUi:offeringName')} value={values.name} onChange={(event) => set('name', event.currentTarget.value)} maxLength={200} error={errors.name} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('learningUi:startsOn')} value={values.startsOn} onChange={(event) => set('startsOn', event.currentTarget.value)} error={errors.startsOn} />
            <TextInput type="date" label={t('learningUi:endsOn')} value={values.endsOn} onChange={(event) => set('endsOn', event.currentTarget.value)} error={errors.endsOn} />
            <TextInput
              type="datetime-local"
              label={t('learningUi:enrolmentOpensAt')}
              description={t('learningUi:localTimeHelp')}
              value={values.enrolmentOpensAt}
              onChange={(event) => set('enrolmentOpensAt', event.currentTarget.value)}
              error={errors.enrolmentOpensAt}
            />
            <TextInput
              type="datetime-local"
              label={t('learningUi:enrolmentClosesAt')}
              description={t('learningUi:localTimeHelp')}
              value={values.enrolmentClosesAt}
              onChange={(event) => set('enrolmentClosesAt', event.currentTarget.value)}
              error={errors.enrolmentClosesAt}
            />
            <TextInput
              label={t('learningUi:capacity')}
              description={t('learningUi:capacityHelp')}
              inputMode="numeric"
              value={values.capacity}
              onChange={(event) => set('capacity', event.currentTarget.value)}
              error={errors.capacity}
              data-testid="offering-capacity"
            />
            <Checkbox mt={{ base: 0, sm: 'xl' }} label={t('learningUi:waitlistEnabled')} checked={values.waitlistEnabled} onChange={(event) => set('waitlistEnabled', event.currentTarget.checked)} />
          </SimpleGrid>
          <Fieldset legend={t('learningUi:countrySeats')}>
            <Stack gap="sm">
              <Text size="sm">{t('learningUi:countrySeatsHelp')}</Text>
              {values.countrySeats.map((row, index) => (
                <Group key={row.key} align="flex-end" gap="sm" wrap="wrap">
                  <NativeSelect
                    label={t('learningUi:countrySeatsCountry', { number: index + 1 })}
                    value={row.countryCode}
                    onChange={(event) => set('countrySeats', values.countrySeats.map((r) => (r.key === row.key ? { ...r, countryCode: event.currentTarget.value } : r)))}
                    data={[{ value: '', label: t('learningUi:chooseCountry'), disabled: true }, ...countryOptions]}
                    error={errors[`${row.key}.countryCode`]}
                    style={{ flex: 1, minWidth: 180 }}
                  />
                  <TextInput
                    label={t('learningUi:countrySeatsSeats', { number: index + 1 })}
                    inputMode="numeric"
                    value={row.seats}
                    onChange={(event) => set('countrySeats', values.countrySeats.map((r) => (r.key === row.key ? { ...r, seats: event.currentTarget.value } : r)))}
                    error={errors[`${row.key}.seats`]}
                    w={120}
                  />
                  <Button variant="subtle" color="red" onClick={() => set('countrySeats', values.countrySeats.filter((r) => r.key !== row.key))}>
                    {t('learningUi:removeCountrySeats', { number: index + 1 })}
                  </Button>
                </Group>
              ))}
              <Group>
                <Button variant="default" size="sm" onClick={() => set('countrySeats', [...values.countrySeats, { key: draftKey(), countryCode: '', seats: '' }])}>
                  {t('learningUi:addCountrySeats')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={creating.loading || updating.loading} data-testid="save-offering">
              {offering ? t('learningUi:saveOffering') : t('learningUi:createOffering')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('learningUi:closeEditor')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function OfferingsEditor({ course }: { course: CourseEditing }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirmCancel, setConfirmCancel] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [cancelOffering, cancelling] = useMutation(CANCEL_OFFERING);
  const number = (value: number) => formatNumber(value, i18n.language, 0);

  const cancel = async (id: string) => {
    setFailure(null);
    try {
      await cancelOffering({ variables: { id }, refetchQueries: ['CourseForEditing'], awaitRefetchQueries: true });
      setConfirmCancel(null);
    } catch (e) {
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <Stack gap="md" data-testid="offerings-editor">
      <Text>{course.format === 'SELF_PACED' ? t('learningUi:offeringsSelfPacedHelp') : t('learningUi:offeringsCohortHelp')}</Text>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
      {course.offerings.length === 0 ? (
        <Text>{t('learningUi:noOfferings')}</Text>
      ) : (
        <ScrollTable label={t('learningUi:offeringsHeading')} minWidth={760}>
          <Table data-testid="offerings-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('learningUi:colEdition')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colDates')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colEnrolment')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colSeats')}</Table.Th>
                <Table.Th scope="col">{t('learningUi:colActions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {course.offerings.map((offering, index) => {
                const name = offering.name || t('learningUi:editionNumber', { number: index + 1 });
                return (
                  <Table.Tr key={offering.id}>
                    <Table.Td>{name}</Table.Td>
                    <Table.Td>
                      <OfferingDates offering={offering} />
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={offering.openForEnrolment ? 'teal.9' : 'gray.8'} tt="none">
                        {offering.openForEnrolment ? t('learningUi:enrolmentOpen') : t('learningUi:enrolmentClosed')}
                      </Badge>
                      {offering.enrolmentClosesAt && (
                        <Text size="sm">{t('learningUi:closesOn', { date: formatDateTime(offering.enrolmentClosesAt, i18n.language) })}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {offering.capacity === null
                        ? t('learningUi:seatsTakenUnlimited', { taken: number(offering.seatsTaken) })
                        : t('learningUi:seatsTakenOf', { taken: number(offering.seatsTaken), capacity: number(offering.capacity) })}
                      {offering.waitlistEnabled && <Text size="sm">{t('learningUi:waitlistCount', { number: number(offering.waitlistCount) })}</Text>}
                      {offering.countrySeats.map((row) => (
                        <Text size="sm" key={row.country.code}>
                          {t('learningUi:countrySeatsTaken', { country: countryName(row.country.code, i18n.language), taken: number(row.taken), seats: number(row.seats) })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(offering.id)}>
                          {t('learningUi:editOffering', { name })}
                        </Button>
                        {confirmCancel === offering.id ? (
                          <>
                            <Button size="compact-sm" color="red" loading={cancelling.loading} onClick={() => void cancel(offering.id)}>
                              {t('learningUi:confirmCancelOffering', { name })}
                            </Button>
                            <Button size="compact-sm" variant="default" onClick={() => setConfirmCancel(null)}>
                              {t('learningUi:keep')}
                            </Button>
                          </>
                        ) : (
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirmCancel(offering.id)}>
                            {t('learningUi:cancelOffering', { name })}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {editing ? (
        <OfferingForm key={editing} course={course} offering={course.offerings.find((o) => o.id === editing) ?? null} onDone={() => setEditing(null)} />
      ) : (
        <Group>
          <Button onClick={() => setEditing('new')} data-testid="new-offering">
            {t('learningUi:newOffering')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
