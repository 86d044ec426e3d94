import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountryModel, FocusAreaModel } from '@alliance/server-alliance';
import { CertificateBatchModel, CertificateModel, Signatory } from '@alliance/server-certificates';
import { Connection, LocalizedTextModel } from '@alliance/server-graphql';
import type { Locale } from '@alliance/shared-core';
import type {
  Workshop,
  WorkshopAgendaItem,
  WorkshopFollowUp,
  WorkshopMaterial,
  WorkshopPollAction,
  WorkshopQuestion,
  WorkshopRegistration,
  WorkshopRegistrationEvent,
  WorkshopSession,
} from '../entities';
import {
  CHECK_IN_EARLY_MS,
  type FollowUpStatus,
  type MaterialPhase,
  type PollMode,
  type QuestionType,
  type RegistrationStatus,
  type WaitlistMode,
  type WorkshopAudience,
  type WorkshopMode,
  type WorkshopStatus,
} from '../workshops.constants';
import { localizedToList, pickLocalized } from '@alliance/server-graphql';
import {
  FollowUpStatusEnum,
  MaterialPhaseEnum,
  PollModeEnum,
  QuestionTypeEnum,
  RegistrationStatusEnum,
  WaitlistModeEnum,
  WorkshopAudienceEnum,
  WorkshopModeEnum,
  WorkshopStatusEnum,
} from './enums';

export { CountryModel, FocusAreaModel, CertificateModel, CertificateBatchModel, Signatory, LocalizedTextModel };

/** Whether registration is possible now: OPEN and inside the registration window. */
export function registrationOpenAt(w: Pick<Workshop, 'status' | 'registrationOpensAt' | 'registrationClosesAt'>, now = new Date()): boolean {
  if (w.status !== 'OPEN') return false;
  if (w.registrationOpensAt && now < w.registrationOpensAt) return false;
  if (w.registrationClosesAt && now >= w.registrationClosesAt) return false;
  return true;
}

@ObjectType('RegistrationQuestion')
export class RegistrationQuestionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field(() => QuestionTypeEnum) type: QuestionType;
  @Field() prompt: string;
  @Field(() => [LocalizedTextModel]) promptTranslations: LocalizedTextModel[];
  @Field(() => [String]) options: string[];
  @Field() required: boolean;

  static from(q: WorkshopQuestion, locale: Locale): RegistrationQuestionModel {
    return Object.assign(new RegistrationQuestionModel(), {
      id: q.id,
      position: q.position,
      type: q.type,
      prompt: pickLocalized(q.prompt, locale),
      promptTranslations: localizedToList(q.prompt),
      options: q.options ?? [],
      required: q.required,
    });
  }
}

@ObjectType('AgendaItem')
export class AgendaItemModel {
  @Field(() => ID) id: string;
  @Field(() => ID) sessionId: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  @Field() description: string;
  @Field(() => [LocalizedTextModel]) descriptionTranslations: LocalizedTextModel[];
  @Field(() => String, { nullable: true }) speakers: string | null;
  @Field() startsAt: Date;
  @Field() endsAt: Date;

  static from(a: WorkshopAgendaItem, locale: Locale): AgendaItemModel {
    return Object.assign(new AgendaItemModel(), {
      id: a.id,
      sessionId: a.sessionId,
      position: a.position,
      title: pickLocalized(a.title, locale),
      titleTranslations: localizedToList(a.title),
      description: pickLocalized(a.description, locale),
      descriptionTranslations: localizedToList(a.description),
      speakers: a.speakers,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
    });
  }
}

/**
 * One session. checkInCode (organisers only) and agenda are resolved by the organising side;
 * attendedByMe by the attendance side. checkInOpen: now within [start - 15 min, end].
 */
@ObjectType('WorkshopSession')
export class WorkshopSessionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field() checkInOpen: boolean;
  workshopId: string;
  entity: WorkshopSession;

  static from(s: WorkshopSession, locale: Locale, now = new Date()): WorkshopSessionModel {
    return Object.assign(new WorkshopSessionModel(), {
      id: s.id,
      position: s.position,
      title: pickLocalized(s.title, locale),
      titleTranslations: localizedToList(s.title),
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      checkInOpen: now.getTime() >= s.startsAt.getTime() - CHECK_IN_EARLY_MS && now.getTime() <= s.endsAt.getTime(),
      workshopId: s.workshopId,
      entity: s,
    });
  }
}

@ObjectType('WorkshopMaterial')
export class WorkshopMaterialModel {
  @Field(() => ID) id: string;
  @Field(() => MaterialPhaseEnum) phase: MaterialPhase;
  @Field() title: string;
  @Field() url: string;
  /** Resolved as `evidenceItem` (null when the reader may not see it). */
  evidenceItemId: string | null;

  static from(m: WorkshopMaterial): WorkshopMaterialModel {
    return Object.assign(new WorkshopMaterialModel(), { id: m.id, phase: m.phase, title: m.title, url: m.url, evidenceItemId: m.evidenceItemId ?? null });
  }
}

@ObjectType('WorkshopCountrySeats')
export class WorkshopCountrySeatsModel {
  @Field(() => CountryModel) country: CountryModel;
  @Field(() => Int) seats: number;
  @Field(() => Int) taken: number;
}

@ObjectType('WorkshopOrganiser')
export class WorkshopOrganiserModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

/**
 * A workshop. Resolved fields: meetingUrl, waitlistCount, focusAreas, questions, sessions,
 * materials, countrySeats, organisers, canManage, calendarUrl (organising side, workshops.resolver.ts);
 * myRegistration, poll, participants, certificateBatch (registration side).
 */
@ObjectType('Workshop')
export class WorkshopModel {
  @Field(() => ID) id: string;
  @Field() slug: string;
  @Field({ description: 'In the reader’s language.' }) title: string;
  @Field() description: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  @Field(() => [LocalizedTextModel]) descriptionTranslations: LocalizedTextModel[];
  @Field(() => WorkshopModeEnum) mode: WorkshopMode;
  @Field(() => WorkshopStatusEnum) status: WorkshopStatus;
  @Field(() => WorkshopAudienceEnum) audience: WorkshopAudience;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field({ description: 'IANA time zone the organisers plan in.' }) timeZone: string;
  @Field(() => String, { nullable: true }) venue: string | null;
  @Field(() => String, { nullable: true }) recordingUrl: string | null;
  @Field(() => Int, { nullable: true }) capacity: number | null;
  @Field(() => Int) seatsTaken: number;
  @Field(() => Int, { nullable: true, description: 'null when unlimited.' }) seatsLeft: number | null;
  @Field(() => Date, { nullable: true }) registrationOpensAt: Date | null;
  @Field(() => Date, { nullable: true }) registrationClosesAt: Date | null;
  @Field() registrationOpen: boolean;
  @Field() approvalRequired: boolean;
  @Field(() => WaitlistModeEnum) waitlistMode: WaitlistMode;
  @Field(() => Int) offerHours: number;
  @Field(() => Int, { description: 'Percent of sessions attended needed for the certificate.' }) attendanceThreshold: number;
  @Field(() => [String]) languages: string[];
  @Field() certificateIssuer: string;
  @Field(() => [Signatory]) certificateSignatories: Signatory[];
  /** The row it was built from, for resolved fields. */
  entity: Workshop;

  static from(w: Workshop, locale: Locale, now = new Date()): WorkshopModel {
    return Object.assign(new WorkshopModel(), {
      id: w.id,
      slug: w.slug,
      title: pickLocalized(w.title, locale),
      description: pickLocalized(w.description, locale),
      titleTranslations: localizedToList(w.title),
      descriptionTranslations: localizedToList(w.description),
      mode: w.mode,
      status: w.status,
      audience: w.audience,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      timeZone: w.timeZone,
      venue: w.venue,
      recordingUrl: w.recordingUrl,
      capacity: w.capacity,
      seatsTaken: w.seatsTaken,
      seatsLeft: w.capacity === null ? null : Math.max(0, w.capacity - w.seatsTaken),
      registrationOpensAt: w.registrationOpensAt,
      registrationClosesAt: w.registrationClosesAt,
      registrationOpen: registrationOpenAt(w, now),
      approvalRequired: w.approvalRequired,
      waitlistMode: w.waitlistMode,
      offerHours: w.offerHours,
      attendanceThreshold: w.attendanceThreshold,
      languages: w.languages,
      certificateIssuer: w.certificateIssuer,
      certificateSignatories: w.certificateSignatories ?? [],
      entity: w,
    });
  }
}

export const WorkshopConnection = Connection(WorkshopModel, 'Workshop');

@ObjectType('Participant')
export class ParticipantModel {
  @Field() name: string;
  @Field(() => CountryModel, { nullable: true }) country: CountryModel | null;
  @Field(() => String, { nullable: true }) organisationName: string | null;
}

@ObjectType('RegistrationEvent')
export class RegistrationEventModel {
  @Field(() => RegistrationStatusEnum, { nullable: true }) fromStatus: RegistrationStatus | null;
  @Field(() => RegistrationStatusEnum) toStatus: RegistrationStatus;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() createdAt: Date;

  static from(e: WorkshopRegistrationEvent): RegistrationEventModel {
    return Object.assign(new RegistrationEventModel(), { fromStatus: e.fromStatus, toStatus: e.toStatus, actorName: e.actorName, note: e.note, createdAt: e.createdAt });
  }
}

@ObjectType('RegistrationAnswer')
export class RegistrationAnswerModel {
  @Field(() => ID) questionId: string;
  @Field() value: string;
}

@ObjectType('RegistrationPerson')
export class RegistrationPersonModel {
  @Field(() => ID, { nullable: true }) id: string | null;
  @Field() name: string;
  @Field({ description: 'Only for organisers and the person; empty otherwise.' }) email: string;
}

/**
 * One person's registration. Resolved fields (registration side): workshop, person, country,
 * waitlistPosition, attendedSessions, events, certificate.
 */
@ObjectType('Registration')
export class RegistrationModel {
  @Field(() => ID) id: string;
  @Field(() => RegistrationStatusEnum) status: RegistrationStatus;
  @Field(() => [RegistrationAnswerModel]) answers: RegistrationAnswerModel[];
  @Field() consentToList: boolean;
  @Field(() => Date, { nullable: true }) offerExpiresAt: Date | null;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field() createdAt: Date;
  entity: WorkshopRegistration;

  static from(r: WorkshopRegistration): RegistrationModel {
    return Object.assign(new RegistrationModel(), {
      id: r.id,
      status: r.status,
      answers: (r.answers ?? []).map((a) => Object.assign(new RegistrationAnswerModel(), { questionId: a.questionId, value: a.value })),
      consentToList: r.consentToList,
      offerExpiresAt: r.offerExpiresAt,
      organisationName: r.organisationName,
      createdAt: r.createdAt,
      entity: r,
    });
  }
}

export const RegistrationConnection = Connection(RegistrationModel, 'Registration');

@ObjectType('PollAction')
export class PollActionModel {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [LocalizedTextModel]) titleTranslations: LocalizedTextModel[];
  @Field(() => [LocalizedTextModel]) descriptionTranslations: LocalizedTextModel[];

  static from(a: WorkshopPollAction, locale: Locale): PollActionModel {
    return Object.assign(new PollActionModel(), {
      id: a.id,
      position: a.position,
      title: pickLocalized(a.title, locale),
      description: pickLocalized(a.description, locale),
      titleTranslations: localizedToList(a.title),
      descriptionTranslations: localizedToList(a.description),
    });
  }
}

@ObjectType('PollResult')
export class PollResultModel {
  @Field(() => PollActionModel) action: PollActionModel;
  @Field(() => Int) points: number;
  @Field(() => Int) ballots: number;
  @Field(() => Int) rank: number;
}

/** The priority poll of a workshop (built by the registration side's poll service). */
@ObjectType('Poll')
export class PollModel {
  @Field(() => PollModeEnum) mode: PollMode;
  @Field(() => Int, { nullable: true }) maxVotes: number | null;
  @Field() open: boolean;
  @Field(() => [PollActionModel]) actions: PollActionModel[];
  @Field(() => [ID], { nullable: true }) myBallot: string[] | null;
  @Field(() => Int) ballots: number;
  @Field(() => [PollResultModel], { description: 'Organisers always; participants once the poll is closed.' }) results: PollResultModel[];
  workshopId: string;
}

@ObjectType('FollowUp')
export class FollowUpModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) owner: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn: string | null;
  @Field(() => FollowUpStatusEnum) status: FollowUpStatus;
  @Field(() => ID, { nullable: true }) actionId: string | null;

  static from(f: WorkshopFollowUp): FollowUpModel {
    return Object.assign(new FollowUpModel(), { id: f.id, title: f.title, owner: f.owner, dueOn: f.dueOn, status: f.status, actionId: f.actionId });
  }
}

@ObjectType('FigureRow')
export class FigureRowModel {
  @Field() key: string;
  @Field() label: string;
  @Field(() => Int) registered: number;
  @Field(() => Int) attended: number;
}

@ObjectType('WorkshopFigures')
export class WorkshopFiguresModel {
  @Field(() => Int) registered: number;
  @Field(() => Int) attended: number;
  @Field(() => Int) countries: number;
  @Field(() => [FigureRowModel]) byCountry: FigureRowModel[];
  @Field(() => [FigureRowModel]) byOrganisationType: FigureRowModel[];
  @Field(() => [FigureRowModel]) bySubRegion: FigureRowModel[];
}

@ObjectType('InviteResult')
export class InviteResultModel {
  @Field(() => [String]) invited: string[];
  @Field(() => [String]) alreadyInvited: string[];
  @Field(() => [String]) invalid: string[];
}
