/** Validation limits shared by forms and the API, so both reject the same input. */
export const LIMITS = {
  nameMin: 2,
  nameMax: 120,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  /** Failed sign-ins allowed per account, and per IP address, within the window below. */
  loginFailuresPerAccount: 5,
  loginFailuresPerIp: 20,
  loginWindowMinutes: 15,
  verificationTokenHours: 48,
  resetTokenMinutes: 60,
  sessionDays: 30,
  /** A path inside the site to come back to after sign-up and verification (?next=). */
  returnToMax: 500,
} as const;
