import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@alliance/server-graphql';
import type { Locale } from '@alliance/shared-core';
import type {
  AllianceSubRegion,
  ApplicationStatus,
  FocalPointRole,
  InvitationRole,
  MembershipCategory,
  MembershipStatus,
  OrganisationRole,
  OrganisationType,
} from '../alliance.constants';
import type { AllianceCountry, Charter, FocusArea, Invitation, Membership, MembershipApplication, Organisation } from '../entities';
import { localised } from '../reference.service';
import {
  ApplicationStatusEnum,
  FocalPointRoleEnum,
  InvitationRoleEnum,
  MembershipCategoryEnum,
  MembershipStatusEnum,
  OrganisationRoleEnum,
  OrganisationTypeEnum,
  SubRegionEnum,
} from './enums';

@ObjectType('Country')
export class CountryModel {
  @Field() code: string;
  @Field({ description: 'In the reader’s language.' }) name: string;
  @Field(() => SubRegionEnum) subRegion: AllianceSubRegion;
  @Field() observer: boolean;

  static from(c: AllianceCountry, locale: Locale): CountryModel {
    return Object.assign(new CountryModel(), { code: c.code, name: localised(c, 'name', locale), subRegion: c.subRegion, observer: c.observer });
  }
}

@ObjectType()
export class FocusAreaNames {
  @Field() es: string;
  @Field() en: string;
  @Field() pt: string;
  @Field() fr: string;
}

@ObjectType('FocusArea')
export class FocusAreaModel {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field({ description: 'In the reader’s language.' }) name: string;
  @Field(() => FocusAreaNames) names: FocusAreaNames;
  @Field() active: boolean;

  static from(f: FocusArea, locale: Locale): FocusAreaModel {
    return Object.assign(new FocusAreaModel(), {
      id: f.id,
      key: f.key,
      name: localised(f, 'name', locale),
      names: { es: f.nameEs, en: f.nameEn, pt: f.namePt, fr: f.nameFr },
      active: f.active,
    });
  }
}

@ObjectType('Charter')
export class CharterModel {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field({ description: 'Markdown, in the reader’s language.' }) text: string;
  @Field() publishedAt: Date;

  static from(c: Charter, locale: Locale): CharterModel {
    return Object.assign(new CharterModel(), { id: c.id, version: c.version, text: localised(c, 'text', locale), publishedAt: c.publishedAt });
  }
}

@ObjectType('ApplicationEvent')
export class ApplicationEventModel {
  @Field(() => ID) id: string;
  @Field(() => ApplicationStatusEnum, { nullable: true }) fromStatus: ApplicationStatus | null;
  @Field(() => ApplicationStatusEnum) toStatus: ApplicationStatus;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() actorName: string;
  @Field() createdAt: Date;
}

@ObjectType('PersonSummary')
export class PersonSummary {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() email: string;
}

@ObjectType('MembershipApplication')
export class MembershipApplicationModel {
  @Field(() => ID) id: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatus;
  @Field() organisationName: string;
  @Field(() => OrganisationTypeEnum) organisationType: OrganisationType;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field() description: string;
  @Field() applicantRole: string;
  @Field() motivation: string;
  @Field(() => Int) charterVersion: number;
  @Field() submittedAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: 'Whole days since it was first submitted.' }) ageDays: number;
  // Resolved fields (country, focusAreas, applicant, events, organisation) read these.
  countryCode: string;
  focusAreaIds: string[];
  applicantId: string;
  organisationId: string | null;

  static from(a: MembershipApplication): MembershipApplicationModel {
    return Object.assign(new MembershipApplicationModel(), {
      id: a.id,
      status: a.status,
      organisationName: a.organisationName,
      organisationType: a.organisationType,
      website: a.website,
      description: a.description,
      applicantRole: a.applicantRole,
      motivation: a.motivation,
      charterVersion: a.charterVersion,
      submittedAt: a.submittedAt,
      updatedAt: a.updatedAt,
      ageDays: Math.max(0, Math.floor((Date.now() - a.submittedAt.getTime()) / 86_400_000)),
      countryCode: a.countryCode,
      focusAreaIds: a.focusAreaIds,
      applicantId: a.applicantId,
      organisationId: a.organisationId,
    });
  }
}
export const MembershipApplicationConnection = Connection(MembershipApplicationModel, 'MembershipApplication');

@ObjectType('MembershipEvent')
export class MembershipEventModel {
  @Field(() => ID) id: string;
  @Field({ description: 'CREATED, SUSPENDED or REINSTATED.' }) action: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() actorName: string;
  @Field() createdAt: Date;
}

@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID) id: string;
  @Field(() => MembershipCategoryEnum) category: MembershipCategory;
  @Field(() => MembershipStatusEnum) status: MembershipStatus;
  @Field() since: Date;
  organisationId: string;

  static from(m: Membership): MembershipModel {
    return Object.assign(new MembershipModel(), { id: m.id, category: m.category, status: m.status, since: m.since, organisationId: m.organisationId });
  }
}

@ObjectType('FocalPoint')
export class FocalPointModel {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'Null for the public unless the person consented.' }) name: string | null;
  @Field(() => FocalPointRoleEnum) role: FocalPointRole;
  @Field({ description: 'YYYY-MM-DD' }) startDate: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endDate: string | null;
  @Field() current: boolean;
  @Field() organisationName: string;
  @Field() countryCode: string;
  @Field() consentToPublish: boolean;
  @Field({ description: 'True when the caller is this focal point (so they can set their consent).' }) mine: boolean;
  focusAreaId: string;
}

@ObjectType('OrganisationPerson')
export class OrganisationPersonModel {
  @Field(() => PersonSummary) user: PersonSummary;
  @Field(() => [OrganisationRoleEnum]) roles: OrganisationRole[];
}

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field() name: string;
  @Field(() => OrganisationTypeEnum) type: OrganisationType;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field() description: string;
  countryCode: string;
  focusAreaIds: string[];

  static from(o: Organisation): OrganisationModel {
    return Object.assign(new OrganisationModel(), {
      id: o.id,
      slug: o.slug,
      name: o.name,
      type: o.type,
      website: o.website,
      description: o.description,
      countryCode: o.countryCode,
      focusAreaIds: o.focusAreaIds,
    });
  }
}
export const OrganisationConnection = Connection(OrganisationModel, 'Organisation');

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => InvitationRoleEnum) role: InvitationRole;
  @Field(() => FocalPointRoleEnum, { nullable: true }) focalRole: FocalPointRole | null;
  @Field() expiresAt: Date;
  @Field(() => Date, { nullable: true }) acceptedAt: Date | null;
  @Field() createdAt: Date;
  focusAreaId: string | null;

  static from(i: Invitation): InvitationModel {
    return Object.assign(new InvitationModel(), {
      id: i.id,
      email: i.email,
      role: i.role,
      focalRole: i.focalRole,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      createdAt: i.createdAt,
      focusAreaId: i.focusAreaId,
    });
  }
}

@ObjectType('InvitationPreview')
export class InvitationPreviewModel {
  @Field() organisationName: string;
  @Field(() => InvitationRoleEnum) role: InvitationRole;
  @Field() invitedBy: string;
  @Field() email: string;
  @Field() expired: boolean;
  @Field() accepted: boolean;
}

@ObjectType('CountByKey')
export class CountByKey {
  @Field() key: string;
  @Field({ description: 'In the reader’s language.' }) label: string;
  @Field(() => Int) count: number;
}

@ObjectType('GrowthPoint')
export class GrowthPoint {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => Int) joined: number;
  @Field(() => Int) total: number;
}

@ObjectType('WaitingApplication')
export class WaitingApplication {
  @Field(() => ID) id: string;
  @Field() organisationName: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatus;
  @Field(() => Int) ageDays: number;
}

@ObjectType('AllianceDashboard')
export class AllianceDashboardModel {
  @Field(() => [WaitingApplication]) waiting: WaitingApplication[];
  @Field(() => [CountByKey]) membersByCountry: CountByKey[];
  @Field(() => [CountByKey]) membersBySubRegion: CountByKey[];
  @Field(() => [CountByKey]) membersByType: CountByKey[];
  @Field(() => [GrowthPoint]) growth: GrowthPoint[];
  @Field(() => Int) totalMembers: number;
}

@InputType('ApplicationInput')
export class ApplicationInputModel {
  @Field() organisationName: string;
  @Field(() => OrganisationTypeEnum) organisationType: OrganisationType;
  @Field() countryCode: string;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field() description: string;
  @Field() applicantRole: string;
  @Field() motivation: string;
  @Field(() => [ID]) focusAreaIds: string[];
  @Field(() => Int, { description: 'Must equal the current charter’s version (its acceptance is recorded).' }) charterVersion: number;
}
