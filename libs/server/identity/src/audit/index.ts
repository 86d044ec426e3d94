export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from './audit-actions';
export { AuditService, changedFields, type AuditRecordInput, type AuditFilter } from './audit.service';
export { AuditContextMiddleware, runWithAuditRequest, currentAuditOrigin } from './audit-context';
export { AuditResolver } from './audit.resolver';
export { AuditEntryModel, AuditEntryConnection, AuditChangeModel, AuditFilterInput, AuditLogArgs } from './audit.model';
