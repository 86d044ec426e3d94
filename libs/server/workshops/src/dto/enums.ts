import { registerEnumType } from '@nestjs/graphql';
import {
  FOLLOW_UP_STATUSES,
  MATERIAL_PHASES,
  POLL_MODES,
  QUESTION_TYPES,
  REGISTRATION_STATUSES,
  WAITLIST_MODES,
  WORKSHOP_AUDIENCES,
  WORKSHOP_MODES,
  WORKSHOP_STATUSES,
} from '../workshops.constants';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const WorkshopModeEnum = enumOf(WORKSHOP_MODES);
registerEnumType(WorkshopModeEnum, { name: 'WorkshopMode' });
export const WorkshopStatusEnum = enumOf(WORKSHOP_STATUSES);
registerEnumType(WorkshopStatusEnum, { name: 'WorkshopStatus' });
export const WorkshopAudienceEnum = enumOf(WORKSHOP_AUDIENCES);
registerEnumType(WorkshopAudienceEnum, { name: 'WorkshopAudience' });
export const WaitlistModeEnum = enumOf(WAITLIST_MODES);
registerEnumType(WaitlistModeEnum, { name: 'WaitlistMode' });
export const QuestionTypeEnum = enumOf(QUESTION_TYPES);
registerEnumType(QuestionTypeEnum, { name: 'QuestionType' });
export const RegistrationStatusEnum = enumOf(REGISTRATION_STATUSES);
registerEnumType(RegistrationStatusEnum, { name: 'RegistrationStatus' });
export const PollModeEnum = enumOf(POLL_MODES);
registerEnumType(PollModeEnum, { name: 'PollMode' });
export const MaterialPhaseEnum = enumOf(MATERIAL_PHASES);
registerEnumType(MaterialPhaseEnum, { name: 'MaterialPhase' });
export const FollowUpStatusEnum = enumOf(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, { name: 'FollowUpStatus' });
