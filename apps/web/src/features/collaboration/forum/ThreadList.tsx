import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConnectionList } from '../../../app/ConnectionList';
import { useConnectionList } from '../../../app/useConnectionList';
import { formatMoment } from '../meetings/format';
import { CREATE_FORUM_THREAD, FORUM_THREADS } from '../operations-forum';
import { PostComposer } from './PostComposer';

const PAGE = 20;

interface ThreadListProps {
  spaceId: string;
  readOnly: boolean;
  /** The link (search part) that opens a thread. */
  threadHref: (threadId: string) => string;
  onCreated: (threadId: string) => void;
}

/** The forum's threads, the most recent activity first, and the form that starts one. */
export function ThreadList({ spaceId, readOnly, threadHref, onCreated }: ThreadListProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [formOpen, setFormOpen] = useState(false);
  const list = useConnectionList(FORUM_THREADS, 'forumThreads', { variables: { spaceId, first: PAGE } });
  const [createThread] = useMutation(CREATE_FORUM_THREAD);

  return (
    <Stack gap="lg" data-testid="forum-threads">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={2}>{t('collaborationMeetings:forumHeading')}</Title>
        {!readOnly && !formOpen && (
          <Button onClick={() => setFormOpen(true)} data-testid="new-thread">
            {t('collaborationMeetings:newThread')}
          </Button>
        )}
      </Group>
      {!readOnly && formOpen && (
        <Paper withBorder p="md" component="section" aria-labelledby="new-thread-heading">
          <Stack gap="sm">
            <Title order={3} id="new-thread-heading">
              {t('collaborationMeetings:newThread')}
            </Title>
            <PostComposer
              spaceId={spaceId}
              idPrefix="new-thread"
              formLabel={t('collaborationMeetings:newThread')}
              bodyLabel={t('collaborationMeetings:fieldFirstPost')}
              submitLabel={t('collaborationMeetings:startThread')}
              withTitle
              onSubmit={async (values) => {
                const result = await createThread({ variables: { spaceId, input: values }, refetchQueries: [FORUM_THREADS] });
                if (result.data) onCreated(result.data.createForumThread.id);
              }}
              onCancel={() => setFormOpen(false)}
            />
          </Stack>
        </Paper>
      )}
      <ConnectionList
        list={list}
        label={t('collaborationMeetings:loadMoreThreads')}
        testId="threads-more"
        empty={<Text data-testid="threads-empty">{t('collaborationMeetings:noThreads')}</Text>}
      >
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('collaborationMeetings:threadListLabel')}>
          {list.nodes.map((thread) => (
            <Paper key={thread.id} component="li" withBorder p="md" data-testid="forum-thread">
              <Stack gap={4}>
                <Anchor component={Link} to={threadHref(thread.id)} fw={700} className="break-anywhere" data-testid="thread-link">
                  {thread.title}
                </Anchor>
                <Text size="sm">
                  {t('collaborationMeetings:threadMeta', {
                    author: thread.authorName ?? t('collaborationMeetings:formerParticipant'),
                    count: thread.postCount,
                    date: formatMoment(thread.lastPostAt, locale),
                  })}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      </ConnectionList>
    </Stack>
  );
}
