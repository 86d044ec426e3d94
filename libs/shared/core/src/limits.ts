/** Failed sign-ins allowed per account, and per IP address, within the window. */
const LOGIN_FAILURES_PER_ACCOUNT = 5;
const LOGIN_FAILURES_PER_IP = 20;
const LOGIN_WINDOW_MINUTES = 15;

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
  loginFailuresPerAccount: LOGIN_FAILURES_PER_ACCOUNT,
  loginFailuresPerIp: LOGIN_FAILURES_PER_IP,
  loginWindowMinutes: LOGIN_WINDOW_MINUTES,
  verificationTokenHours: 48,
  resetTokenMinutes: 60,
  /**
   * Rate limits held in Redis (shared by every api process; see RateLimitService): at most `points`
   * events per key within a fixed window of `minutes` that starts with the key's first event.
   * Generous enough for an office or a workshop room behind one address; RATE_LIMITS=off turns
   * them all off (benchmarks only).
   */
  rateLimits: {
    /** Wrong passwords per e-mail address; a success starts the count again. */
    signInFailuresPerAccount: { points: LOGIN_FAILURES_PER_ACCOUNT, minutes: LOGIN_WINDOW_MINUTES },
    /** Wrong passwords per IP address, whatever the account (password spraying). */
    signInFailuresPerIp: { points: LOGIN_FAILURES_PER_IP, minutes: LOGIN_WINDOW_MINUTES },
    /** Sign-up attempts per IP address (each costs a password hash and may send an e-mail). */
    signUpPerIp: { points: 100, minutes: 60 },
    /** Reset e-mails asked for one address (known or not, so the answer reveals nothing). */
    passwordResetPerAccount: { points: 5, minutes: 60 },
    /** Reset e-mails asked from one IP address, whatever the addresses. */
    passwordResetPerIp: { points: 20, minutes: 60 },
    /** Public certificate look-ups per IP address (stops walking the code space). */
    certificateLookupPerIp: { points: 30, minutes: 1 },
    /** Workshop registrations (and re-registrations) per person. */
    workshopRegistrationPerAccount: { points: 30, minutes: 60 },
    /** File uploads per person: evidence files, working-table documents, lesson files. */
    uploadPerAccount: { points: 60, minutes: 60 },
  },
  /** A path inside the site to come back to after sign-up and verification (?next=). */
  returnToMax: 500,
} as const;
