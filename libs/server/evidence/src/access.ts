import { Injectable } from '@nestjs/common';
import { OrganisationRolesService } from '@alliance/server-alliance';
import type { RequestContext, SessionUser } from '@alliance/server-graphql';
import { Role, type Locale } from '@alliance/shared-core';
import type { EvidenceItem } from './entities';

/** Who is reading or acting, with what the evidence rules need to know about them. */
export interface EvidenceViewer {
  id: string;
  name: string;
  roles: readonly string[];
  locale: Locale;
  /** Holds a role in an active member organisation, or is staff: sees members-only items and may submit. */
  member: boolean;
  /** Organisers and administrators review submissions. */
  reviewer: boolean;
}

const STAFF: readonly string[] = [Role.Organiser, Role.Admin, Role.Moderator];
const REVIEWERS: readonly string[] = [Role.Organiser, Role.Admin];

export function isEvidenceReviewer(roles: readonly string[]): boolean {
  return roles.some((r) => REVIEWERS.includes(r));
}

const viewersByRequest = new WeakMap<object, Promise<EvidenceViewer | undefined>>();

@Injectable()
export class EvidenceAccessService {
  constructor(private readonly organisationRoles: OrganisationRolesService) {}

  async viewerFor(user: SessionUser | undefined | null, locale: Locale): Promise<EvidenceViewer | undefined> {
    if (!user) return undefined;
    const staff = user.roles.some((r) => STAFF.includes(r));
    const member = staff || (await this.organisationRoles.rolesOf(user.id)).length > 0;
    return { id: user.id, name: user.name, roles: user.roles, locale, member, reviewer: isEvidenceReviewer(user.roles) };
  }

  /** The viewer of one GraphQL request, computed once however many fields ask. */
  viewerForRequest(ctx: Pick<RequestContext, 'user' | 'locale'>): Promise<EvidenceViewer | undefined> {
    let viewer = viewersByRequest.get(ctx);
    if (!viewer) {
      viewer = this.viewerFor(ctx.user, ctx.locale);
      viewersByRequest.set(ctx, viewer);
    }
    return viewer;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

/**
 * SQL condition (no parameters) that a row of evidence_items aliased `alias` is published and
 * visible to the viewer: public items for everyone, members-only items for members and staff.
 */
export function publishedVisibleSql(alias: string, viewer: EvidenceViewer | undefined): string {
  if (!IDENTIFIER.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  return viewer?.member ? `${alias}.status = 'PUBLISHED'` : `${alias}.status = 'PUBLISHED' AND ${alias}.visibility = 'PUBLIC'`;
}

/**
 * SQL condition (no parameters) that a search document aliased `alias` is visible to the viewer.
 * Only published items have documents; members-only ones are for members and staff.
 */
export function searchVisibleSql(alias: string, viewer: EvidenceViewer | undefined): string {
  if (!IDENTIFIER.test(alias)) throw new Error(`Invalid SQL alias: ${alias}`);
  return viewer?.member ? 'TRUE' : `NOT ${alias}.members_only`;
}

/** Whether the viewer may see the item at all (everyone else is told it does not exist). */
export function canSee(item: Pick<EvidenceItem, 'status' | 'visibility' | 'submitterId'>, viewer?: EvidenceViewer): boolean {
  if (item.status === 'PUBLISHED' && (item.visibility === 'PUBLIC' || viewer?.member)) return true;
  return !!viewer && (viewer.id === item.submitterId || viewer.reviewer);
}
