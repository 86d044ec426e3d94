/**
 * Every action the audit log records, as stable dotted codes (`<target>.<verb>`). The web app's
 * filter offers exactly these, and the `audit` catalogue has a label for each (audit.spec.ts checks).
 * Never rename one that has landed: old entries keep their code.
 */
export const AUDIT_ACTIONS = [
  // identity
  'user.role.grant',
  'user.role.revoke',
  // alliance
  'charter.publish',
  'focusArea.save',
  'country.observer.add',
  'membership.application.reviewStart',
  'membership.application.requestChanges',
  'membership.application.approve',
  'membership.application.reject',
  'organisation.suspend',
  'organisation.reinstate',
  'focalPoint.designate',
  'focalPoint.end',
  // evidence
  'evidence.review',
  // certificates
  'certificate.issueBatch',
  'certificate.revoke',
  'certificate.reissue',
  // collaboration (working tables and technical groups)
  'table.review',
  'table.close',
  'table.participants.add',
  'table.participant.remove',
  'forum.post.hide',
  'forum.post.unhide',
  'group.create',
  'group.member.add',
  'group.member.remove',
  'group.participants.add',
  'group.participant.remove',
  'group.coordination.handOver',
  'group.close',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
