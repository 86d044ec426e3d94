import { registerEnumType } from '@nestjs/graphql';
import { LOCALES, Role } from '@alliance/shared-core';

// GraphQL takes enum value names from the object's keys, so the contract's ADMIN/ORGANISER/MODERATOR
// need an object keyed by the values (the TypeScript enum is keyed Admin, Organiser, ...).
export const RoleEnum = Object.fromEntries(Object.values(Role).map((value) => [value, value])) as Record<Role, Role>;
registerEnumType(RoleEnum, { name: 'Role', description: 'Portal-wide role; people without one are participants.' });

export const LocaleEnum = Object.fromEntries(LOCALES.map((value) => [value, value])) as Record<(typeof LOCALES)[number], string>;
registerEnumType(LocaleEnum, { name: 'Locale', description: 'Interface and e-mail language.' });
