import { Alert, Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ACCESS_LEVELS, countryName, type AccessLevel } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import NotFoundPage from '../../../app/NotFoundPage';
import { describeError } from '../../../app/errors';
import { MeetingsTab } from '../meetings/MeetingsTab';
import { ForumTab } from '../forum/ForumTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { CommitmentsTab } from '../commitments/CommitmentsTab';
import type { SpaceTabProps } from '../shared/spaceTab';
import { TECHNICAL_GROUP, type GroupFields } from '../operations-groups';
import { GroupStatusBadge } from './components';
import { GroupOverview } from './GroupOverview';

export const CONTENT_TABS = ['meetings', 'forum', 'documents', 'deliverables'] as const;
export type GroupTab = 'overview' | (typeof CONTENT_TABS)[number];

const atLeast = (level: AccessLevel, min: AccessLevel) => ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(min);

/** The overview for everyone who sees the group; its work (meetings, forum, documents, deliverables) for people on a list, the moderator and administrators. */
export function groupTabs(group: Pick<GroupFields, 'myAccess'>): GroupTab[] {
  return atLeast(group.myAccess, 'MEMBER') ? ['overview', ...CONTENT_TABS] : ['overview'];
}

/**
 * /groups/:id: one technical group. Whoever may not see it gets the app's "not found" page (the API
 * answers null), the same as for a group that does not exist.
 */
export default function GroupPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(TECHNICAL_GROUP, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error && !data) {
    return (
      <Page title={t('collaborationGroups:groupsTitle')}>
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
        <Anchor component={Link} to="/groups">
          {t('collaborationGroups:backToGroups')}
        </Anchor>
      </Page>
    );
  }
  const group = data?.technicalGroup;
  if (!group) return <NotFoundPage />;
  return <GroupView group={group} />;
}

function GroupView({ group }: { group: GroupFields }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = groupTabs(group);
  const requested = params.get('tab') as GroupTab | null;
  const tab: GroupTab = requested && tabs.includes(requested) ? requested : 'overview';
  const readOnly = group.status !== 'OPEN';
  const tabProps: SpaceTabProps = {
    spaceId: group.id,
    kind: 'GROUP',
    level: group.myAccess,
    readOnly,
    parties: group.members.map((m) => ({ organisationId: m.organisationId, organisationName: m.organisationName, countryCode: m.countryCode })),
  };
  const current = group.currentCoordination;

  return (
    <Page title={group.title}>
      <Stack gap="xs">
        <Anchor component={Link} to="/groups" w="fit-content">
          {t('collaborationGroups:backToGroups')}
        </Anchor>
        <Group gap="sm" wrap="wrap">
          <GroupStatusBadge status={group.status} size="lg" />
          {current && (
            <Text size="sm" data-testid="header-coordinator">
              {t('collaborationGroups:coordinatedBy', { country: countryName(current.countryCode, i18n.language), organisation: current.organisationName })}
            </Text>
          )}
        </Group>
      </Stack>
      {readOnly && (
        <Alert color="gray" title={t('collaborationGroups:closedBannerTitle')} data-testid="closed-banner">
          {t('collaborationGroups:closedBanner')}
        </Alert>
      )}
      {tabs.length > 1 ? (
        <Tabs
          value={tab}
          onChange={(value) => {
            // Other parameters belong to the tab left behind (e.g. the forum's open thread).
            setParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true });
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('collaborationGroups:sections')} style={{ flexWrap: 'wrap' }}>
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value} data-testid={`tab-${value}`}>
                {t(`collaborationGroups:tab_${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((value) => (
            <Tabs.Panel key={value} value={value} pt="md">
              {value === 'overview' && <GroupOverview group={group} />}
              {value === 'meetings' && <MeetingsTab {...tabProps} />}
              {value === 'forum' && <ForumTab {...tabProps} />}
              {value === 'documents' && <DocumentsTab {...tabProps} />}
              {value === 'deliverables' && <CommitmentsTab {...tabProps} />}
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <GroupOverview group={group} />
      )}
    </Page>
  );
}
