import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import type { WatchQueryFetchPolicy } from '@apollo/client';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { ScrollTable } from '../../../app/ScrollTable';
import { describeError } from '../../../app/errors';
import { focusAreaName } from '../../alliance/directory/filters';
import { formatBytes, formatDate, formatDateTime } from '../../learning/shared/format';
import { EVIDENCE_ITEM_FOR_EDITING, type EvidenceEditingFields, type EvidenceEventFields, type EvidenceFileFields, type EvidenceStatus } from '../operations-submit';

// Outline badges in shade 8/9: their text keeps AA contrast on white (filled green/orange/yellow do not).
const STATUS_COLORS: Record<EvidenceStatus, string> = {
  DRAFT: 'gray.8',
  SUBMITTED: 'blue.9',
  CHANGES_REQUESTED: 'grape.9',
  PUBLISHED: 'teal.9',
  REJECTED: 'red.9',
};

/** The item of the page's `:id`, as the editor and the review page show it (nothing to load without an id). */
export function useItemForEditing(fetchPolicy?: WatchQueryFetchPolicy) {
  const { id } = useParams();
  return { id, ...useQuery(EVIDENCE_ITEM_FOR_EDITING, { variables: { id: id ?? '' }, skip: !id, fetchPolicy }) };
}

/** Where the editor and the review page lead back to: the caller's own items, or the review queue. */
export type EvidenceListPath = '/my/evidence' | '/manage/evidence';

export function EvidenceBackLink({ to }: { to: EvidenceListPath }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={to}>
      {to === '/manage/evidence' ? t('evidenceSubmit:backToQueue') : t('evidenceSubmit:backToMine')}
    </Anchor>
  );
}

/** The page of an item that did not load: the API's message, or "not found", and the way back. */
export function EvidenceItemMissing({ error, back }: { error: unknown; back: EvidenceListPath }) {
  const { t } = useTranslation();
  return (
    <Page title={t('evidenceSubmit:notFound')}>
      <Alert color="red" role="alert">
        {error ? describeError(error, t).message : t('evidenceSubmit:notFoundBody')}
      </Alert>
      <EvidenceBackLink to={back} />
    </Page>
  );
}

export function EvidenceStatusBadge({ status, size }: { status: EvidenceStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} tt="none" size={size} data-testid="evidence-status" data-status={status}>
      {t(`evidence:status_${status}`)}
    </Badge>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text component="dt" size="sm" fw={700}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** The item's metadata and every text (each marked with its language), read-only. */
export function EvidenceDetails({ item }: { item: EvidenceEditingFields }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const none = t('evidenceSubmit:notGiven');
  const original = item.texts.filter((text) => text.locale === item.language);
  const texts = [...original, ...item.texts.filter((text) => text.locale !== item.language)];
  return (
    <Stack gap="md" data-testid="evidence-details">
      {texts.map((text) => (
        <Paper key={text.locale} withBorder p="md" component="section" aria-labelledby={`evidence-text-${text.locale}`} data-testid={`evidence-text-${text.locale}`}>
          <Text size="sm" c="dark.6" mb={4}>
            {text.locale === item.language ? t('evidenceSubmit:originalIn', { language: t(`evidence:language_${text.locale}`) }) : t('evidenceSubmit:translationIn', { language: t(`evidence:language_${text.locale}`) })}
          </Text>
          <Title order={3} id={`evidence-text-${text.locale}`} lang={text.locale}>
            {text.title}
          </Title>
          <Text lang={text.locale} style={{ whiteSpace: 'pre-line' }} mt="xs">
            {text.abstract}
          </Text>
        </Paper>
      ))}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        <Fact label={t('evidenceSubmit:fieldType')}>{t(`evidence:type_${item.type}`)}</Fact>
        <Fact label={t('evidenceSubmit:fieldLanguage')}>{t(`evidence:language_${item.language}`)}</Fact>
        <Fact label={t('evidenceSubmit:fieldVisibility')}>{t(`evidence:visibility_${item.visibility}`)}</Fact>
        <Fact label={t('evidenceSubmit:fieldYear')}>{item.year}</Fact>
        <Fact label={t('evidenceSubmit:authorsLegend')}>
          {item.authors.map((author) => (author.affiliation ? `${author.name} (${author.affiliation})` : author.name)).join('; ') || none}
        </Fact>
        <Fact label={t('evidenceSubmit:fieldOrganisation')}>{item.organisationName ?? none}</Fact>
        <Fact label={t('evidenceSubmit:fieldPublisher')}>{item.publisher ?? none}</Fact>
        <Fact label={t('evidenceSubmit:fieldLicence')}>{t(`evidence:licence_${item.licence}`)}</Fact>
        <Fact label={t('evidenceSubmit:fieldExternalUrl')}>
          {item.externalUrl ? (
            <Anchor href={item.externalUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }}>
              {item.externalUrl}
            </Anchor>
          ) : (
            none
          )}
        </Fact>
        <Fact label={t('evidenceSubmit:fieldDoi')}>{item.doi ?? none}</Fact>
        <Fact label={t('evidenceSubmit:fieldCountries')}>{item.countries.map((country) => countryName(country.code, locale)).join(', ') || none}</Fact>
        <Fact label={t('evidenceSubmit:fieldFocusAreas')}>{item.focusAreas.map((area) => focusAreaName(area, locale)).join(', ') || none}</Fact>
        <Fact label={t('evidenceSubmit:submitter')}>{item.submitterName}</Fact>
        <Fact label={t('evidenceSubmit:submittedAt')}>{item.submittedAt ? formatDate(item.submittedAt, locale) : none}</Fact>
      </SimpleGrid>
    </Stack>
  );
}

/** Every stored version, newest first, each downloadable. */
export function FileVersions({ files, label }: { files: EvidenceFileFields[]; label: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (files.length === 0) return <Text size="sm" data-testid="no-files">{t('evidenceSubmit:noFiles')}</Text>;
  return (
    <ScrollTable label={label} minWidth={520}>
      <Table data-testid="file-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('evidenceSubmit:colVersion')}</Table.Th>
            <Table.Th scope="col">{t('evidenceSubmit:colFilename')}</Table.Th>
            <Table.Th scope="col">{t('evidenceSubmit:colSize')}</Table.Th>
            <Table.Th scope="col">{t('evidenceSubmit:colUploaded')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((file) => (
            <Table.Tr key={file.id} data-testid="file-version">
              <Table.Td>{file.version}</Table.Td>
              <Table.Td>
                <Anchor href={file.url} style={{ overflowWrap: 'anywhere' }} aria-label={t('evidenceSubmit:downloadVersion', { filename: file.filename, version: file.version })}>
                  {file.filename}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatBytes(file.size, locale)}</Table.Td>
              <Table.Td>{formatDateTime(file.uploadedAt, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/**
 * The item's history (who did what and when, with the reviewers' notes) as a section under its own
 * heading: `headingId` names the section, so it must be unique on the page.
 */
export function EvidenceHistory({ events, headingId }: { events: EvidenceEventFields[]; headingId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId}>
        {t('evidenceSubmit:historyHeading')}
      </Title>
      <HistoryEvents events={events} />
    </Stack>
  );
}

function HistoryEvents({ events }: { events: EvidenceEventFields[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  if (events.length === 0) return <Text size="sm">{t('evidenceSubmit:noHistory')}</Text>;
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="evidence-history">
      {events.map((event) => (
        <li key={event.id} data-testid="history-event" data-action={event.action}>
          <Text size="sm">
            <Text component="span" fw={700}>
              {t(`evidence:action_${event.action}`)}
            </Text>{' '}
            {t('evidenceSubmit:historyBy', { name: event.actorName, date: formatDateTime(event.at, locale) })}
          </Text>
          {event.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} pl="md">
              {t('evidenceSubmit:historyNote', { note: event.note })}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
