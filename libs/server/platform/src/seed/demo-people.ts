import { Role, type Locale } from '@alliance/shared-core';

/** Invented people for the demo data: realistic for the region, none of them real. */
export interface DemoPerson {
  name: string;
  email: string;
  countryCode: string;
  preferredLocale: Locale;
  roles: Role[];
}

/** Everyone in the demo signs in with this password (printed in the README and at first start). */
export const DEMO_PASSWORD = 'Alianza-Demo-2026';

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'Valentina Rojas Campos', email: 'admin@alianza.example', countryCode: 'CL', preferredLocale: 'es', roles: [Role.Admin] },
  { name: 'Mateus Albuquerque Lima', email: 'organizador@alianza.example', countryCode: 'BR', preferredLocale: 'pt', roles: [Role.Organiser] },
  { name: 'Rosa Elena Quispe Mamani', email: 'moderadora@alianza.example', countryCode: 'PE', preferredLocale: 'es', roles: [Role.Moderator] },
  { name: 'Andrés Villalobos Mora', email: 'andres.villalobos@mep-cr.example', countryCode: 'CR', preferredLocale: 'es', roles: [] },
  { name: 'Marie-Claude Joseph', email: 'mc.joseph@menfp-ht.example', countryCode: 'HT', preferredLocale: 'fr', roles: [] },
  { name: 'Keisha Thompson-Reid', email: 'k.thompson@moey-jm.example', countryCode: 'JM', preferredLocale: 'en', roles: [] },
  { name: 'Lucía Fernández Sosa', email: 'lucia.fernandez@anep-uy.example', countryCode: 'UY', preferredLocale: 'es', roles: [] },
  { name: 'Joana Cavalcanti Rocha', email: 'joana.rocha@redeeduca.example', countryCode: 'BR', preferredLocale: 'pt', roles: [] },
  { name: 'Diego Hernández Ortiz', email: 'diego.hernandez@sep-mx.example', countryCode: 'MX', preferredLocale: 'es', roles: [] },
  { name: 'Shivani Ramdin', email: 's.ramdin@moe-tt.example', countryCode: 'TT', preferredLocale: 'en', roles: [] },
];
