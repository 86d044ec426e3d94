import { registerEnumType } from '@nestjs/graphql';
import { ACCESS_LEVELS, COMMITMENT_KINDS, COMMITMENT_SOURCES, COMMITMENT_STATUSES, PARTY_ROLES, PARTY_STATUSES, SPACE_KINDS, SPACE_STATUSES } from '../collaboration.constants';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SpaceKindEnum = asEnum(SPACE_KINDS);
export const SpaceStatusEnum = asEnum(SPACE_STATUSES);
export const PartyRoleEnum = asEnum(PARTY_ROLES);
export const PartyStatusEnum = asEnum(PARTY_STATUSES);
export const CommitmentKindEnum = asEnum(COMMITMENT_KINDS);
export const CommitmentStatusEnum = asEnum(COMMITMENT_STATUSES);
export const CommitmentSourceEnum = asEnum(COMMITMENT_SOURCES);
export const AccessLevelEnum = asEnum(ACCESS_LEVELS);

registerEnumType(SpaceKindEnum, { name: 'SpaceKind', description: 'TABLE (working table between ministries) or GROUP (technical group).' });
registerEnumType(SpaceStatusEnum, { name: 'SpaceStatus' });
registerEnumType(PartyRoleEnum, { name: 'PartyRole' });
registerEnumType(PartyStatusEnum, { name: 'PartyStatus' });
registerEnumType(CommitmentKindEnum, { name: 'CommitmentKind' });
registerEnumType(CommitmentStatusEnum, { name: 'CommitmentStatus' });
registerEnumType(CommitmentSourceEnum, { name: 'CommitmentSource' });
registerEnumType(AccessLevelEnum, { name: 'SpaceAccessLevel', description: 'What the caller may do in a space.' });
