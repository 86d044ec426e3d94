// Client-side checks of the workshop editor that save a round trip; the API checks everything again.
import type { LocalizedDraft } from '../../learning/shared/localized';
import { hasAnyText } from '../../learning/shared/localized';
import type { QuestionType } from '../operations-workshops';
import { isValidTimeZone } from '../shared/time';

let nextKey = 0;
/** A stable React key for rows typed in the browser. */
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export interface QuestionDraft {
  key: string;
  id: string | null;
  type: QuestionType;
  prompt: LocalizedDraft;
  /** One option per line (CHOICE only). */
  options: string;
  required: boolean;
}

export function optionList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Messages (translation keys) keyed "<row key>.prompt" / "<row key>.options". */
export function validateQuestions(rows: QuestionDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const row of rows) {
    if (!hasAnyText(row.prompt)) errors[`${row.key}.prompt`] = 'workshopsUi:errorQuestionPrompt';
    if (row.type === 'CHOICE') {
      const options = optionList(row.options);
      if (options.length < 2) errors[`${row.key}.options`] = 'workshopsUi:errorQuestionOptions';
      else if (new Set(options.map((o) => o.toLocaleLowerCase())).size !== options.length) errors[`${row.key}.options`] = 'workshopsUi:errorQuestionOptionsDuplicate';
    }
  }
  return errors;
}

export interface SeatRow {
  key: string;
  countryCode: string;
  seats: string;
}

export interface DetailsChecked {
  title: LocalizedDraft;
  slug: string;
  timeZone: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  offerHours: string;
  attendanceThreshold: string;
  languages: string[];
  certificateIssuer: string;
  meetingUrl: string;
  recordingUrl: string;
  countrySeats: SeatRow[];
}

const URL_PATTERN = /^https?:\/\/[^\s]+$/i;

/** Messages (translation keys) keyed by field name, or "<row key>.<field>" for seat rows. */
export function validateDetails(values: DetailsChecked): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!hasAnyText(values.title)) errors.title = 'workshopsUi:errorTitle';
  if (values.slug && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug)) errors.slug = 'workshopsUi:errorSlug';
  if (!isValidTimeZone(values.timeZone)) errors.timeZone = 'workshopsUi:errorTimeZone';
  if (values.capacity.trim() && (!/^\d{1,6}$/.test(values.capacity.trim()) || Number(values.capacity) < 1)) errors.capacity = 'workshopsUi:errorCapacity';
  if (values.registrationOpensAt && values.registrationClosesAt && values.registrationClosesAt <= values.registrationOpensAt) {
    errors.registrationClosesAt = 'workshopsUi:errorClosesBeforeOpens';
  }
  if (!/^\d{1,4}$/.test(values.offerHours.trim()) || Number(values.offerHours) < 1) errors.offerHours = 'workshopsUi:errorOfferHours';
  const threshold = Number(values.attendanceThreshold);
  if (!/^\d{1,3}$/.test(values.attendanceThreshold.trim()) || threshold < 1 || threshold > 100) errors.attendanceThreshold = 'workshopsUi:errorThreshold';
  if (values.languages.length === 0) errors.languages = 'workshopsUi:errorLanguages';
  if (!values.certificateIssuer.trim()) errors.certificateIssuer = 'workshopsUi:errorIssuer';
  if (values.meetingUrl.trim() && !URL_PATTERN.test(values.meetingUrl.trim())) errors.meetingUrl = 'workshopsUi:errorUrl';
  if (values.recordingUrl.trim() && !URL_PATTERN.test(values.recordingUrl.trim())) errors.recordingUrl = 'workshopsUi:errorUrl';
  const codes = new Set<string>();
  for (const row of values.countrySeats) {
    if (!row.countryCode || codes.has(row.countryCode)) errors[`${row.key}.countryCode`] = 'workshopsUi:errorSeatsCountry';
    codes.add(row.countryCode);
    if (!/^\d{1,6}$/.test(row.seats.trim()) || Number(row.seats) < 1) errors[`${row.key}.seats`] = 'workshopsUi:errorSeatsNumber';
  }
  return errors;
}

export function isUrl(value: string): boolean {
  return URL_PATTERN.test(value.trim());
}

/** E-mails from pasted text or a CSV file: any cell that looks like an address, once each. */
export function emailsFromText(text: string): string[] {
  const found = text.match(/[^\s,;"'<>()]+@[^\s,;"'<>()]+\.[^\s,;"'<>()]+/g) ?? [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const email of found) {
    const key = email.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(email);
    }
  }
  return out;
}
