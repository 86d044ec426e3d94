/**
 * Countries. Names are not stored here: every client and the server get them in the reader's
 * language from Intl.DisplayNames, which knows all four of our languages.
 */
export type SubRegion = 'SOUTH_AMERICA' | 'CENTRAL_AMERICA_MEXICO' | 'CARIBBEAN';

/** The 33 countries of Latin America and the Caribbean (ECLAC members in the region). */
export const LAC_COUNTRIES: ReadonlyArray<{ code: string; subRegion: SubRegion }> = [
  { code: 'AR', subRegion: 'SOUTH_AMERICA' },
  { code: 'BO', subRegion: 'SOUTH_AMERICA' },
  { code: 'BR', subRegion: 'SOUTH_AMERICA' },
  { code: 'CL', subRegion: 'SOUTH_AMERICA' },
  { code: 'CO', subRegion: 'SOUTH_AMERICA' },
  { code: 'EC', subRegion: 'SOUTH_AMERICA' },
  { code: 'GY', subRegion: 'SOUTH_AMERICA' },
  { code: 'PY', subRegion: 'SOUTH_AMERICA' },
  { code: 'PE', subRegion: 'SOUTH_AMERICA' },
  { code: 'SR', subRegion: 'SOUTH_AMERICA' },
  { code: 'UY', subRegion: 'SOUTH_AMERICA' },
  { code: 'VE', subRegion: 'SOUTH_AMERICA' },
  { code: 'BZ', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'CR', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'SV', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'GT', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'HN', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'MX', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'NI', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'PA', subRegion: 'CENTRAL_AMERICA_MEXICO' },
  { code: 'AG', subRegion: 'CARIBBEAN' },
  { code: 'BS', subRegion: 'CARIBBEAN' },
  { code: 'BB', subRegion: 'CARIBBEAN' },
  { code: 'CU', subRegion: 'CARIBBEAN' },
  { code: 'DM', subRegion: 'CARIBBEAN' },
  { code: 'DO', subRegion: 'CARIBBEAN' },
  { code: 'GD', subRegion: 'CARIBBEAN' },
  { code: 'HT', subRegion: 'CARIBBEAN' },
  { code: 'JM', subRegion: 'CARIBBEAN' },
  { code: 'KN', subRegion: 'CARIBBEAN' },
  { code: 'LC', subRegion: 'CARIBBEAN' },
  { code: 'VC', subRegion: 'CARIBBEAN' },
  { code: 'TT', subRegion: 'CARIBBEAN' },
];

/** Every ISO 3166-1 alpha-2 code, so people from observer countries can sign up too. */
export const ISO_COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const isoSet = new Set(ISO_COUNTRY_CODES);
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && isoSet.has(value);
}

/** Localised country name, e.g. countryName('BR', 'fr') === 'Brésil'. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
