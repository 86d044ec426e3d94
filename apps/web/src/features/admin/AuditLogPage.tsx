import { Fragment, useId, useState } from 'react';
import { Button, Code, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LIMITS } from '@alliance/shared-core';
import { Page } from '../../app/Page';
import { ScrollTable } from '../../app/ScrollTable';
import { ConnectionList } from '../../app/ConnectionList';
import { useConnectionList } from '../../app/useConnectionList';
import { AUDIT_ACTIONS_QUERY, AUDIT_ACTOR_SEARCH, AUDIT_LOG_QUERY, type AuditEntryFields } from './operations-audit';

/** The label of an action code (i18next reads dots as nesting, so the keys use underscores). */
function actionLabel(t: TFunction, action: string): string {
  return t(`audit:action_${action.replace(/\./g, '_')}`, { defaultValue: action });
}

/** A JSON value as a person reads it: strings without quotes, nothing as a dash. */
function showValue(json: string | null, t: TFunction): string {
  if (json == null) return t('audit:empty');
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return t('audit:empty');
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return json;
  }
}

/** A day picked in a date input, as the start (or end) of that day in the reader's time zone. */
function dayBound(day: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function EntryDetails({ entry, id, when }: { entry: AuditEntryFields; id: string; when: string }) {
  const { t } = useTranslation();
  const params = entry.params && entry.params !== '{}' ? entry.params : null;
  return (
    <Stack gap="xs" id={id} data-testid="audit-details">
      {entry.changes.length === 0 ? (
        <Text size="sm">{t('audit:noChanges')}</Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} aria-label={t('audit:detailsFor', { action: actionLabel(t, entry.action), when })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('audit:field')}</Table.Th>
              <Table.Th scope="col">{t('audit:before')}</Table.Th>
              <Table.Th scope="col">{t('audit:after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.changes.map((change) => (
              <Table.Tr key={change.field}>
                <Table.Th scope="row" fw={500}>
                  {change.field}
                </Table.Th>
                <Table.Td className="break-anywhere">{showValue(change.before, t)}</Table.Td>
                <Table.Td className="break-anywhere">{showValue(change.after, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {params && (
        <Text size="sm" component="div">
          {t('audit:params')}: <Code className="break-anywhere">{params}</Code>
        </Text>
      )}
      {(entry.ip || entry.requestId) && (
        <Text size="sm" c="dark.6">
          {t('audit:origin', { ip: entry.ip ?? t('audit:empty'), requestId: entry.requestId ?? t('audit:empty') })}
        </Text>
      )}
    </Stack>
  );
}

function EntryRow({ entry, dateFormat }: { entry: AuditEntryFields; dateFormat: Intl.DateTimeFormat }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const when = dateFormat.format(new Date(entry.createdAt));
  return (
    <Fragment>
      <Table.Tr data-testid="audit-row">
        <Table.Td>
          <time dateTime={entry.createdAt}>{when}</time>
        </Table.Td>
        <Table.Td>{entry.actorId ? (entry.actorName ?? t('audit:empty')) : t('audit:system')}</Table.Td>
        <Table.Th scope="row" fw={500}>
          {actionLabel(t, entry.action)}
        </Table.Th>
        <Table.Td className="break-anywhere">
          <Text size="xs" c="dark.6" component="span" display="block">
            {t(`audit:target_${entry.targetType}`, { defaultValue: entry.targetType })}
          </Text>
          {entry.targetLabel ?? entry.targetId ?? t('audit:empty')}
        </Table.Td>
        <Table.Td>
          <Button size="compact-sm" variant="default" aria-expanded={open} aria-controls={open ? detailsId : undefined} onClick={() => setOpen(!open)}>
            {t(open ? 'audit:hideDetails' : 'audit:showDetails')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <EntryDetails entry={entry} id={detailsId} when={when} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

/** Administrators: every administrative and moderation action, newest first, filterable. */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState('');
  const [actorSearch, setActorSearch] = useState('');
  const [actorId, setActorId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debouncedActorSearch] = useDebouncedValue(actorSearch.trim(), 300);

  const actions = useQuery(AUDIT_ACTIONS_QUERY);
  const actorMatches = useQuery(AUDIT_ACTOR_SEARCH, { variables: { search: debouncedActorSearch }, skip: !debouncedActorSearch });
  const people = debouncedActorSearch ? (actorMatches.data?.users.edges.map((edge) => edge.node) ?? []) : [];

  const filter = {
    action: action || null,
    actorId: actorId || null,
    from: from ? dayBound(from, false) : null,
    to: to ? dayBound(to, true) : null,
  };
  const list = useConnectionList(AUDIT_LOG_QUERY, 'auditLog', { variables: { first: LIMITS.pageSizeDefault, filter }, fetchPolicy: 'cache-and-network' });
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const filtered = Boolean(action || actorId || actorSearch || from || to);

  const clear = () => {
    setAction('');
    setActorSearch('');
    setActorId('');
    setFrom('');
    setTo('');
  };

  return (
    <Page title={t('audit:title')}>
      <Text maw={760}>{t('audit:intro')}</Text>
      <Stack component="section" aria-label={t('audit:filters')} gap="sm">
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('audit:filterAction')}
            value={action}
            onChange={(e) => setAction(e.currentTarget.value)}
            data={[{ value: '', label: t('audit:allActions') }, ...(actions.data?.auditActions ?? []).map((code) => ({ value: code, label: actionLabel(t, code) }))]}
            w={{ base: '100%', sm: 300 }}
            data-testid="audit-filter-action"
          />
          <TextInput
            label={t('audit:filterActor')}
            type="search"
            value={actorSearch}
            onChange={(e) => {
              setActorSearch(e.currentTarget.value);
              setActorId('');
            }}
            w={{ base: '100%', sm: 260 }}
            data-testid="audit-filter-actor-search"
          />
          <NativeSelect
            label={t('audit:colWho')}
            value={actorId}
            onChange={(e) => setActorId(e.currentTarget.value)}
            data={[{ value: '', label: t('audit:anyActor') }, ...people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))]}
            disabled={people.length === 0}
            w={{ base: '100%', sm: 260 }}
            data-testid="audit-filter-actor"
          />
        </Group>
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t('audit:filterFrom')} type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={{ base: '100%', sm: 200 }} data-testid="audit-filter-from" />
          <TextInput label={t('audit:filterTo')} type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={{ base: '100%', sm: 200 }} data-testid="audit-filter-to" />
          {filtered && (
            <Button variant="default" onClick={clear}>
              {t('audit:clear')}
            </Button>
          )}
        </Group>
      </Stack>

      <Stack>
        <ConnectionList list={list} label={t('audit:loadMore')} testId="audit-load-more" empty={<Text role="status">{t('audit:noResults')}</Text>}>
          <Text role="status">{t('audit:showing', { shown: list.nodes.length, total: list.connection?.totalCount ?? 0 })}</Text>
          <ScrollTable minWidth={720} label={t('audit:title')}>
            <Table striped verticalSpacing="sm" aria-labelledby="page-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('audit:colWhen')}</Table.Th>
                  <Table.Th scope="col">{t('audit:colWho')}</Table.Th>
                  <Table.Th scope="col">{t('audit:colWhat')}</Table.Th>
                  <Table.Th scope="col">{t('audit:colTarget')}</Table.Th>
                  <Table.Th scope="col">{t('audit:colDetails')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.nodes.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} dateFormat={dateFormat} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </ConnectionList>
      </Stack>
    </Page>
  );
}
