import { ArgsType, Field, Float, InputType } from '@nestjs/graphql';
import { PageArgs } from '@alliance/server-graphql';
import { LocaleEnum } from '@alliance/server-identity';
import type { CertificateStatus } from '../entities';
import { SignatoryInput } from './certificate.model';
import { CertificateStatusEnum } from './enums';

@InputType()
export class RecipientInput {
  @Field() name: string;
  @Field() email: string;
  @Field(() => LocaleEnum, { nullable: true, description: 'Language of the certificate; default: the account language, else Spanish.' })
  locale?: string | null;
}

@InputType()
export class IssueParticipationInput {
  @Field() title: string;
  @Field(() => Float, { nullable: true }) hours?: number | null;
  @Field({ description: 'YYYY-MM-DD' }) startDate: string;
  @Field({ description: 'YYYY-MM-DD' }) endDate: string;
  @Field() issuerName: string;
  @Field(() => [String], { nullable: true }) coIssuers?: string[] | null;
  @Field(() => [SignatoryInput]) signatories: SignatoryInput[];
  @Field(() => [RecipientInput], { nullable: true, description: 'Either a list of people...' }) recipients?: RecipientInput[] | null;
  @Field(() => String, { nullable: true, description: '...or CSV text with a header row: name,email[,locale]. At most 5,000 rows.' })
  csv?: string | null;
}

@ArgsType()
export class CertificatesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Name, e-mail, title or code.' }) search?: string | null;
  @Field(() => CertificateStatusEnum, { nullable: true }) status?: CertificateStatus | null;
}
