import { z } from 'zod';
import { emailSchema } from '@alliance/shared-core';
import { ALLIANCE_LIMITS as L, FOCAL_POINT_ROLES, INVITATION_ROLES, MEMBERSHIP_CATEGORIES, ORGANISATION_TYPES } from './alliance.constants';
import { websiteHost } from './normalise';

const text = (min: number, max: number, key: string) => z.string({ error: 'validation:required' }).trim().min(min, { error: key }).max(max, { error: key });
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'validation:invalid' });

export const isoDateSchema = z
  .string({ error: 'alliance:dateInvalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'alliance:dateInvalid' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: 'alliance:dateInvalid' });

export const applicationSchema = z.object({
  organisationName: text(L.organisationNameMin, L.organisationNameMax, 'alliance:organisationNameInvalid'),
  organisationType: z.enum(ORGANISATION_TYPES, { error: 'alliance:organisationTypeInvalid' }),
  countryCode: z.string({ error: 'validation:required' }).trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'validation:countryInvalid' }),
  website: z
    .string()
    .trim()
    .max(L.websiteMax, { error: 'alliance:websiteInvalid' })
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || websiteHost(v) !== null, { error: 'alliance:websiteInvalid' }),
  description: text(L.descriptionMin, L.descriptionMax, 'alliance:descriptionInvalid'),
  applicantRole: text(2, L.applicantRoleMax, 'alliance:applicantRoleInvalid'),
  motivation: text(L.motivationMin, L.motivationMax, 'alliance:motivationInvalid'),
  focusAreaIds: z
    .array(uuid, { error: 'alliance:focusAreasInvalid' })
    .min(1, { error: 'alliance:focusAreasRequired' })
    .max(L.focusAreasMax, { error: 'alliance:focusAreasInvalid' })
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  charterVersion: z.number({ error: 'alliance:charterNotAccepted' }).int({ error: 'alliance:charterNotAccepted' }),
});
export type ApplicationValues = z.infer<typeof applicationSchema>;

export const noteSchema = z
  .string()
  .trim()
  .max(L.noteMax, { error: 'alliance:noteTooLong' })
  .nullish()
  .transform((v) => (v ? v : null));
export const requiredNoteSchema = text(1, L.noteMax, 'alliance:noteRequired');
export const reasonSchema = text(L.reasonMin, L.noteMax, 'alliance:reasonRequired');
export const categorySchema = z.enum(MEMBERSHIP_CATEGORIES, { error: 'validation:invalid' }).nullish();

export const invitationSchema = z
  .object({
    email: emailSchema,
    role: z.enum(INVITATION_ROLES, { error: 'validation:invalid' }),
    focusAreaId: uuid.nullish(),
    focalRole: z.enum(FOCAL_POINT_ROLES, { error: 'validation:invalid' }).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.role !== 'FOCAL_POINT') return;
    if (!v.focusAreaId) ctx.addIssue({ code: 'custom', path: ['focusAreaId'], message: 'alliance:focalAreaRequired' });
    if (!v.focalRole) ctx.addIssue({ code: 'custom', path: ['focalRole'], message: 'alliance:focalRoleRequired' });
  });

export const designationSchema = z
  .object({
    userId: uuid,
    focusAreaId: uuid,
    role: z.enum(FOCAL_POINT_ROLES, { error: 'validation:invalid' }),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullish(),
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, { path: ['endDate'], error: 'alliance:endBeforeStart' });

const focusName = text(2, L.focusAreaNameMax, 'alliance:focusAreaNameInvalid');
export const focusAreaSchema = z.object({
  key: z.string({ error: 'validation:required' }).trim().toLowerCase().regex(/^[a-z][a-z0-9_]{1,62}$/, { error: 'alliance:focusAreaKeyInvalid' }),
  es: focusName,
  en: focusName,
  pt: focusName,
  fr: focusName,
  active: z.boolean(),
});

const charterText = text(20, L.charterMax, 'alliance:charterTextInvalid');
export const charterSchema = z.object({ es: charterText, en: charterText, pt: charterText, fr: charterText });

export { uuid as uuidSchema };
export function isUuid(value: unknown): value is string {
  return uuid.safeParse(value).success;
}
