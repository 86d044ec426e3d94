import { AccountLifecycle } from './account-lifecycle';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@alliance/server-mail';
import { RateLimitModule } from '@alliance/server-graphql';
import { IDENTITY_ENTITIES } from './entities';
import { AccountService } from './account.service';
import { AccountResolver } from './account.resolver';
import { EmailTokensService } from './email-tokens.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';
import { UsersService } from './users.service';
import { UsersResolver } from './users.resolver';
import { PersonalDataRegistry } from './personal-data.registry';
import { IdentityPersonalData } from './personal-data';
import { PersonalDataService } from './personal-data.service';
import { PersonalDataResolver } from './personal-data.resolver';
import { PersonalDataController } from './personal-data.controller';
import { AuditContextMiddleware, AuditResolver, AuditService } from './audit';

/** Accounts, sessions and roles. Needs the app's TypeORM root and ConfigModule (global). */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), MailModule, RateLimitModule],
  providers: [AccountLifecycle, PasswordService, EmailTokensService, LoginThrottleService, SessionService, UsersService, AccountService, AccountResolver, UsersResolver, AuditService, AuditResolver, PersonalDataRegistry, IdentityPersonalData, PersonalDataService, PersonalDataResolver],
  controllers: [PersonalDataController],
  exports: [AccountLifecycle, SessionService, UsersService, AccountService, PasswordService, AuditService, PersonalDataRegistry, PersonalDataService],
})
export class IdentityModule implements NestModule {
  // Every request runs in its audit context, so an audit entry knows the client address and request id.
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditContextMiddleware).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
