import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '@alliance/server-graphql';
import { appError, UsersService } from '@alliance/server-identity';
import { ErrorCode, Role } from '@alliance/shared-core';
import { CollaborationAccessService, type CollaborationViewer } from './access';
import { ForumService } from './forum.service';
import { createCollaborationTestApp } from './testing/collaboration-test-app';
import { grantOrganisationRole, insertSpace, makeMinistry, makePerson } from './testing/collaboration-fixtures';

async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('ForumService (real PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let forum: ForumService;
  let access: CollaborationAccessService;
  let users: UsersService;
  const saved = { ...process.env };

  let author: SessionUser;
  let member: SessionUser;
  let colleague: SessionUser;
  let moderator: SessionUser;
  let admin: SessionUser;
  let outsider: SessionUser;
  let otherSpaceMember: SessionUser;
  let representative: SessionUser;
  let spaceId: string;
  let spaceTitle: string;
  let peruName: string;

  const as = (user: SessionUser | undefined): CollaborationViewer | undefined => access.viewerFor(user, 'es');
  const mentionsOf = async (userId: string): Promise<Array<{ data: Record<string, string>; link: string; dedupe_key: string }>> =>
    dataSource.query(`SELECT data, link, dedupe_key FROM notification WHERE user_id = $1 AND type = 'collaboration.mention' ORDER BY created_at`, [userId]);

  beforeAll(async () => {
    Object.assign(process.env, { QUEUE_DRIVER: 'inprocess', SMTP_URL: '', PUBLIC_URL: 'https://portal.example' });
    app = await createCollaborationTestApp('collaboration-forum-test');
    dataSource = app.get<DataSource>(getDataSourceToken());
    forum = app.get(ForumService);
    access = app.get(CollaborationAccessService);
    users = app.get(UsersService);
    author = await makePerson(users, 'Rosa Quispe', [], 'PE');
    colleague = await makePerson(users, 'Julio Mamani', [], 'PE');
    member = await makePerson(users, 'Camila Fuentes', [], 'CL');
    moderator = await makePerson(users, 'Marcelo Moderador', [Role.Moderator], 'AR');
    admin = await makePerson(users, 'Ada Administradora', [Role.Admin], 'PA');
    outsider = await makePerson(users, 'Olga Externa', [], 'CO');
    otherSpaceMember = await makePerson(users, 'Pedro Otra Mesa', [], 'UY');
    representative = await makePerson(users, 'Ricardo Representante', [], 'CL');
    peruName = `Ministerio de Educación del Perú ${Date.now()}`;
    const peru = await makeMinistry(dataSource, 'PE', peruName);
    const chile = await makeMinistry(dataSource, 'CL');
    await grantOrganisationRole(dataSource, representative.id, chile, 'REPRESENTATIVE');
    spaceTitle = `Foro PE-CL ${Date.now()}`;
    ({ spaceId } = await insertSpace(dataSource, {
      title: spaceTitle,
      moderatorId: moderator.id,
      parties: [
        { organisationId: peru, participantIds: [author.id, colleague.id] },
        { organisationId: chile, participantIds: [member.id] },
      ],
    }));
    await insertSpace(dataSource, { parties: [{ organisationId: await makeMinistry(dataSource, 'UY'), participantIds: [otherSpaceMember.id] }] });
  });

  afterAll(async () => {
    await app?.close();
    process.env = saved;
  });

  it('creates threads and replies; threads come newest activity first with post counts, posts oldest first, in pages', async () => {
    const first = await forum.createThread(as(author), spaceId, { title: 'Evaluación formativa: instrumentos', body: 'Compartimos el **marco** de Perú.' });
    const second = await forum.createThread(as(member), spaceId, { title: 'Calendario de la próxima sesión', body: '¿Les parece el martes?' });
    expect(first).toMatchObject({ title: 'Evaluación formativa: instrumentos', postCount: 1, canReply: true, authorId: author.id });

    const reply = await forum.reply(as(member), first.id, { body: 'Gracias, lo revisamos.' });
    expect(reply).toMatchObject({ threadId: first.id, authorId: member.id, body: 'Gracias, lo revisamos.', bodyHtml: '<p>Gracias, lo revisamos.</p>\n', canEdit: true, canModerate: false, hidden: false });
    await forum.reply(as(colleague), first.id, { body: 'Adjuntaremos el informe.' });

    const threads = await forum.threads(as(member), spaceId, { first: 1 });
    expect(threads.totalCount).toBe(2);
    expect(threads.edges.map((e) => [e.node.id, e.node.postCount])).toEqual([[first.id, 3]]);
    const rest = await forum.threads(as(member), spaceId, { first: 1, after: threads.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.id)).toEqual([second.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const page1 = await forum.posts(as(member), first.id, { first: 2 });
    const page2 = await forum.posts(as(member), first.id, { first: 2, after: page1.pageInfo.endCursor });
    expect([...page1.edges, ...page2.edges].map((e) => e.node.body)).toEqual(['Compartimos el **marco** de Perú.', 'Gracias, lo revisamos.', 'Adjuntaremos el informe.']);
    expect(page1.edges[0].node.bodyHtml).toBe('<p>Compartimos el <strong>marco</strong> de Perú.</p>\n');
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect((await forum.thread(as(member), first.id)).postCount).toBe(3);

    const bad = await appError(forum.createThread(as(author), spaceId, { title: ' ', body: '' }));
    expect(bad.extensions.code).toBe(ErrorCode.BadUserInput);
    expect((bad.extensions.fields as Array<{ field: string; key: string }>).map((f) => [f.field, f.key])).toEqual([
      ['title', 'collaborationMeetings:threadTitleInvalid'],
      ['body', 'collaborationMeetings:postInvalid'],
    ]);
  });

  it('sanitises the Markdown: no scripts, event handlers or javascript: links', async () => {
    const thread = await forum.createThread(as(author), spaceId, {
      title: 'Enlaces útiles',
      body: 'Hola <script>alert(1)</script>\n\n<img src="https://x.example/a.png" onerror="alert(2)">\n\n[malo](javascript:alert(3)) [bueno](https://www.unesco.org)\n\n<div onclick="x()" style="color:red">texto</div>',
    });
    const [post] = (await forum.posts(as(member), thread.id, {})).edges.map((e) => e.node);
    expect(post.body).toContain('<script>');
    expect(post.bodyHtml).not.toMatch(/<script|onerror|onclick|javascript:|style=/i);
    expect(post.bodyHtml).toContain('href="https://www.unesco.org"');
    expect(post.bodyHtml).toContain('texto');
  });

  it('authors edit their own posts; the earlier text is kept and readable by members', async () => {
    const thread = await forum.createThread(as(author), spaceId, { title: 'Borrador de acuerdo', body: 'Versión 1' });
    const [original] = (await forum.posts(as(author), thread.id, {})).edges.map((e) => e.node);
    expect(original.editedAt).toBeNull();

    const notMine = await appError(forum.edit(as(member), original.id, { body: 'Cambiado por otra persona' }));
    expect(`${notMine.extensions.code} ${notMine.extensions.messageKey}`).toBe('FORBIDDEN collaborationMeetings:ownPostsOnly');
    const moderatorToo = await appError(forum.edit(as(moderator), original.id, { body: 'Cambiado por el moderador' }));
    expect(moderatorToo.extensions.code).toBe(ErrorCode.Forbidden);

    const v2 = await forum.edit(as(author), original.id, { body: 'Versión 2' });
    expect(v2.editedAt).toBeInstanceOf(Date);
    const v3 = await forum.edit(as(author), original.id, { body: 'Versión **3**' });
    expect(v3.bodyHtml).toBe('<p>Versión <strong>3</strong></p>\n');
    // The same text again is not a new version.
    await forum.edit(as(author), original.id, { body: 'Versión **3**' });

    const history = await forum.revisions(as(member), original.id);
    expect(history.map((r) => r.body)).toEqual(['Versión 2', 'Versión 1']);
    expect(history[0].bodyHtml).toBe('<p>Versión 2</p>\n');
    expect(history.every((r) => r.editorId === author.id)).toBe(true);
    const [shown] = (await forum.posts(as(member), thread.id, {})).edges.map((e) => e.node);
    expect(shown).toMatchObject({ body: 'Versión **3**', canEdit: false });
    expect(shown.editedAt).toBeInstanceOf(Date);
  });

  it('the moderator hides a post with a reason: members see the reason without the body, the moderator sees both; unhide restores it', async () => {
    const thread = await forum.createThread(as(author), spaceId, { title: 'Tema sensible', body: 'Datos personales de un docente' });
    const [post] = (await forum.posts(as(author), thread.id, {})).edges.map((e) => e.node);
    await forum.edit(as(author), post.id, { body: 'Datos personales de un docente (corregido)' });

    // A member below MODERATOR is told the space does not exist for this operation (the access rule).
    const byMember = await appError(forum.hide(as(member), post.id, 'No corresponde'));
    expect(`${byMember.extensions.code} ${byMember.extensions.messageKey}`).toBe('NOT_FOUND collaboration:notFound');
    const noReason = await appError(forum.hide(as(moderator), post.id, '   '));
    expect((noReason.extensions.fields as Array<{ field: string; key: string }>).map((f) => [f.field, f.key])).toEqual([['reason', 'collaborationMeetings:reasonRequired']]);

    const hidden = await forum.hide(as(moderator), post.id, 'Contiene datos personales.');
    expect(hidden).toMatchObject({ hidden: true, hiddenReason: 'Contiene datos personales.', body: 'Datos personales de un docente (corregido)', canModerate: true });

    for (const viewer of [member, author]) {
      const [seen] = (await forum.posts(as(viewer), thread.id, {})).edges.map((e) => e.node);
      expect(seen).toMatchObject({ hidden: true, hiddenReason: 'Contiene datos personales.', body: null, bodyHtml: null, canEdit: false, canModerate: false });
      expect(await forum.revisions(as(viewer), post.id)).toEqual([]);
    }
    const [modView] = (await forum.posts(as(moderator), thread.id, {})).edges.map((e) => e.node);
    expect(modView).toMatchObject({ hidden: true, body: 'Datos personales de un docente (corregido)' });
    expect((await forum.revisions(as(moderator), post.id)).map((r) => r.body)).toEqual(['Datos personales de un docente']);
    const [adminView] = (await forum.posts(as(admin), thread.id, {})).edges.map((e) => e.node);
    expect(adminView.bodyHtml).toContain('Datos personales');

    const editHidden = await appError(forum.edit(as(author), post.id, { body: 'Intento de cambio' }));
    expect(`${editHidden.extensions.code} ${editHidden.extensions.messageKey}`).toBe('CONFLICT collaborationMeetings:postHidden');

    const shown = await forum.unhide(as(admin), post.id);
    expect(shown).toMatchObject({ hidden: false, hiddenReason: null, hiddenAt: null });
    const [back] = (await forum.posts(as(member), thread.id, {})).edges.map((e) => e.node);
    expect(back.body).toBe('Datos personales de un docente (corregido)');
  });

  it('mentions notify members once per post (an edit notifies only people newly mentioned); outsiders and the author never', async () => {
    const thread = await forum.createThread(as(author), spaceId, { title: `Menciones ${Date.now()}`, body: 'Abrimos el hilo.' });
    const post = await forum.reply(as(author), thread.id, {
      body: '@Camila Fuentes ¿puede revisar? @Olga Externa',
      mentionedUserIds: [member.id, outsider.id, author.id, otherSpaceMember.id],
    });
    const [first] = await waitFor(async () => {
      const rows = await mentionsOf(member.id);
      return rows.filter((r) => r.dedupe_key === `collab-post:${post.id}`).length ? rows.filter((r) => r.dedupe_key === `collab-post:${post.id}`) : null;
    }, 'the first mention');
    expect(first.data).toEqual({ space: spaceTitle, thread: thread.title, author: 'Rosa Quispe' });
    expect(first.link).toBe(`/tables/${spaceId}?tab=forum&thread=${thread.id}`);

    await forum.edit(as(author), post.id, { body: '@Camila Fuentes @Marcelo Moderador ¿pueden revisar?', mentionedUserIds: [member.id, moderator.id] });
    await waitFor(async () => (await mentionsOf(moderator.id)).some((r) => r.dedupe_key === `collab-post:${post.id}`), 'the new mention');
    // The edit's batch held both people; it is complete, and Camila still has her one notification.
    await waitFor(
      async () => (await dataSource.query(`SELECT count(*)::int AS n FROM notification_batch WHERE dedupe_key = $1 AND completed_at IS NULL`, [`collab-post:${post.id}`]))[0].n === 0,
      'the fan-out',
    );
    expect((await mentionsOf(member.id)).filter((r) => r.dedupe_key === `collab-post:${post.id}`)).toHaveLength(1);
    for (const nobody of [outsider, author, otherSpaceMember]) expect(await mentionsOf(nobody.id)).toEqual([]);
    // Outsiders were never even queued.
    const recipients: Array<{ recipients: string[] }> = await dataSource.query(`SELECT recipients FROM notification_batch WHERE dedupe_key = $1`, [`collab-post:${post.id}`]);
    expect(recipients.flatMap((r) => r.recipients).filter((id) => [outsider.id, otherSpaceMember.id, author.id].includes(id))).toEqual([]);

    const badId = await appError(forum.reply(as(author), thread.id, { body: 'x', mentionedUserIds: ['not-a-uuid'] }));
    expect((badId.extensions.fields as Array<{ field: string; key: string }>).map((f) => f.key)).toEqual(['collaborationMeetings:mentionsInvalid']);
  });

  it('keeps postCount exact under concurrent replies', async () => {
    const thread = await forum.createThread(as(author), spaceId, { title: 'Muchas respuestas', body: 'Empezamos.' });
    const people = [author, colleague, member, moderator];
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => forum.reply(as(people[i % people.length]), thread.id, { body: `Respuesta ${i}` })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM collab_posts WHERE thread_id = $1`, [thread.id]);
    expect(n).toBe(41);
    expect((await forum.thread(as(member), thread.id)).postCount).toBe(41);
    const all = await forum.posts(as(member), thread.id, { first: 100 });
    expect(all.totalCount).toBe(41);
    expect(new Set(all.edges.map((e) => e.node.id)).size).toBe(41);
  });

  it('lists the space’s members for the mention picker, with their organisations and the moderator', async () => {
    const members = await forum.members(as(member), spaceId);
    expect(members.map((m) => m.name)).toEqual(['Camila Fuentes', 'Julio Mamani', 'Marcelo Moderador', 'Rosa Quispe']);
    expect(members.find((m) => m.id === author.id)).toMatchObject({ organisationName: peruName, moderator: false });
    expect(members.find((m) => m.id === moderator.id)).toMatchObject({ organisationName: null, moderator: true });
  });

  it('answers NOT_FOUND to outsiders, members of another space, representatives off the list and signed-out callers, for every query and mutation', async () => {
    const thread = await forum.createThread(as(author), spaceId, { title: 'Privado', body: 'Solo para la mesa.' });
    const [post] = (await forum.posts(as(author), thread.id, {})).edges.map((e) => e.node);
    const strangers: Array<[string, CollaborationViewer | undefined]> = [
      ['outsider', as(outsider)],
      ['member of another space', as(otherSpaceMember)],
      ['representative not on the list (overview)', as(representative)],
      ['signed out', undefined],
    ];
    for (const [who, viewer] of strangers) {
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['forumThreads', () => forum.threads(viewer, spaceId, {})],
        ['forumThread', () => forum.thread(viewer, thread.id)],
        ['forumPosts', () => forum.posts(viewer, thread.id, {})],
        ['forumPostRevisions', () => forum.revisions(viewer, post.id)],
        ['spaceMembers', () => forum.members(viewer, spaceId)],
        ['createForumThread', () => forum.createThread(viewer, spaceId, { title: 'x', body: 'x' })],
        ['replyToForumThread', () => forum.reply(viewer, thread.id, { body: 'x' })],
        ['editForumPost', () => forum.edit(viewer, post.id, { body: 'x' })],
        ['hideForumPost', () => forum.hide(viewer, post.id, 'x')],
        ['unhideForumPost', () => forum.unhide(viewer, post.id)],
      ];
      for (const [name, call] of calls) {
        const error = await appError(call());
        expect(`${who} ${name}: ${error.extensions?.code} ${error.extensions?.messageKey}`).toBe(`${who} ${name}: NOT_FOUND collaboration:notFound`);
      }
    }
    for (const call of [
      () => forum.thread(as(author), '00000000-0000-4000-8000-000000000000'),
      () => forum.posts(as(author), 'nope', {}),
      () => forum.reply(as(author), '00000000-0000-4000-8000-000000000000', { body: 'x' }),
      () => forum.revisions(as(author), '00000000-0000-4000-8000-000000000000'),
    ]) {
      expect((await appError(call())).extensions.messageKey).toBe('collaboration:notFound');
    }
    expect(await dataSource.query(`SELECT 1 FROM collab_posts WHERE thread_id = $1 AND body = 'x'`, [thread.id])).toEqual([]);
  });

  it('closed spaces are read-only: nothing can be posted, edited or hidden, and everything can still be read', async () => {
    const { spaceId: closing } = await insertSpace(dataSource, {
      moderatorId: moderator.id,
      parties: [{ organisationId: await makeMinistry(dataSource, 'PE'), participantIds: [author.id, member.id] }],
    });
    const thread = await forum.createThread(as(author), closing, { title: 'Antes del cierre', body: 'Último mensaje.' });
    const [post] = (await forum.posts(as(author), thread.id, {})).edges.map((e) => e.node);
    await dataSource.query(`UPDATE collab_spaces SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [closing]);

    for (const call of [
      () => forum.createThread(as(author), closing, { title: 'Nuevo', body: 'Nuevo' }),
      () => forum.reply(as(member), thread.id, { body: 'Respuesta' }),
      () => forum.edit(as(author), post.id, { body: 'Cambio' }),
      () => forum.hide(as(moderator), post.id, 'Motivo'),
      () => forum.unhide(as(moderator), post.id),
    ]) {
      const error = await appError(call());
      expect(`${error.extensions.code} ${error.extensions.messageKey}`).toBe('CONFLICT collaboration:closedReadOnly');
    }
    const threads = await forum.threads(as(member), closing, {});
    expect(threads.edges.map((e) => e.node)).toEqual([expect.objectContaining({ id: thread.id, canReply: false })]);
    const [seen] = (await forum.posts(as(author), thread.id, {})).edges.map((e) => e.node);
    expect(seen).toMatchObject({ body: 'Último mensaje.', canEdit: false, canModerate: false });
  });
});
