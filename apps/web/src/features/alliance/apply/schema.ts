import { z } from 'zod';

const WEBSITE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

const text = (min: number, max: number, tooShort: string, tooLong: string) =>
  z
    .string({ error: 'validation:required' })
    .trim()
    .min(1, { error: 'validation:required' })
    .min(min, { error: tooShort })
    .max(max, { error: tooLong });

/**
 * What the application form checks before sending (the API checks the same and more, e.g. the
 * duplicate guard). Messages are i18n keys, translated where they are shown.
 */
export const applicationFormSchema = z.object({
  organisationName: text(2, 200, 'allianceUi:tooShort', 'allianceUi:tooLong'),
  organisationType: z.string().min(1, { error: 'allianceUi:chooseTypeError' }),
  countryCode: z.string().min(1, { error: 'allianceUi:chooseCountryError' }),
  website: z
    .string()
    .trim()
    .max(300, { error: 'allianceUi:tooLong' })
    .refine((value) => value === '' || WEBSITE.test(value), { error: 'allianceUi:websiteInvalid' }),
  description: text(10, 4000, 'allianceUi:tooShort', 'allianceUi:tooLong'),
  applicantRole: text(2, 200, 'allianceUi:tooShort', 'allianceUi:tooLong'),
  motivation: text(10, 4000, 'allianceUi:tooShort', 'allianceUi:tooLong'),
  focusAreaIds: z.array(z.string()).min(1, { error: 'allianceUi:focusAreasRequired' }),
  acceptCharter: z.boolean().refine((accepted) => accepted, { error: 'allianceUi:charterRequired' }),
});

export type ApplicationFormValues = z.input<typeof applicationFormSchema>;

/** "www.example.org" becomes "https://www.example.org"; empty stays empty (the field is optional). */
export function normaliseWebsite(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}
