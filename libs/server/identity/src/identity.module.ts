import { AccountLifecycle } from './account-lifecycle';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@alliance/server-mail';
import { IDENTITY_ENTITIES } from './entities';
import { AccountService } from './account.service';
import { AccountResolver } from './account.resolver';
import { EmailTokensService } from './email-tokens.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { UsersResolver } from './users.resolver';

/** Accounts, sessions and roles. Needs the app's TypeORM root and ConfigModule (global). */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), MailModule],
  providers: [AccountLifecycle, PasswordService, EmailTokensService, LoginThrottleService, SessionService, UsersService, AccountService, AccountResolver, UsersResolver],
  exports: [AccountLifecycle, SessionService, UsersService, AccountService, PasswordService],
})
export class IdentityModule {}
