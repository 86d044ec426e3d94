import { z } from 'zod';
import { LIMITS } from './limits';
import { LOCALES } from './locales';
import { isCountryCode } from './countries';

/**
 * Input schemas shared by the web forms and the API. Messages are i18n keys (namespace
 * "validation"), translated where they are shown, so both sides say the same thing in every language.
 */
const name = z
  .string({ error: 'validation:required' })
  .trim()
  .min(LIMITS.nameMin, { error: 'validation:nameTooShort' })
  .max(LIMITS.nameMax, { error: 'validation:nameTooLong' });

export const emailSchema = z
  .string({ error: 'validation:required' })
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax, { error: 'validation:emailTooLong' })
  .pipe(z.email({ error: 'validation:emailInvalid' }));

export const passwordSchema = z
  .string({ error: 'validation:required' })
  .min(LIMITS.passwordMin, { error: 'validation:passwordTooShort' })
  .max(LIMITS.passwordMax, { error: 'validation:passwordTooLong' });

const country = z.string({ error: 'validation:required' }).refine(isCountryCode, { error: 'validation:countryInvalid' });
const locale = z.enum(LOCALES, { error: 'validation:localeInvalid' });

/** True for a path inside this site: "/x", never "//host", "/\\host" or anything with control characters. */
export function isSafeReturnPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !/[\u0000-\u001f\u007f]/.test(path);
}

/**
 * Where to bring the person back after sign-up and e-mail verification: a path inside this site only
 * (starts with one "/"), so a crafted link cannot send anyone elsewhere.
 */
export const returnToSchema = z
  .string({ error: 'validation:returnToInvalid' })
  .max(LIMITS.returnToMax, { error: 'validation:returnToInvalid' })
  .refine(isSafeReturnPath, { error: 'validation:returnToInvalid' });

export const signUpSchema = z.object({
  name,
  email: emailSchema,
  password: passwordSchema,
  countryCode: country,
  preferredLocale: locale,
  returnTo: returnToSchema.nullish(),
});
export type SignUpValues = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'validation:required' }).min(1, { error: 'validation:required' }),
});

export const updateProfileSchema = z.object({
  name,
  countryCode: country,
  preferredLocale: locale,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { error: 'validation:required' }),
  newPassword: passwordSchema,
});

export const resetPasswordSchema = z.object({
  token: z.string().min(1, { error: 'validation:tokenInvalid' }),
  newPassword: passwordSchema,
});

/** Flattens zod issues into field errors keyed by the i18n message key. */
export function toFieldErrors(error: z.ZodError): Array<{ field: string; key: string; params?: Record<string, string | number> }> {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || '_',
    key: issue.message.includes(':') ? issue.message : 'validation:invalid',
    params: paramsOf(issue),
  }));
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> | undefined {
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
    return { count: Number(bound) };
  }
  return undefined;
}
