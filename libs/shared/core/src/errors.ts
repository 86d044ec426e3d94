/** Stable `extensions.code` values of GraphQL errors; clients branch on these, never on messages. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  EmailNotVerified = 'EMAIL_NOT_VERIFIED',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
  /** The database cannot be reached or every connection is busy: a retry later will likely work. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
}

/** A field error as sent to clients: the field path and an i18n key (plus interpolation values). */
export interface FieldErrorDescriptor {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}
