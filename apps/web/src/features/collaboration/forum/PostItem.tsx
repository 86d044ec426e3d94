import { useRef, useState, type FormEvent } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COLLABORATION_LIMITS } from '@alliance/shared-core';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { apiFieldMessages } from '../../certificates/format';
import { formatMoment } from '../meetings/format';
import { EDIT_FORUM_POST, FORUM_POST_REVISIONS, HIDE_FORUM_POST, UNHIDE_FORUM_POST, type ForumPostFields } from '../operations-forum';
import { PostComposer } from './PostComposer';

type Mode = 'view' | 'edit' | 'hide';

interface PostItemProps {
  post: ForumPostFields;
  spaceId: string;
  readOnly: boolean;
}

/** One post: author, date, text (or the moderator's reason when hidden), edit history, the author's and moderators' actions. */
export function PostItem({ post, spaceId, readOnly }: PostItemProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [mode, setMode] = useState<Mode>('view');
  const [historyOpen, setHistoryOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [editPost] = useMutation(EDIT_FORUM_POST);
  const [unhidePost, unhiding] = useMutation(UNHIDE_FORUM_POST);
  const headerId = `post-${post.id}-header`;
  const author = post.authorName ?? t('collaborationMeetings:formerParticipant');

  const unhide = async () => {
    setFailure(null);
    try {
      await unhidePost({ variables: { id: post.id } });
    } catch (error) {
      setFailure(describeError(error, t).message);
    }
  };

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headerId} data-testid="forum-post" data-post-id={post.id} data-hidden={post.hidden}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap" id={headerId}>
          <Text fw={700} className="break-anywhere">
            {author}
          </Text>
          {post.authorOrganisation && (
            <Text size="sm" className="break-anywhere">
              {post.authorOrganisation}
            </Text>
          )}
          <Text size="sm" component="time" dateTime={post.createdAt}>
            {formatMoment(post.createdAt, locale)}
          </Text>
          {post.editedAt && (
            <Badge variant="outline" color="gray.8" data-testid="post-edited">
              {t('collaborationMeetings:edited')}
            </Badge>
          )}
        </Group>
        {post.hidden && (
          <Alert color="gray" data-testid="post-hidden-notice">
            {t('collaborationMeetings:hiddenByModerator', { reason: post.hiddenReason ?? '' })}
          </Alert>
        )}
        {post.hidden && post.bodyHtml !== null && <Text size="sm">{t('collaborationMeetings:hiddenModeratorsSee')}</Text>}
        {mode !== 'edit' && post.bodyHtml !== null && <div className="break-anywhere" data-testid="post-body" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {mode === 'view' && (
          <Group gap="xs" wrap="wrap">
            {post.editedAt && post.bodyHtml !== null && (
              <Button variant="subtle" size="compact-sm" onClick={() => setHistoryOpen((open) => !open)} aria-expanded={historyOpen} data-testid="post-history-toggle">
                {historyOpen ? t('collaborationMeetings:hideHistory') : t('collaborationMeetings:showHistory')}
              </Button>
            )}
            {!readOnly && post.canEdit && (
              <Button variant="default" size="compact-sm" onClick={() => setMode('edit')} data-testid="post-edit">
                {t('collaborationMeetings:editPost')}
              </Button>
            )}
            {!readOnly && post.canModerate && !post.hidden && (
              <Button variant="outline" color="red.9" size="compact-sm" onClick={() => setMode('hide')} data-testid="post-hide">
                {t('collaborationMeetings:hidePost')}
              </Button>
            )}
            {!readOnly && post.canModerate && post.hidden && (
              <Button variant="default" size="compact-sm" onClick={() => void unhide()} loading={unhiding.loading} data-testid="post-unhide">
                {t('collaborationMeetings:unhidePost')}
              </Button>
            )}
          </Group>
        )}
        {mode === 'edit' && post.body !== null && (
          <PostComposer
            spaceId={spaceId}
            idPrefix={`edit-${post.id}`}
            formLabel={t('collaborationMeetings:editFormLabelPost', { author })}
            bodyLabel={t('collaborationMeetings:fieldPost')}
            submitLabel={t('collaborationMeetings:saveChanges')}
            initialBody={post.body}
            onSubmit={async (values) => {
              await editPost({ variables: { id: post.id, input: { body: values.body, mentionedUserIds: values.mentionedUserIds } } });
              setMode('view');
            }}
            onCancel={() => setMode('view')}
          />
        )}
        {mode === 'hide' && <HideForm post={post} onDone={() => setMode('view')} />}
        {historyOpen && <PostHistory postId={post.id} />}
      </Stack>
    </Paper>
  );
}

/** The moderator's reason, required: members see it instead of the text. */
function HideForm({ post, onDone }: { post: ForumPostFields; onDone: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [hidePost, hiding] = useMutation(HIDE_FORUM_POST);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!reason.trim()) {
      setError(t('collaborationMeetings:reasonRequired'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    try {
      await hidePost({ variables: { id: post.id, reason: reason.trim() } });
      onDone();
    } catch (e) {
      setError(apiFieldMessages(e).reason ?? null);
      setFailure(describeError(e, t).message);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('collaborationMeetings:hideFormLabel')} data-testid="hide-form">
      <Stack gap="sm">
        <Textarea
          ref={inputRef}
          id={`hide-${post.id}-reason`}
          label={t('collaborationMeetings:fieldHideReason')}
          description={t('collaborationMeetings:fieldHideReasonHelp')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          maxLength={COLLABORATION_LIMITS.reasonMax}
          required
          data-testid="hide-reason"
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" color="red.9" loading={hiding.loading} data-testid="hide-submit">
            {t('collaborationMeetings:hidePost')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('collaborationMeetings:cancelForm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Earlier texts of a post, the most recent first. */
function PostHistory({ postId }: { postId: string }) {
  const { t, i18n } = useTranslation();
  const history = useQuery(FORUM_POST_REVISIONS, { variables: { postId }, fetchPolicy: 'cache-and-network' });
  const revisions = history.data?.forumPostRevisions;
  return (
    <Box data-testid="post-history">
      <Title order={3} size="h5">{t('collaborationMeetings:historyHeading')}</Title>
      {history.error && (
        <Alert color="red" role="alert">
          {describeError(history.error, t).message}
        </Alert>
      )}
      {!revisions && history.loading && <Loading label={t('collaborationMeetings:loading')} />}
      {revisions && revisions.length === 0 && <Text size="sm">{t('collaborationMeetings:historyEmpty')}</Text>}
      <Stack gap="xs" mt="xs">
        {revisions?.map((revision) => (
          <Paper key={revision.id} p="sm" bg="gray.0" data-testid="post-revision">
            <Text size="sm" fw={600}>
              {t('collaborationMeetings:replacedOn', { date: formatMoment(revision.replacedAt, i18n.language) })}
            </Text>
            <div className="break-anywhere" dangerouslySetInnerHTML={{ __html: revision.bodyHtml }} />
          </Paper>
        ))}
      </Stack>
    </Box>
  );
}
