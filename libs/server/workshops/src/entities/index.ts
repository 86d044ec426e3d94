import { Workshop } from './workshop.entity';
import { WorkshopOrganiser } from './workshop-organiser.entity';
import { WorkshopQuestion } from './workshop-question.entity';
import { WorkshopCountrySeats } from './workshop-country-seats.entity';
import { WorkshopInvitation } from './workshop-invitation.entity';
import { WorkshopSession } from './workshop-session.entity';
import { WorkshopAgendaItem } from './workshop-agenda-item.entity';
import { WorkshopMaterial } from './workshop-material.entity';
import { WorkshopRegistration } from './workshop-registration.entity';
import { WorkshopRegistrationEvent } from './workshop-registration-event.entity';
import { WorkshopAttendance } from './workshop-attendance.entity';
import { WorkshopPollAction } from './workshop-poll-action.entity';
import { WorkshopBallot } from './workshop-ballot.entity';
import { WorkshopFollowUp } from './workshop-follow-up.entity';

export type { WorkshopSignatory } from './workshop.entity';
export type { RegistrationAnswerData } from './workshop-registration.entity';
export {
  Workshop,
  WorkshopOrganiser,
  WorkshopQuestion,
  WorkshopCountrySeats,
  WorkshopInvitation,
  WorkshopSession,
  WorkshopAgendaItem,
  WorkshopMaterial,
  WorkshopRegistration,
  WorkshopRegistrationEvent,
  WorkshopAttendance,
  WorkshopPollAction,
  WorkshopBallot,
  WorkshopFollowUp,
};

export const WORKSHOP_ENTITIES = [
  Workshop,
  WorkshopOrganiser,
  WorkshopQuestion,
  WorkshopCountrySeats,
  WorkshopInvitation,
  WorkshopSession,
  WorkshopAgendaItem,
  WorkshopMaterial,
  WorkshopRegistration,
  WorkshopRegistrationEvent,
  WorkshopAttendance,
  WorkshopPollAction,
  WorkshopBallot,
  WorkshopFollowUp,
];
