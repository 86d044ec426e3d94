import { Alert, Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../../../app/ConnectionList';
import { Loading } from '../../../app/Loading';
import { useConnectionList } from '../../../app/useConnectionList';
import { describeError } from '../../../app/errors';
import { formatMoment } from '../meetings/format';
import { FORUM_POSTS, FORUM_THREAD, FORUM_THREADS, REPLY_TO_FORUM_THREAD } from '../operations-forum';
import { PostComposer } from './PostComposer';
import { PostItem } from './PostItem';

const PAGE = 50;

interface ThreadViewProps {
  spaceId: string;
  threadId: string;
  readOnly: boolean;
  /** The link (search part) back to the list of threads. */
  listHref: string;
}

/** One thread: its posts, the oldest first, and the reply box. */
export function ThreadView({ spaceId, threadId, readOnly, listHref }: ThreadViewProps) {
  const { t, i18n } = useTranslation();
  const thread = useQuery(FORUM_THREAD, { variables: { id: threadId } });
  const posts = useConnectionList(FORUM_POSTS, 'forumPosts', { variables: { threadId, first: PAGE } });
  const [reply] = useMutation(REPLY_TO_FORUM_THREAD);
  const back = (
    <Anchor component={Link} to={listHref} data-testid="back-to-threads">
      {t('collaborationMeetings:backToThreads')}
    </Anchor>
  );

  if (thread.error) {
    return (
      <Stack gap="sm">
        {back}
        <Alert color="red" role="alert" data-testid="thread-error">
          {describeError(thread.error, t).message}
        </Alert>
      </Stack>
    );
  }
  const current = thread.data?.forumThread;
  if (!current) return <Loading label={t('collaborationMeetings:loading')} />;

  return (
    <Stack gap="md" data-testid="forum-thread-view">
      {back}
      <Stack gap={4}>
        <Title order={2} className="break-anywhere" data-testid="thread-title">
          {current.title}
        </Title>
        <Text size="sm">
          {t('collaborationMeetings:threadMeta', {
            author: current.authorName ?? t('collaborationMeetings:formerParticipant'),
            count: current.postCount,
            date: formatMoment(current.lastPostAt, i18n.language),
          })}
        </Text>
      </Stack>
      <ConnectionList list={posts} label={t('collaborationMeetings:loadMorePosts')} testId="posts-more" empty={<Text>{t('collaborationMeetings:noPosts')}</Text>}>
        <Stack gap="sm">
          {posts.nodes.map((post) => (
            <PostItem key={post.id} post={post} spaceId={spaceId} readOnly={readOnly} />
          ))}
        </Stack>
      </ConnectionList>
      {!readOnly && current.canReply && (
        <Paper withBorder p="md" component="section" aria-labelledby="reply-heading">
          <Stack gap="sm">
            <Title order={3} id="reply-heading">
              {t('collaborationMeetings:replyHeading')}
            </Title>
            <PostComposer
              spaceId={spaceId}
              idPrefix="reply"
              formLabel={t('collaborationMeetings:replyHeading')}
              bodyLabel={t('collaborationMeetings:fieldReply')}
              submitLabel={t('collaborationMeetings:sendReply')}
              onSubmit={async (values) => {
                await reply({
                  variables: { threadId, input: { body: values.body, mentionedUserIds: values.mentionedUserIds } },
                  refetchQueries: [FORUM_POSTS, FORUM_THREAD, FORUM_THREADS],
                });
              }}
            />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
