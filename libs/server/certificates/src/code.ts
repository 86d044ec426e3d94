import { randomBytes } from 'node:crypto';

/** Crockford base32: no I, L, O or U, so a code read aloud or retyped is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** 12 random Crockford base32 characters (60 bits), stored without dashes. */
export function generateCertificateCode(): string {
  const bytes = randomBytes(8);
  let value = bytes.readBigUInt64BE(0) >> 4n; // 60 bits
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = ALPHABET[Number(value & 31n)] + code;
    value >>= 5n;
  }
  return code;
}

/** As printed and shown: XXXX-XXXX-XXXX. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * What a person typed, as stored: case, spaces and dashes ignored, and the look-alike letters
 * Crockford maps (I and L to 1, O to 0). Null when it cannot be a code at all.
 */
export function normaliseCertificateCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (cleaned.length !== CODE_LENGTH) return null;
  for (const char of cleaned) if (!ALPHABET.includes(char)) return null;
  return cleaned;
}
