import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { i18n } from '../../../app/i18n';
import type { ForumPostFields, ForumThreadFields, SpaceMemberFields } from '../operations-forum';
import { connection, expectNoAxeViolations, fill, renderTab, tabProps, texts } from '../meetings/render-tab';
import { ForumTab } from './ForumTab';
import { addMention, mentionedIn } from './mentions';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
const es = texts('collaborationMeetings', 'es');

beforeEach(async () => {
  await i18n.changeLanguage('es');
});
afterEach(() => cleanup());

const members: SpaceMemberFields[] = [
  { __typename: 'SpaceMember', id: 'u-camila', name: 'Camila Fuentes', organisationName: 'Ministerio de Educación de Chile', moderator: false },
  { __typename: 'SpaceMember', id: 'u-marcelo', name: 'Marcelo Moderador', organisationName: null, moderator: true },
  { __typename: 'SpaceMember', id: 'u-rosa', name: 'Rosa Quispe', organisationName: 'Ministerio de Educación del Perú', moderator: false },
];

const thread = (overrides: Partial<ForumThreadFields> = {}): ForumThreadFields => ({
  __typename: 'ForumThread',
  id: 't-1',
  spaceId: 'space-1',
  title: 'Evaluación formativa: instrumentos',
  authorId: 'u-rosa',
  authorName: 'Rosa Quispe',
  createdAt: '2026-11-02T14:00:00.000Z',
  lastPostAt: '2026-11-03T15:00:00.000Z',
  postCount: 3,
  canReply: true,
  ...overrides,
});

const post = (overrides: Partial<ForumPostFields> = {}): ForumPostFields => ({
  __typename: 'ForumPost',
  id: 'p-1',
  threadId: 't-1',
  authorId: 'u-rosa',
  authorName: 'Rosa Quispe',
  authorOrganisation: 'Ministerio de Educación del Perú',
  body: 'Compartimos el **marco** de Perú.',
  bodyHtml: '<p>Compartimos el <strong>marco</strong> de Perú.</p>\n',
  createdAt: '2026-11-02T14:00:00.000Z',
  editedAt: '2026-11-02T16:00:00.000Z',
  hidden: false,
  hiddenAt: null,
  hiddenReason: null,
  canEdit: false,
  canModerate: false,
  ...overrides,
});

const hiddenPost = post({
  id: 'p-2',
  authorId: 'u-camila',
  authorName: 'Camila Fuentes',
  authorOrganisation: 'Ministerio de Educación de Chile',
  body: null,
  bodyHtml: null,
  editedAt: null,
  hidden: true,
  hiddenAt: '2026-11-03T10:00:00.000Z',
  hiddenReason: 'Contiene datos personales.',
});

const lookups = {
  SpaceMembers: () => ({ data: { spaceMembers: members } }),
  ForumThreads: () => ({ data: { forumThreads: connection([thread(), thread({ id: 't-2', title: 'Calendario', postCount: 1 })], 'ForumThread') } }),
  ForumThread: () => ({ data: { forumThread: thread() } }),
  ForumPosts: () => ({ data: { forumPosts: connection([post(), hiddenPost], 'ForumPost') } }),
  ForumPostRevisions: () => ({
    data: { forumPostRevisions: [{ __typename: 'ForumPostRevision', id: 'r-1', replacedAt: '2026-11-02T16:00:00.000Z', body: 'Versión 1', bodyHtml: '<p>Versión 1</p>\n' }] },
  }),
};

describe('mentions', () => {
  it('writes @Name into the text once and finds the people a text names', () => {
    expect(addMention('', 'Camila Fuentes')).toBe('@Camila Fuentes ');
    expect(addMention('Hola', 'Camila Fuentes')).toBe('Hola @Camila Fuentes ');
    expect(addMention('Hola @Camila Fuentes', 'Camila Fuentes')).toBe('Hola @Camila Fuentes');
    expect(mentionedIn('@Rosa Quispe y @Camila Fuentes', members)).toEqual(['u-camila', 'u-rosa']);
  });
});

describe('ForumTab', () => {
  it('lists threads newest first, opens one through the address and shows posts, a hidden post’s reason and the edit history', async () => {
    const { container } = renderTab(<ForumTab {...tabProps()} />, lookups, '/tables/space-1?tab=forum');
    const list = await screen.findByRole('list', { name: es.threadListLabel });
    expect(within(list).getAllByTestId('thread-link').map((a) => a.textContent)).toEqual(['Evaluación formativa: instrumentos', 'Calendario']);
    expect(within(list).getAllByTestId('forum-thread')[0]).toHaveTextContent(/Iniciado por Rosa Quispe · 3 mensajes/);
    expect(within(list).getAllByTestId('thread-link')[0]).toHaveAttribute('href', '/tables/space-1?tab=forum&thread=t-1');
    await expectNoAxeViolations(container);

    fireEvent.click(within(list).getAllByTestId('thread-link')[0]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Evaluación formativa: instrumentos' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/tables/space-1?tab=forum&thread=t-1');
    const [first, hidden] = await screen.findAllByTestId('forum-post');
    expect(within(first).getByTestId('post-body').innerHTML).toContain('<strong>marco</strong>');
    expect(within(first).getByTestId('post-edited')).toHaveTextContent(es.edited);
    expect(within(hidden).getByTestId('post-hidden-notice')).toHaveTextContent(fill(es.hiddenByModerator, { reason: 'Contiene datos personales.' }));
    expect(within(hidden).queryByTestId('post-body')).toBeNull();
    expect(within(hidden).queryByTestId('post-hide')).toBeNull();

    fireEvent.click(within(first).getByTestId('post-history-toggle'));
    const revision = await within(first).findByTestId('post-revision');
    expect(revision).toHaveTextContent('Versión 1');
    await expectNoAxeViolations(container);

    fireEvent.click(screen.getByTestId('back-to-threads'));
    expect(await screen.findByRole('list', { name: es.threadListLabel })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/tables\/space-1\?tab=forum$/);
  });

  it('replies with a mention picked from the members: the text names the person and the id is sent', async () => {
    const { requests } = renderTab(
      <ForumTab {...tabProps()} />,
      { ...lookups, ReplyToForumThread: () => ({ data: { replyToForumThread: post({ id: 'p-3', body: 'x', bodyHtml: '<p>x</p>', editedAt: null }) } }) },
      '/tables/space-1?tab=forum&thread=t-1',
    );
    const form = await screen.findByRole('form', { name: es.replyHeading });
    fireEvent.click(within(form).getByTestId('reply-submit'));
    expect(await within(form).findByText(es.postInvalid)).toBeInTheDocument();

    fireEvent.change(within(form).getByTestId('reply-body'), { target: { value: '¿Puede revisar el informe?' } });
    const picker = within(form).getByLabelText(es.fieldMentions);
    act(() => picker.focus());
    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole('option', { name: /Camila Fuentes — Ministerio de Educación de Chile/, hidden: true }));
    await waitFor(() => expect(within(form).getByTestId('reply-body')).toHaveValue('¿Puede revisar el informe? @Camila Fuentes '));
    fireEvent.click(within(form).getByTestId('reply-submit'));
    await waitFor(() =>
      expect(requests.find((r) => r.operationName === 'ReplyToForumThread')?.variables).toEqual({
        threadId: 't-1',
        input: { body: '¿Puede revisar el informe? @Camila Fuentes', mentionedUserIds: ['u-camila'] },
      }),
    );
  });

  it('lets the moderator hide a post only with a reason, and offers nothing to change in a closed space', async () => {
    const moderated = { ...lookups, ForumPosts: () => ({ data: { forumPosts: connection([post({ canModerate: true })], 'ForumPost') } }) };
    const { requests } = renderTab(
      <ForumTab {...tabProps({ level: 'MODERATOR' })} />,
      { ...moderated, HideForumPost: () => ({ data: { hideForumPost: post({ hidden: true, hiddenReason: 'Fuera de tema.', canModerate: true }) } }) },
      '/tables/space-1?tab=forum&thread=t-1',
    );
    const item = await screen.findByTestId('forum-post');
    fireEvent.click(within(item).getByTestId('post-hide'));
    fireEvent.click(within(item).getByTestId('hide-submit'));
    expect(await within(item).findByText(es.reasonRequired)).toBeInTheDocument();
    expect(requests.some((r) => r.operationName === 'HideForumPost')).toBe(false);
    fireEvent.change(within(item).getByTestId('hide-reason'), { target: { value: 'Fuera de tema.' } });
    fireEvent.click(within(item).getByTestId('hide-submit'));
    await waitFor(() => expect(requests.find((r) => r.operationName === 'HideForumPost')?.variables).toEqual({ id: 'p-1', reason: 'Fuera de tema.' }));
    cleanup();

    renderTab(<ForumTab {...tabProps({ level: 'MODERATOR', readOnly: true })} />, moderated, '/tables/space-1?tab=forum&thread=t-1');
    const closed = await screen.findByTestId('forum-post');
    expect(within(closed).queryByTestId('post-hide')).toBeNull();
    expect(screen.queryByRole('form', { name: es.replyHeading })).toBeNull();
  });
});
