import { registerEnumType } from '@nestjs/graphql';
import {
  APPLICATION_STATUSES,
  FOCAL_POINT_ROLES,
  INVITATION_ROLES,
  MEMBERSHIP_CATEGORIES,
  MEMBERSHIP_STATUSES,
  ORGANISATION_ROLES,
  ORGANISATION_TYPES,
  SUB_REGIONS,
} from '../alliance.constants';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const SubRegionEnum = enumOf(SUB_REGIONS);
registerEnumType(SubRegionEnum, { name: 'SubRegion' });
export const OrganisationTypeEnum = enumOf(ORGANISATION_TYPES);
registerEnumType(OrganisationTypeEnum, { name: 'OrganisationType' });
export const ApplicationStatusEnum = enumOf(APPLICATION_STATUSES);
registerEnumType(ApplicationStatusEnum, { name: 'ApplicationStatus' });
export const MembershipCategoryEnum = enumOf(MEMBERSHIP_CATEGORIES);
registerEnumType(MembershipCategoryEnum, { name: 'MembershipCategory' });
export const MembershipStatusEnum = enumOf(MEMBERSHIP_STATUSES);
registerEnumType(MembershipStatusEnum, { name: 'MembershipStatus' });
export const FocalPointRoleEnum = enumOf(FOCAL_POINT_ROLES);
registerEnumType(FocalPointRoleEnum, { name: 'FocalPointRole' });
export const OrganisationRoleEnum = enumOf(ORGANISATION_ROLES);
registerEnumType(OrganisationRoleEnum, { name: 'OrganisationRole' });
export const InvitationRoleEnum = enumOf(INVITATION_ROLES);
registerEnumType(InvitationRoleEnum, { name: 'InvitationRole' });
