import { z } from 'zod';
import { LOCALES } from '@alliance/shared-core';
import {
  DOI_PATTERN,
  EVIDENCE_LICENCES,
  EVIDENCE_LIMITS as L,
  EVIDENCE_REVIEW_DECISIONS,
  EVIDENCE_TYPES,
  EVIDENCE_VISIBILITIES,
  evidenceYearMax,
} from './evidence.constants';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Trimmed text or null when empty; longer than max gives `key`. */
const optionalText = (max: number, key: string) =>
  z
    .string({ error: key })
    .trim()
    .max(max, { error: key })
    .nullish()
    .transform((v) => (v ? v : null));

/** http(s) URLs only (no javascript:, data: or credentials), so the web may link them safely. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * "10.1234/abc", "doi:10.1234/abc", "https://doi.org/10.1234/abc" and "https://dx.doi.org/10.1234/abc"
 * all become "10.1234/abc"; anything else is null.
 */
export function normaliseDoi(value: string): string | null {
  let doi = value.trim();
  doi = doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  try {
    if (doi.includes('%')) doi = decodeURIComponent(doi);
  } catch {
    return null;
  }
  return DOI_PATTERN.test(doi) && doi.length <= L.doiMax ? doi : null;
}

const textSchema = z.object({
  locale: z.enum(LOCALES, { error: 'evidence:localeInvalid' }),
  title: z.string({ error: 'evidence:titleInvalid' }).trim().min(L.titleMin, { error: 'evidence:titleInvalid' }).max(L.titleMax, { error: 'evidence:titleInvalid' }),
  abstract: z
    .string({ error: 'evidence:abstractInvalid' })
    .trim()
    .min(L.abstractMin, { error: 'evidence:abstractInvalid' })
    .max(L.abstractMax, { error: 'evidence:abstractInvalid' }),
});

const authorSchema = z.object({
  name: z
    .string({ error: 'evidence:authorNameInvalid' })
    .trim()
    .min(L.authorNameMin, { error: 'evidence:authorNameInvalid' })
    .max(L.authorNameMax, { error: 'evidence:authorNameInvalid' }),
  affiliation: optionalText(L.affiliationMax, 'evidence:affiliationInvalid'),
});

export const evidenceItemSchema = z
  .object({
    type: z.enum(EVIDENCE_TYPES, { error: 'evidence:typeInvalid' }),
    language: z.enum(LOCALES, { error: 'evidence:languageInvalid' }),
    texts: z.array(textSchema, { error: 'evidence:textsInvalid' }).min(1, { error: 'evidence:textsInvalid' }).max(L.textsMax, { error: 'evidence:textsInvalid' }),
    countryCodes: z
      .array(z.string({ error: 'evidence:countryInvalid' }).trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'evidence:countryInvalid' }), {
        error: 'evidence:countryInvalid',
      })
      .nullish()
      .transform((codes) => [...new Set(codes ?? [])])
      .refine((codes) => codes.length <= L.countriesMax, { error: 'evidence:countriesTooMany' }),
    focusAreaIds: z
      .array(z.string({ error: 'evidence:focusAreaInvalid' }).regex(UUID, { error: 'evidence:focusAreaInvalid' }), { error: 'evidence:focusAreaInvalid' })
      .nullish()
      .transform((ids) => [...new Set((ids ?? []).map((id) => id.toLowerCase()))])
      .refine((ids) => ids.length <= L.focusAreasMax, { error: 'evidence:focusAreasTooMany' }),
    year: z
      .number({ error: 'evidence:yearInvalid' })
      .int({ error: 'evidence:yearInvalid' })
      .min(L.yearMin, { error: 'evidence:yearInvalid' })
      .refine((y) => y <= evidenceYearMax(), { error: 'evidence:yearInvalid' }),
    authors: z
      .array(authorSchema, { error: 'evidence:authorsRequired' })
      .min(L.authorsMin, { error: 'evidence:authorsRequired' })
      .max(L.authorsMax, { error: 'evidence:authorsRequired' }),
    organisationId: z
      .string({ error: 'evidence:organisationInvalid' })
      .regex(UUID, { error: 'evidence:organisationInvalid' })
      .nullish()
      .transform((v) => (v ? v.toLowerCase() : null)),
    publisher: optionalText(L.publisherMax, 'evidence:publisherInvalid'),
    licence: z.enum(EVIDENCE_LICENCES, { error: 'evidence:licenceInvalid' }),
    externalUrl: optionalText(L.urlMax, 'evidence:urlInvalid').refine((v) => v === null || isHttpUrl(v), { error: 'evidence:urlInvalid' }),
    doi: optionalText(L.doiMax * 2, 'evidence:doiInvalid').transform((v, ctx) => {
      if (v === null) return null;
      const doi = normaliseDoi(v);
      if (!doi) {
        ctx.addIssue({ code: 'custom', message: 'evidence:doiInvalid' });
        return z.NEVER;
      }
      return doi;
    }),
    visibility: z.enum(EVIDENCE_VISIBILITIES, { error: 'evidence:visibilityInvalid' }),
  })
  .superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.texts.forEach((text, index) => {
      if (seen.has(text.locale)) ctx.addIssue({ code: 'custom', path: ['texts', index, 'locale'], message: 'evidence:localeDuplicate' });
      seen.add(text.locale);
    });
    if (!seen.has(values.language)) ctx.addIssue({ code: 'custom', path: ['texts'], message: 'evidence:originalTextMissing' });
  });
export type EvidenceItemValues = z.output<typeof evidenceItemSchema>;

export const reviewSchema = z
  .object({
    decision: z.enum(EVIDENCE_REVIEW_DECISIONS, { error: 'validation:invalid' }),
    note: optionalText(L.noteMax, 'evidence:noteInvalid'),
  })
  .superRefine((values, ctx) => {
    if (values.decision !== 'PUBLISH' && !values.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'evidence:noteRequired' });
  });
