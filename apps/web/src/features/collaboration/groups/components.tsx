import { useId, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { GROUP_ORGANISATION_SEARCH, type GroupOrganisationOption, type GroupStatus } from '../operations-groups';

// Outline badges in shade 8/9: their text keeps AA contrast on white.
const STATUS_COLORS: Record<GroupStatus, string> = {
  REQUESTED: 'blue.9',
  CHANGES_REQUESTED: 'grape.9',
  OPEN: 'teal.9',
  DECLINED: 'red.9',
  CLOSED: 'gray.8',
};

/** Buttons whose label may be long (organisation names, French): the label wraps instead of widening the page on a phone. */
export const WRAPPING_BUTTON = {
  maw: '100%',
  styles: { root: { height: 'auto', paddingBlock: 6 }, label: { whiteSpace: 'normal', textAlign: 'start' } },
} as const;

export function GroupStatusBadge({ status, size }: { status: GroupStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status]} tt="none" size={size} data-testid="group-status" data-status={status}>
      {t(`collaborationGroups:status_${status}`)}
    </Badge>
  );
}

const SEARCH_MIN = 2;

/**
 * Finds active member organisations by name or country and offers each with an "Add" button (a
 * plain list of buttons: every screen reader and keyboard handles it, unlike a custom combobox).
 */
export function OrganisationPicker({ exclude, onPick, disabled }: { exclude: readonly string[]; onPick: (organisation: GroupOrganisationOption) => void; disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const resultsId = useId();
  const { data, loading, error } = useQuery(GROUP_ORGANISATION_SEARCH, {
    variables: { search: debounced, first: 10 },
    skip: debounced.length < SEARCH_MIN,
    fetchPolicy: 'cache-and-network',
  });
  const options = debounced.length < SEARCH_MIN ? [] : (data?.tableOrganisationSearch ?? []).filter((o) => !exclude.includes(o.id));

  return (
    <Stack gap="xs">
      <TextInput
        label={t('collaborationGroups:searchOrganisations')}
        description={t('collaborationGroups:searchOrganisationsHelp')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        aria-controls={resultsId}
        disabled={disabled}
        data-testid="organisation-search"
      />
      <div id={resultsId} aria-live="polite">
        {error && (
          <Alert color="red" role="alert">
            {describeError(error, t).message}
          </Alert>
        )}
        {loading && debounced.length >= SEARCH_MIN && !data && <Loader size="sm" aria-hidden="true" />}
        {debounced.length >= SEARCH_MIN && !loading && !error && options.length === 0 && (
          <Text size="sm" data-testid="organisation-search-empty">
            {t('collaborationGroups:searchNoResults')}
          </Text>
        )}
        {options.length > 0 && (
          <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} data-testid="organisation-results">
            {options.map((o) => (
              <Group component="li" key={o.id} justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {o.name} · {countryName(o.countryCode, i18n.language)}
                </Text>
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => {
                    onPick(o);
                    setSearch('');
                  }}
                  aria-label={t('collaborationGroups:addOrganisationNamed', { name: o.name })}
                  data-testid="pick-organisation"
                >
                  {t('collaborationGroups:addOrganisation')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
      </div>
    </Stack>
  );
}

/** A yes/no question before something that cannot be undone, with the server's refusal shown inside. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy,
  failure,
  testId,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy: boolean;
  failure: string | null;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('collaborationGroups:closeDialog') }}>
      <Stack gap="md">
        <Text>{children}</Text>
        {failure && (
          <Alert color="red" role="alert" data-testid={`${testId}-failure`}>
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('collaborationGroups:cancel')}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={busy} data-testid={`${testId}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
