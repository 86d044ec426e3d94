// One file per namespace, each holding es, en, pt and fr side by side so a missing
// translation is visible in review and caught by catalogues.spec.ts.
import { common } from './common';
import { validation } from './validation';
import { errors } from './errors';
import { email } from './email';
import { nav } from './nav';
import { home } from './home';
import { auth } from './auth';
import { profile } from './profile';
import { admin } from './admin';
import { devmail } from './devmail';
import { notifications } from './notifications';
import { certificates } from './certificates';
import { certificatesUi } from './certificatesUi';
import { credentials } from './credentials';
import { allianceDirectory } from './allianceDirectory';

import { allianceUi } from './allianceUi';
import { alliance } from './alliance';
import { learning } from './learning';
import { enrolment } from './enrolment';
import { learningUi } from './learningUi';
import { learnerUi } from './learnerUi';
import { workshopRegistration } from './workshopRegistration';
import { workshopParticipant } from './workshopParticipant';
import { workshopManage } from './workshopManage';
import { workshopsUi } from './workshopsUi';
import { workshops } from './workshops';
import { evidence } from './evidence';
import { storage } from './storage';
import { evidenceUi } from './evidenceUi';
import { evidenceSubmit } from './evidenceSubmit';
import { collaboration } from './collaboration';
import { collaborationMeetings } from './collaborationMeetings';
import { collaborationRecords } from './collaborationRecords';
import { collaborationGroups } from './collaborationGroups';
import { audit } from './audit';
import { privacy } from './privacy';
export const catalogues = {
  common,
  validation,
  errors,
  email,
  nav,
  home,
  auth,
  profile,
  admin,
  devmail,
  notifications,
  certificates,
  certificatesUi,
  credentials,
  allianceDirectory,
  allianceUi,
  alliance,
  learning,
  enrolment,
  learningUi,
  learnerUi,
  workshopRegistration,
  workshopParticipant,
  workshopManage,
  workshopsUi,
  workshops,
  evidence,
  storage,
  evidenceUi,
  evidenceSubmit,
  collaboration,
  collaborationMeetings,
  collaborationRecords,
  collaborationGroups,
  audit,
  privacy,
};
