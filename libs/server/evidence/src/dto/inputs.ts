import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { EvidenceLicence, EvidenceType, EvidenceVisibility } from '../evidence.constants';
import { EvidenceLicenceEnum, EvidenceTypeEnum, EvidenceVisibilityEnum } from './enums';

@InputType()
export class EvidenceTextInput {
  @Field() locale: string;
  @Field() title: string;
  @Field() abstract: string;
}

@InputType()
export class EvidenceAuthorInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) affiliation?: string | null;
}

@InputType()
export class EvidenceItemInput {
  @Field(() => EvidenceTypeEnum) type: EvidenceType;
  @Field({ description: 'The original language (es, en, pt, fr); one text must be in it.' }) language: string;
  @Field(() => [EvidenceTextInput]) texts: EvidenceTextInput[];
  @Field(() => [String]) countryCodes: string[];
  @Field(() => [ID]) focusAreaIds: string[];
  @Field(() => Int) year: number;
  @Field(() => [EvidenceAuthorInput]) authors: EvidenceAuthorInput[];
  @Field(() => ID, { nullable: true }) organisationId?: string | null;
  @Field(() => String, { nullable: true }) publisher?: string | null;
  @Field(() => EvidenceLicenceEnum) licence: EvidenceLicence;
  @Field(() => String, { nullable: true }) externalUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'A DOI ("10.xxxx/...") or its https://doi.org/ link.' }) doi?: string | null;
  @Field(() => EvidenceVisibilityEnum) visibility: EvidenceVisibility;
}
