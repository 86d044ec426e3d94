import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, Logger } from 'nestjs-pino';
import { APP_CONFIG, ConfigModule, type AppConfig } from '@alliance/server-config';
import { dataSourceOptions } from '@alliance/server-database';
import { QueueModule } from '@alliance/server-queue';
import { MailModule } from '@alliance/server-mail';
import { IdentityModule, SessionService } from '@alliance/server-identity';
import { NotificationsModule } from '@alliance/server-notifications';
import { CertificatesModule } from '@alliance/server-certificates';
import { AllianceModule } from '@alliance/server-alliance';
import { EvidenceModule } from '@alliance/server-evidence';
import { StorageModule } from '@alliance/server-storage';
import { CatalogueCache, LearningModule } from '@alliance/server-learning';
import { WorkshopsModule } from '@alliance/server-workshops';
import { CollaborationModule } from '@alliance/server-collaboration';
import { ALL_ENTITIES, PlatformModule } from '@alliance/server-platform';
import { graphqlOptions } from './graphql.config';
import { HealthController } from './health.controller';
import { WebAppController } from './web-app.controller';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          // Honour a request id set by a load balancer, so one request can be followed across logs.
          genReqId: (req, res) => {
            const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 100) || randomUUID();
            res.setHeader('x-request-id', id);
            return id;
          },
          redact: ['req.headers.cookie', 'res.headers["set-cookie"]', 'req.headers.authorization'],
          autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/ready' },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        dataSourceOptions({ url: config.DATABASE_URL!, entities: ALL_ENTITIES, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'alliance-api' }),
    }),
    QueueModule.forRoot({ role: 'api' }),
    MailModule,
    IdentityModule,
    NotificationsModule,
    CertificatesModule,
    StorageModule,
    AllianceModule,
    EvidenceModule,
    LearningModule,
    WorkshopsModule,
    CollaborationModule,
    PlatformModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [IdentityModule, LearningModule],
      inject: [APP_CONFIG, SessionService, Logger, CatalogueCache],
      useFactory: (config: AppConfig, sessions: SessionService, logger: Logger, catalogue: CatalogueCache) =>
        graphqlOptions(config, sessions, logger, [catalogue.plugin()]),
    }),
  ],
  controllers: [HealthController, WebAppController],
})
export class AppModule {}
