import { User } from './user.entity';
import { UserRole } from './user-role.entity';
import { Session } from './session.entity';
import { EmailToken } from './email-token.entity';
import { LoginAttempt } from './login-attempt.entity';
import { AuditEntry } from './audit-entry.entity';

export { User, UserRole, Session, EmailToken, LoginAttempt, AuditEntry };
export type { EmailTokenPurpose } from './email-token.entity';

export const IDENTITY_ENTITIES = [User, UserRole, Session, EmailToken, LoginAttempt, AuditEntry];
