import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllianceModule } from '@alliance/server-alliance';
import { CertificatesModule } from '@alliance/server-certificates';
import { IdentityModule } from '@alliance/server-identity';
import { MailModule } from '@alliance/server-mail';
import { NotificationsModule } from '@alliance/server-notifications';
import { LEARNING_ENTITIES } from './entities';

/**
 * Learning: courses, modules, lessons, quizzes, offerings, programmes, enrolments (self, approval,
 * invitation, team nomination), progress and completion. Needs the global ConfigModule and
 * QueueModule and the app's TypeORM root.
 */
@Module({
  imports: [TypeOrmModule.forFeature(LEARNING_ENTITIES), IdentityModule, MailModule, NotificationsModule, CertificatesModule, AllianceModule],
  providers: [
    // Services and resolvers are listed here, one per line.
  ],
  controllers: [],
  exports: [],
})
export class LearningModule {}
