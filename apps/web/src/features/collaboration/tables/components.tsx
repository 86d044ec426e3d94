import { useMemo, useState } from 'react';
import { Badge, CloseButton, Combobox, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_LIMITS, MIN_REQUEST_LEAD_DAYS, countryName } from '@alliance/shared-core';
import { allTimeZones, formatInZone, timeZoneLabel, timeZoneOption, utcToZonedInput, viewerTimeZone } from '../../workshops/shared/time';
import { TABLE_ORGANISATION_SEARCH, type PartyStatus, type SpaceStatus, type TableOrganisationFields } from '../operations-tables';
import { earliestFirstSession, type TableDetailsValues } from './validation';

// Outline badges in shade 8/9: their text keeps AA contrast on white (orange and yellow do not,
// even in shade 9: orange.9 is 4.3:1 on white, so "pending" is pink, as a waitlisted seat is).
const STATUS_COLORS: Record<SpaceStatus, string> = {
  REQUESTED: 'blue.9',
  CHANGES_REQUESTED: 'grape.9',
  OPEN: 'teal.9',
  DECLINED: 'red.9',
  CLOSED: 'gray.8',
};
const PARTY_COLORS: Record<PartyStatus, string> = { PENDING: 'pink.9', CONFIRMED: 'teal.9', DECLINED: 'red.9' };

export function TableStatusBadge({ status, size }: { status: SpaceStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} tt="none" size={size} data-testid="table-status" data-status={status}>
      {t(`collaboration:spaceStatus_${status}`)}
    </Badge>
  );
}

export function PartyStatusBadge({ status }: { status: PartyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={PARTY_COLORS[status]} tt="none" data-testid="party-status" data-status={status}>
      {t(`collaboration:partyStatus_${status}`)}
    </Badge>
  );
}

/** The reader's zone when it is a real one, else Panama's (the secretariat's). */
export function defaultTimeZone(): string {
  const zone = viewerTimeZone();
  return allTimeZones().includes(zone) ? zone : 'America/Panama';
}

/**
 * "3 mar 2027, 10:00 (hora de Perú)": a moment in the table's zone and, when the reader lives in
 * another zone, in theirs too, so nobody converts hours in their head.
 */
export function useTableMoment() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (value: string | null | undefined, zone: string): string => {
    if (!value) return t('collaboration:notScheduled');
    const at = new Date(value);
    const inTable = t('collaboration:timeWithZone', { time: formatInZone(value, locale, zone), zone: timeZoneLabel(zone, locale, at) });
    const mine = viewerTimeZone();
    if (mine === zone || formatInZone(value, locale, mine) === formatInZone(value, locale, zone)) return inTable;
    return t('collaboration:timeWithYours', { table: inTable, yours: formatInZone(value, locale, mine) });
  };
}

interface DetailsFieldsProps {
  idPrefix: string;
  values: TableDetailsValues;
  errors: Record<string, string>;
  onChange: <K extends keyof TableDetailsValues>(key: K, value: TableDetailsValues[K]) => void;
}

/** Topic, purpose, agenda, time zone and first session: the request form's and the edit form's common part. */
export function TableDetailsFields({ idPrefix, values, errors, onChange }: DetailsFieldsProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const zones = useMemo(() => allTimeZones().map((zone) => ({ value: zone, label: timeZoneOption(zone, locale) })), [locale]);
  const earliest = earliestFirstSession();
  const earliestText = formatInZone(earliest.toISOString(), locale, values.timeZone);
  return (
    <Stack gap="md">
      <TextInput
        id={`${idPrefix}-title`}
        label={t('collaboration:fieldTitle')}
        description={t('collaboration:fieldTitleHelp')}
        value={values.title}
        onChange={(event) => onChange('title', event.currentTarget.value)}
        error={errors.title}
        maxLength={COLLABORATION_LIMITS.titleMax}
        required
        data-testid="table-title-input"
      />
      <Textarea
        id={`${idPrefix}-description`}
        label={t('collaboration:fieldDescription')}
        description={t('collaboration:fieldDescriptionHelp')}
        value={values.description}
        onChange={(event) => onChange('description', event.currentTarget.value)}
        error={errors.description}
        maxLength={COLLABORATION_LIMITS.textMax}
        autosize
        minRows={3}
        required
        data-testid="table-description-input"
      />
      <Textarea
        id={`${idPrefix}-agenda`}
        label={t('collaboration:fieldAgenda')}
        description={t('collaboration:fieldAgendaHelp')}
        value={values.agenda}
        onChange={(event) => onChange('agenda', event.currentTarget.value)}
        error={errors.agenda}
        maxLength={COLLABORATION_LIMITS.textMax}
        autosize
        minRows={4}
        required
        data-testid="table-agenda-input"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id={`${idPrefix}-zone`}
          label={t('collaboration:fieldTimeZone')}
          description={t('collaboration:fieldTimeZoneHelp')}
          value={values.timeZone}
          onChange={(event) => onChange('timeZone', event.currentTarget.value)}
          data={zones}
          error={errors.timeZone}
          data-testid="table-zone-input"
        />
        <TextInput
          id={`${idPrefix}-first-session`}
          type="datetime-local"
          label={t('collaboration:fieldFirstSession')}
          description={t('collaboration:fieldFirstSessionHelp', { days: MIN_REQUEST_LEAD_DAYS, date: earliestText, zone: values.timeZone })}
          value={values.firstSessionAt}
          min={utcToZonedInput(earliest.toISOString(), values.timeZone) || undefined}
          onChange={(event) => onChange('firstSessionAt', event.currentTarget.value)}
          error={errors.firstSessionAt}
          required
          data-testid="table-first-session-input"
        />
      </SimpleGrid>
    </Stack>
  );
}

interface OrganisationPickerProps {
  picked: TableOrganisationFields[];
  /** Never offered (the requesting organisation). */
  excludeIds: string[];
  onChange: (picked: TableOrganisationFields[]) => void;
  error?: string;
}

/**
 * The invited organisations: a search box over active member organisations (by name; arrow keys
 * move through the results, Enter picks one) and the list picked so far, each with its remove button.
 */
export function OrganisationPicker({ picked, excludeIds, onChange, error }: OrganisationPickerProps) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const combobox = useCombobox({
    onDropdownOpen: () => setOpened(true),
    onDropdownClose: () => {
      setOpened(false);
      combobox.resetSelectedOption();
    },
  });
  const { data, previousData, loading } = useQuery(TABLE_ORGANISATION_SEARCH, {
    variables: { search: debounced || null, first: 20 },
    skip: !opened,
    fetchPolicy: 'cache-and-network',
  });
  const hidden = new Set([...excludeIds, ...picked.map((o) => o.id)]);
  const hits = ((data ?? previousData)?.tableOrganisationSearch ?? []).filter((o) => !hidden.has(o.id));
  const full = picked.length >= COLLABORATION_LIMITS.partiesMax - 1;

  const pick = (id: string) => {
    const organisation = hits.find((o) => o.id === id);
    if (!organisation) return;
    onChange([...picked, organisation]);
    setSearch('');
    combobox.closeDropdown();
  };

  return (
    <Stack gap="xs">
      <Combobox store={combobox} onOptionSubmit={pick} withinPortal={false}>
        <Combobox.Target withExpandedAttribute>
          <TextInput
            label={t('collaboration:fieldInvited')}
            description={t('collaboration:fieldInvitedHelp', { count: COLLABORATION_LIMITS.partiesMax - 1 })}
            placeholder={t('collaboration:searchOrganisations')}
            value={search}
            disabled={full}
            error={error}
            autoComplete="off"
            data-testid="invite-search"
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onClick={() => combobox.openDropdown()}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            rightSection={loading ? <Loader size={16} aria-label={t('collaboration:searching')} /> : null}
          />
        </Combobox.Target>
        <Combobox.Dropdown>
          <Combobox.Options mah={320} style={{ overflowY: 'auto' }} data-testid="invite-options">
            {hits.map((o) => (
              <Combobox.Option value={o.id} key={o.id} data-testid="invite-option">
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm">{o.name}</Text>
                  <Text size="xs" c="dark.6" style={{ whiteSpace: 'nowrap' }}>
                    {countryName(o.countryCode, i18n.language)}
                  </Text>
                </Group>
              </Combobox.Option>
            ))}
            {!hits.length && !loading && <Combobox.Empty>{t('collaboration:noOrganisationFound')}</Combobox.Empty>}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {picked.length > 0 && (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('collaboration:invitedList')} data-testid="invited-list">
          {picked.map((o) => (
            <Paper component="li" key={o.id} withBorder px="sm" py={4} data-testid="invited-organisation">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {o.name} · {countryName(o.countryCode, i18n.language)}
                </Text>
                <CloseButton aria-label={t('collaboration:removeInvited', { name: o.name })} onClick={() => onChange(picked.filter((p) => p.id !== o.id))} />
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** A list of addresses, one per line (or separated by commas): who of one side may enter the table. */
export function EmailListField({
  label,
  description,
  value,
  onChange,
  error,
  testId,
  required,
}: {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  testId: string;
  required?: boolean;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      autosize
      minRows={3}
      required={required}
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
    />
  );
}
