import { Field, InputType, ObjectType } from '@nestjs/graphql';

/** One language's version of a text written in several (shared by every domain's GraphQL types). */
@ObjectType('LocalizedText')
export class LocalizedTextModel {
  @Field() locale: string;
  @Field() value: string;
}

/** Input counterpart of LocalizedText: { locale, value }. */
@InputType()
export class LocalizedTextInput {
  @Field() locale: string;
  @Field() value: string;
}
