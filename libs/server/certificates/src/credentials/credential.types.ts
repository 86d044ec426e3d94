/** What a signed credential says about one certificate (agreed with the certificates domain). */
export interface CredentialSubjectData {
  code: string;
  recipientName: string;
  recipientEmail: string;
  locale: 'es' | 'en' | 'pt' | 'fr';
  kind: 'COURSE_COMPLETION' | 'PROGRAMME_COMPLETION' | 'WORKSHOP_ATTENDANCE' | 'PARTICIPATION';
  title: string;
  description?: string;
  hours?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  issuerName: string;
  issuedAt: Date;
  statusListIndex: number;
  verificationUrl: string;
}

export interface CredentialVerification {
  verified: boolean;
  errors: string[];
}

// Open Badges 3.0 achievementType values closest to each kind of certificate.
export const ACHIEVEMENT_TYPE: Record<CredentialSubjectData['kind'], string> = {
  COURSE_COMPLETION: 'Course',
  PROGRAMME_COMPLETION: 'LearningProgram',
  WORKSHOP_ATTENDANCE: 'Certificate',
  PARTICIPATION: 'Certificate',
};
