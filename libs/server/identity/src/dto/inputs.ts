import { ArgsType, Field, InputType } from '@nestjs/graphql';
import type { Locale, Role } from '@alliance/shared-core';
import { PageArgs } from '@alliance/server-graphql';
import { LocaleEnum, RoleEnum } from './enums';

// Plain carriers: validation happens in the services with the shared zod schemas, so the web forms
// and the API reject exactly the same input with the same per-field messages.

@InputType()
export class SignUpInput {
  @Field() name: string;
  @Field() email: string;
  @Field() password: string;
  @Field() countryCode: string;
  @Field(() => LocaleEnum) preferredLocale: Locale;

  @Field(() => String, {
    nullable: true,
    description: 'A path inside the site, such as /invitations/abc, that the verification link brings the person back to after sign-in.',
  })
  returnTo?: string | null;
}

@InputType()
export class SignInInput {
  @Field() email: string;
  @Field() password: string;
}

@InputType()
export class UpdateProfileInput {
  @Field() name: string;
  @Field() countryCode: string;
  @Field(() => LocaleEnum) preferredLocale: Locale;
}

@InputType()
export class ChangePasswordInput {
  @Field() currentPassword: string;
  @Field() newPassword: string;
}

@InputType()
export class ResetPasswordInput {
  @Field() token: string;
  @Field() newPassword: string;
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;
}
