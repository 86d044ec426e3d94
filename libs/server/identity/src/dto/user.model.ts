import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Locale, Role } from '@alliance/shared-core';
import { Connection } from '@alliance/server-graphql';
import type { User } from '../entities';
import { LocaleEnum, RoleEnum } from './enums';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  email: string;

  @Field()
  countryCode: string;

  @Field(() => LocaleEnum)
  preferredLocale: Locale;

  /** Resolved by UsersResolver through the per-request DataLoader. */
  @Field(() => [RoleEnum])
  roles?: Role[];

  @Field()
  emailVerified: boolean;

  @Field()
  createdAt: Date;

  static from(user: User): UserModel {
    return Object.assign(new UserModel(), {
      id: user.id,
      name: user.name,
      email: user.email,
      countryCode: user.countryCode,
      preferredLocale: user.preferredLocale,
      emailVerified: user.emailVerifiedAt !== null,
      createdAt: user.createdAt,
    });
  }
}

export const UserConnection = Connection(UserModel, 'User');
