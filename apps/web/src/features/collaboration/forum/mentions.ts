// Mentions: the picker chooses whom to notify; the post's text shows them as "@Name" so every
// reader sees who was addressed. Pure helpers, tested on their own.
import type { SpaceMemberFields } from '../operations-forum';

export const mentionToken = (name: string): string => `@${name}`;

/** The body with "@Name" added at the end unless it already names the person. */
export function addMention(body: string, name: string): string {
  const token = mentionToken(name);
  if (body.includes(token)) return body;
  if (!body.trim()) return `${token} `;
  return /\s$/.test(body) ? `${body}${token} ` : `${body} ${token} `;
}

/** The members whose "@Name" the text contains (to pre-select them when a post is edited). */
export function mentionedIn(body: string, members: readonly SpaceMemberFields[]): string[] {
  return members.filter((m) => body.includes(mentionToken(m.name))).map((m) => m.id);
}

/** The picker's option label: "Camila Fuentes — Ministerio de Educación de Chile". */
export function memberLabel(member: SpaceMemberFields, moderatorLabel: string): string {
  const where = member.organisationName ?? (member.moderator ? moderatorLabel : null);
  return where ? `${member.name} — ${where}` : member.name;
}
