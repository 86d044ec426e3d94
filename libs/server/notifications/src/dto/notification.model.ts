import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, PageArgs } from '@alliance/server-graphql';
import type { EmailFrequency } from '@alliance/shared-core';

/** GraphQL names IMMEDIATELY | DAILY | WEEKLY | OFF for the stored 'immediately' | ... */
export const EmailFrequencyEnum = { IMMEDIATELY: 'immediately', DAILY: 'daily', WEEKLY: 'weekly', OFF: 'off' } as const;
registerEnumType(EmailFrequencyEnum, { name: 'EmailFrequency', description: 'How often a person gets e-mail about one type of notification.' });

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Registered type, e.g. certificate.issued.' })
  type: string;

  @Field({ description: "Translated into the reader's language." })
  title: string;

  @Field({ description: "Translated into the reader's language." })
  body: string;

  @Field(() => String, { nullable: true, description: 'Path in the web app.' })
  link: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

export const NotificationConnection = Connection(NotificationModel, 'Notification');

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false })
  unreadOnly?: boolean;
}

@ObjectType('NotificationPreference')
export class NotificationPreferenceModel {
  @Field()
  type: string;

  @Field({ description: 'Account messages: always on.' })
  transactional: boolean;

  @Field()
  inApp: boolean;

  @Field(() => EmailFrequencyEnum)
  email: EmailFrequency;
}

@ObjectType('QueueStats')
export class QueueStatsModel {
  @Field()
  name: string;

  @Field(() => Int)
  waiting: number;

  @Field(() => Int)
  active: number;

  @Field(() => Int)
  delayed: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int)
  completed: number;
}

@ObjectType('DeadLetter')
export class DeadLetterModel {
  @Field(() => ID)
  id: string;

  @Field()
  queue: string;

  @Field()
  jobName: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  failedAt: Date;
}

export const DeadLetterConnection = Connection(DeadLetterModel, 'DeadLetter');
