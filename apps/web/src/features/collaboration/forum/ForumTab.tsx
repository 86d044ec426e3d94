import { Alert } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SpaceTabProps } from '../shared/spaceTab';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';

const MEMBER_LEVELS = ['MEMBER', 'MODERATOR', 'ADMIN'];

/**
 * The forum tab of a working table or technical group. The open thread lives in the address
 * (?tab=forum&thread=<id>), so a thread can be linked, bookmarked and reached with Back.
 */
export function ForumTab(props: SpaceTabProps) {
  const { t } = useTranslation();
  if (!MEMBER_LEVELS.includes(props.level)) {
    return (
      <Alert color="blue" data-testid="forum-members-only">
        {t(`collaborationMeetings:forumMembersOnly_${props.kind}`)}
      </Alert>
    );
  }
  return <Forum {...props} />;
}

function Forum({ spaceId, readOnly }: SpaceTabProps) {
  const [params, setParams] = useSearchParams();
  const threadId = params.get('thread');

  // Other parameters of the page stay as they are; only the forum's own change.
  const href = (thread: string | null): string => {
    const next = new URLSearchParams(params);
    next.set('tab', 'forum');
    if (thread) next.set('thread', thread);
    else next.delete('thread');
    return `?${next.toString()}`;
  };

  if (threadId) return <ThreadView key={threadId} spaceId={spaceId} threadId={threadId} readOnly={readOnly} listHref={href(null)} />;
  return <ThreadList spaceId={spaceId} readOnly={readOnly} threadHref={href} onCreated={(id) => setParams(new URLSearchParams(href(id).slice(1)))} />;
}
