import { LOCALES } from '@alliance/shared-core';
import type { EvidenceEditingFields, EvidenceItemInput, EvidenceLicence, EvidenceType, EvidenceVisibility } from '../operations-submit';

/** The API's limits (common brief, "Input limits"), checked before anything is sent. */
export const LIMITS = {
  titleMin: 3,
  titleMax: 300,
  abstractMin: 20,
  abstractMax: 5000,
  countriesMax: 33,
  focusAreasMax: 10,
  yearMin: 1950,
  authorsMax: 30,
  authorNameMin: 2,
  authorNameMax: 200,
  affiliationMax: 200,
  publisherMax: 200,
  urlMax: 2000,
} as const;

export interface TextBlock {
  locale: string;
  title: string;
  abstract: string;
}

export interface AuthorRow {
  key: string;
  name: string;
  affiliation: string;
}

export interface EvidenceFormValues {
  type: EvidenceType;
  language: string;
  /** The original's block first, then the translations in the order they were added. */
  texts: TextBlock[];
  countryCodes: string[];
  focusAreaIds: string[];
  year: string;
  authors: AuthorRow[];
  organisationId: string;
  publisher: string;
  licence: EvidenceLicence;
  externalUrl: string;
  doi: string;
  visibility: EvidenceVisibility;
}

let rowCounter = 0;
export function authorKey(): string {
  rowCounter += 1;
  return `author-${rowCounter}`;
}

export function emptyAuthor(): AuthorRow {
  return { key: authorKey(), name: '', affiliation: '' };
}

export function initialLanguage(readerLocale: string): string {
  const short = readerLocale.slice(0, 2);
  return (LOCALES as readonly string[]).includes(short) ? short : 'es';
}

export function valuesFrom(item: EvidenceEditingFields | null, readerLocale: string, defaultOrganisationId = ''): EvidenceFormValues {
  if (!item) {
    const language = initialLanguage(readerLocale);
    return {
      type: 'GOOD_PRACTICE',
      language,
      texts: [{ locale: language, title: '', abstract: '' }],
      countryCodes: [],
      focusAreaIds: [],
      year: String(new Date().getFullYear()),
      authors: [emptyAuthor()],
      organisationId: defaultOrganisationId,
      publisher: '',
      licence: 'CC_BY_4_0',
      externalUrl: '',
      doi: '',
      visibility: 'PUBLIC',
    };
  }
  const original = item.texts.filter((text) => text.locale === item.language);
  const others = item.texts.filter((text) => text.locale !== item.language);
  const texts = [...original, ...others].map((text) => ({ locale: text.locale, title: text.title, abstract: text.abstract }));
  return {
    type: item.type,
    language: item.language,
    texts: texts.length > 0 ? texts : [{ locale: item.language, title: '', abstract: '' }],
    countryCodes: item.countries.map((country) => country.code),
    focusAreaIds: item.focusAreas.map((area) => area.id),
    year: String(item.year),
    authors: item.authors.length > 0 ? item.authors.map((author) => ({ key: authorKey(), name: author.name, affiliation: author.affiliation ?? '' })) : [emptyAuthor()],
    organisationId: item.organisationId ?? '',
    publisher: item.publisher ?? '',
    licence: item.licence,
    externalUrl: item.externalUrl ?? '',
    doi: item.doi ?? '',
    visibility: item.visibility,
  };
}

/**
 * A new original language: the block already written in it becomes the original; when there is none,
 * the original block is relabelled (people pick the language after typing as often as before).
 */
export function withLanguage(values: EvidenceFormValues, language: string): EvidenceFormValues {
  if (language === values.language) return values;
  const existing = values.texts.find((text) => text.locale === language);
  if (existing) return { ...values, language, texts: [existing, ...values.texts.filter((text) => text !== existing)] };
  const [original, ...rest] = values.texts;
  return { ...values, language, texts: [{ ...(original ?? { title: '', abstract: '' }), locale: language }, ...rest] };
}

export function addTranslation(values: EvidenceFormValues, locale: string): EvidenceFormValues {
  if (values.texts.some((text) => text.locale === locale)) return values;
  return { ...values, texts: [...values.texts, { locale, title: '', abstract: '' }] };
}

export function removeTranslation(values: EvidenceFormValues, locale: string): EvidenceFormValues {
  if (locale === values.language) return values;
  return { ...values, texts: values.texts.filter((text) => text.locale !== locale) };
}

/** "https://doi.org/10.1234/abc" and "doi:10.1234/abc" are both the DOI "10.1234/abc". */
export function normaliseDoi(text: string): string {
  return text
    .trim()
    .replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
}

const DOI = /^10\.\d{4,9}\/\S+$/;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An error to show, as an i18n key and its values. */
export interface FieldProblem {
  key: string;
  params?: Record<string, string | number>;
}

export const textField = (locale: string, field: 'title' | 'abstract') => `text.${locale}.${field}`;
export const authorField = (key: string, field: 'name' | 'affiliation') => `${key}.${field}`;

/** The same rules as the API, keyed by the form's own field names (see textField / authorField). */
export function validateEvidence(values: EvidenceFormValues, now = new Date()): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const text of values.texts) {
    const title = text.title.trim();
    const abstract = text.abstract.trim();
    if (title.length < LIMITS.titleMin || title.length > LIMITS.titleMax) problems[textField(text.locale, 'title')] = { key: 'evidenceSubmit:errorTitle', params: { min: LIMITS.titleMin, max: LIMITS.titleMax } };
    if (abstract.length < LIMITS.abstractMin || abstract.length > LIMITS.abstractMax)
      problems[textField(text.locale, 'abstract')] = { key: 'evidenceSubmit:errorAbstract', params: { min: LIMITS.abstractMin, max: LIMITS.abstractMax } };
  }
  const yearText = values.year.trim();
  const maxYear = now.getFullYear() + 1;
  if (!/^\d{4}$/.test(yearText) || Number(yearText) < LIMITS.yearMin || Number(yearText) > maxYear) problems.year = { key: 'evidenceSubmit:errorYear', params: { min: LIMITS.yearMin, max: maxYear } };
  if (values.countryCodes.length > LIMITS.countriesMax) problems.countryCodes = { key: 'evidenceSubmit:errorCountries', params: { max: LIMITS.countriesMax } };
  if (values.focusAreaIds.length > LIMITS.focusAreasMax) problems.focusAreaIds = { key: 'evidenceSubmit:errorFocusAreas', params: { max: LIMITS.focusAreasMax } };
  const authors = values.authors.filter((author) => author.name.trim() || author.affiliation.trim());
  if (authors.length === 0) problems.authors = { key: 'evidenceSubmit:errorAuthorsRequired' };
  if (authors.length > LIMITS.authorsMax) problems.authors = { key: 'evidenceSubmit:errorAuthorsMax', params: { max: LIMITS.authorsMax } };
  for (const author of authors) {
    const name = author.name.trim();
    if (name.length < LIMITS.authorNameMin || name.length > LIMITS.authorNameMax)
      problems[authorField(author.key, 'name')] = { key: 'evidenceSubmit:errorAuthorName', params: { min: LIMITS.authorNameMin, max: LIMITS.authorNameMax } };
    if (author.affiliation.trim().length > LIMITS.affiliationMax) problems[authorField(author.key, 'affiliation')] = { key: 'evidenceSubmit:errorTooLong', params: { max: LIMITS.affiliationMax } };
  }
  if (values.publisher.trim().length > LIMITS.publisherMax) problems.publisher = { key: 'evidenceSubmit:errorTooLong', params: { max: LIMITS.publisherMax } };
  const url = values.externalUrl.trim();
  if (url && (url.length > LIMITS.urlMax || !isHttpUrl(url))) problems.externalUrl = { key: 'evidenceSubmit:errorUrl' };
  const doi = normaliseDoi(values.doi);
  if (doi && !DOI.test(doi)) problems.doi = { key: 'evidenceSubmit:errorDoi' };
  return problems;
}

export function toInput(values: EvidenceFormValues): EvidenceItemInput {
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  return {
    type: values.type,
    language: values.language,
    texts: values.texts.map((text) => ({ locale: text.locale, title: text.title.trim(), abstract: text.abstract.trim() })),
    countryCodes: values.countryCodes,
    focusAreaIds: values.focusAreaIds,
    year: Number(values.year.trim()),
    authors: values.authors
      .filter((author) => author.name.trim() || author.affiliation.trim())
      .map((author) => ({ name: author.name.trim(), affiliation: optional(author.affiliation) })),
    organisationId: values.organisationId || null,
    publisher: optional(values.publisher),
    licence: values.licence,
    externalUrl: optional(values.externalUrl),
    doi: optional(normaliseDoi(values.doi)),
    visibility: values.visibility,
  };
}

/**
 * The API's per-field messages (paths like "texts.1.abstract", "authors.0.name", "doi") moved to the
 * form's field names, using the order in which the rows were sent.
 */
export function mapApiFields(fields: Record<string, string>, values: EvidenceFormValues): Record<string, string> {
  const sentAuthors = values.authors.filter((author) => author.name.trim() || author.affiliation.trim());
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const parts = path.split('.');
    const index = /^\d+$/.test(parts[1] ?? '') ? Number(parts[1]) : null;
    if (parts[0] === 'texts' && index !== null && values.texts[index]) {
      const field = parts[2] === 'abstract' ? 'abstract' : 'title';
      out[textField(values.texts[index].locale, field)] ??= message;
      continue;
    }
    if (parts[0] === 'authors' && index !== null && sentAuthors[index]) {
      out[authorField(sentAuthors[index].key, parts[2] === 'affiliation' ? 'affiliation' : 'name')] ??= message;
      continue;
    }
    out[parts[0]] ??= message;
  }
  return out;
}
