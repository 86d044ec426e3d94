import { useId, useMemo } from 'react';
import { Badge, Box, List, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { charterBlocks, formatMoment } from './format';
import type { ApplicationEventFields, ApplicationStatus, CharterFields, CountryFields, SubRegion } from './operations';

const STATUS_COLOURS: Record<ApplicationStatus, string> = {
  SUBMITTED: 'blue.9',
  UNDER_REVIEW: 'violet.9',
  CHANGES_REQUESTED: 'grape.9',
  APPROVED: 'teal.9',
  REJECTED: 'red.9',
  WITHDRAWN: 'gray.8',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    // max-content: a narrow column must not cut the status down to "CAMB…".
    <Badge color={STATUS_COLOURS[status]} variant="filled" miw="max-content" data-testid="application-status" data-status={status}>
      {t(`allianceUi:status_${status}`)}
    </Badge>
  );
}

/** Who moved the application, when, from which status to which, and the note they left. */
export function ApplicationHistory({ events }: { events: ApplicationEventFields[] }) {
  const { t, i18n } = useTranslation();
  const ordered = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <Timeline active={ordered.length - 1} bulletSize={14} lineWidth={2} data-testid="application-history">
      {ordered.map((event) => (
        <Timeline.Item
          key={event.id}
          data-testid="application-event"
          title={
            <Text fw={600} component="span">
              {event.fromStatus
                ? t('allianceUi:eventMoved', {
                    from: t(`allianceUi:status_${event.fromStatus}`),
                    to: t(`allianceUi:status_${event.toStatus}`),
                  })
                : t(`allianceUi:status_${event.toStatus}`)}
            </Text>
          }
        >
          <Text size="sm" c="dimmed">
            {t('allianceUi:eventBy', { name: event.actorName, date: formatMoment(event.createdAt, i18n.language) })}
          </Text>
          {event.note && (
            <Text size="sm" mt={4} className="break-anywhere" style={{ whiteSpace: 'pre-wrap' }} data-testid="event-note">
              {event.note}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** The charter's text in a scrollable, keyboard-reachable region; Markdown is shown as plain blocks. */
export function CharterText({ charter }: { charter: CharterFields }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const blocks = useMemo(() => charterBlocks(charter.text), [charter.text]);
  // Consecutive list items become one list.
  const groups: Array<{ kind: 'heading' | 'paragraph'; text: string } | { kind: 'list'; items: string[] }> = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.kind === 'item') {
      if (last?.kind === 'list') last.items.push(block.text);
      else groups.push({ kind: 'list', items: [block.text] });
    } else groups.push({ kind: block.kind, text: block.text });
  }
  return (
    <Stack gap="xs">
      <Title order={3} size="h4" id={titleId}>
        {t('allianceUi:charterVersion', { version: charter.version, date: formatMoment(charter.publishedAt, i18n.language) })}
      </Title>
      <Box
        role="region"
        aria-labelledby={titleId}
        tabIndex={0}
        data-testid="charter-text"
        p="md"
        style={{ maxHeight: 320, overflowY: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8 }}
      >
        <Stack gap="sm">
          {groups.map((group, index) =>
            group.kind === 'list' ? (
              <List key={index} spacing={4}>
                {group.items.map((item, itemIndex) => (
                  <List.Item key={itemIndex}>{item}</List.Item>
                ))}
              </List>
            ) : group.kind === 'heading' ? (
              <Text key={index} fw={700}>
                {group.text}
              </Text>
            ) : (
              <Text key={index}>{group.text}</Text>
            ),
          )}
        </Stack>
      </Box>
    </Stack>
  );
}

const SUB_REGION_ORDER: SubRegion[] = ['SOUTH_AMERICA', 'CENTRAL_AMERICA_MEXICO', 'CARIBBEAN', 'OBSERVER'];

/** Countries for a native select, grouped by sub-region and sorted in the reader's language. */
export function useCountryOptions(countries: CountryFields[] | undefined, placeholder: string) {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    const groups = SUB_REGION_ORDER.map((region) => ({
      group: t(`allianceUi:subRegion_${region}`),
      items: (countries ?? [])
        .filter((country) => (region === 'OBSERVER' ? country.observer || country.subRegion === 'OBSERVER' : !country.observer && country.subRegion === region))
        .sort((a, b) => collator.compare(a.name, b.name))
        .map((country) => ({ value: country.code, label: country.name })),
    })).filter((group) => group.items.length > 0);
    return [{ value: '', label: placeholder, disabled: true }, ...groups];
  }, [countries, placeholder, i18n.language, t]);
}
