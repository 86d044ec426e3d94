import { AllianceCountry } from './country.entity';
import { FocusArea } from './focus-area.entity';
import { Charter } from './charter.entity';
import { MembershipApplication } from './membership-application.entity';
import { ApplicationEvent } from './application-event.entity';
import { Organisation } from './organisation.entity';
import { Membership } from './membership.entity';
import { MembershipEvent } from './membership-event.entity';
import { OrganisationRoleGrant } from './organisation-role.entity';
import { Invitation } from './invitation.entity';
import { FocalPoint } from './focal-point.entity';

export {
  AllianceCountry,
  FocusArea,
  Charter,
  MembershipApplication,
  ApplicationEvent,
  Organisation,
  Membership,
  MembershipEvent,
  OrganisationRoleGrant,
  Invitation,
  FocalPoint,
};

export const ALLIANCE_ENTITIES = [
  AllianceCountry,
  FocusArea,
  Charter,
  MembershipApplication,
  ApplicationEvent,
  Organisation,
  Membership,
  MembershipEvent,
  OrganisationRoleGrant,
  Invitation,
  FocalPoint,
];
