import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Role, countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { useSession } from '../../../app/session';
import { MY_TECHNICAL_GROUPS, type GroupRowFields } from '../operations-groups';
import { GroupStatusBadge } from './components';
import { CreateGroupForm } from './CreateGroupForm';
import { countriesLine, formatPeriod } from './format';

const PAGE_SIZE = 20;

/** "Coordinates: México (Secretaría...) · 1 jul – 31 dic 2026", or why nobody does. */
export function coordinatorLine(row: Pick<GroupRowFields, 'status' | 'currentCoordination'>, t: (key: string, values?: Record<string, unknown>) => string, locale: string): string {
  const c = row.currentCoordination;
  if (!c) return row.status === 'OPEN' ? t('collaborationGroups:noCoordinatorYet') : t('collaborationGroups:noCoordinatorClosed');
  return t('collaborationGroups:coordinatorLine', {
    country: countryName(c.countryCode, locale),
    organisation: c.organisationName,
    period: formatPeriod(c.startsOn, c.lastDay, locale),
  });
}

/** /groups: the caller's technical groups and, for moderators and administrators, the way to create one. */
export default function GroupsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const navigate = useNavigate();
  const { me } = useSession();
  const mayCreate = !!me && (me.roles.includes(Role.Moderator) || me.roles.includes(Role.Admin));
  const [creating, setCreating] = useState(false);
  const list = useConnectionList(MY_TECHNICAL_GROUPS, 'myTechnicalGroups', { variables: { first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });

  return (
    <Page title={t('collaborationGroups:groupsTitle')}>
      <Text maw={760}>{t('collaborationGroups:groupsIntro')}</Text>
      {mayCreate &&
        (creating ? (
          <CreateGroupForm onCreated={(id) => navigate(`/groups/${id}`)} onCancel={() => setCreating(false)} />
        ) : (
          <Button w="fit-content" onClick={() => setCreating(true)} data-testid="open-create-group">
            {t('collaborationGroups:createGroup')}
          </Button>
        ))}
      <Stack gap="sm" component="section" aria-labelledby="my-groups-heading">
        <Title order={2} id="my-groups-heading">
          {t('collaborationGroups:myGroups')}
        </Title>
        <ConnectionList
          list={list}
          label={t('collaborationGroups:loadMore')}
          empty={
            <Paper withBorder p="md" data-testid="groups-empty">
              <Text>{mayCreate ? t('collaborationGroups:groupsEmptyModerator') : t('collaborationGroups:groupsEmpty')}</Text>
            </Paper>
          }
        >
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="groups-list">
            {list.nodes.map((row) => (
              <Paper key={row.id} component="li" withBorder p="md" data-testid="group-row" data-status={row.status}>
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                    <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={`/groups/${row.id}`}>
                        {row.title}
                      </Anchor>
                    </Title>
                    <GroupStatusBadge status={row.status} />
                  </Group>
                  <Text size="sm" data-testid="group-countries">
                    {t('collaborationGroups:membersLine', { countries: countriesLine(row.members, locale) })}
                  </Text>
                  <Text size="sm" c="dark.6" data-testid="group-coordinator">
                    {coordinatorLine(row, t, locale)}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        </ConnectionList>
      </Stack>
    </Page>
  );
}
