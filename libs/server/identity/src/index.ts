export * from './entities';
export * from './identity.module';
export { UsersService, type CreateUserInput, type UserListArgs } from './users.service';
export { SessionService, type SessionMeta } from './session.service';
export { AccountService } from './account.service';
export { PasswordService, ARGON2_OPTIONS } from './password.service';
export {
  SESSION_COOKIE_NAME,
  SECURE_SESSION_COOKIE_NAME,
  sessionCookieName,
  setSessionCookie,
  clearSessionCookie,
  sessionTokenFromRequest,
  isSecureCookie,
} from './cookies';
export { AccountResolver } from './account.resolver';
export { UsersResolver } from './users.resolver';
export * from './audit';
export { UserModel, UserConnection } from './dto/user.model';
export { RoleEnum, LocaleEnum } from './dto/enums';
export * from './dto/inputs';
export { AccountLifecycle, type EmailVerifiedListener } from './account-lifecycle';
export { PersonalDataRegistry, type PersonalDataContributor, type AnonymiseContext } from './personal-data.registry';
export { PersonalDataService, DELETED_ACCOUNT_NAME, deletedAccountEmail, PERSONAL_DATA_FORMAT } from './personal-data.service';
// Test-only: the other domains' specs compose their modules with it.
export { createModuleTestApp, type ModuleTestAppOptions } from './testing/module-test-app';
export { appError } from './testing/app-error';
