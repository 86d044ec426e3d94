/** Portal-wide roles. Everyone without one of these is a participant. */
export enum Role {
  Admin = 'ADMIN',
  Organiser = 'ORGANISER',
  Moderator = 'MODERATOR',
}

export const ALL_ROLES: readonly Role[] = [Role.Admin, Role.Organiser, Role.Moderator];
