import { formatBytes, formatDate } from '../../learning/shared/format';

export { formatDate };

// Building an Intl.NumberFormat is far slower than using one, and a results page formats many counts.
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A whole number in the reader's language ("1.234" in Spanish, "1,234" in English). */
export function formatNumber(value: number, locale: string, maximumFractionDigits = 0): string {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A file's size for people ("1,5 MB" in Spanish), in whole bytes below one kilobyte. */
export function formatFileSize(bytes: number, locale: string): string {
  return formatBytes(Math.max(0, Math.round(bytes)), locale);
}
