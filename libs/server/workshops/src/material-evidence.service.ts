import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppError, pickLocalized } from '@alliance/server-graphql';
import {
  EvidenceAccessService,
  EvidenceItemsService,
  EvidenceText,
  EvidenceUsageRegistry,
  type EvidenceItem,
  type EvidenceUsageProvider,
  type EvidenceViewer,
} from '@alliance/server-evidence';
import type { Locale, Role } from '@alliance/shared-core';
import { isAdmin, isOrganiserRole, isUuid, type WorkshopActor } from './util';
import type { LocalizedText } from './workshops.constants';

/**
 * Workshop materials that are evidence bank items: checking an organiser may link the item, and
 * the "used in" side of the item page. Evidence cannot import workshops (tier order), so this
 * service registers itself with the evidence domain's usage registry when the module starts.
 */
@Injectable()
export class WorkshopEvidenceService implements EvidenceUsageProvider, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceItemsService,
    private readonly access: EvidenceAccessService,
    private readonly registry: EvidenceUsageRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** The evidence bank's view of an acting organiser (services are called without a request). */
  viewerOf(actor: WorkshopActor): Promise<EvidenceViewer | undefined> {
    const user = { id: actor.id, sessionId: '', email: '', name: actor.name, roles: actor.roles as Role[], locale: actor.locale ?? 'es' };
    return this.access.viewerFor(user, actor.locale ?? 'es');
  }

  /**
   * The published item the organiser may link, with its title in their language (the original
   * when there is no translation); BAD_USER_INPUT naming evidenceItemId otherwise.
   */
  async requireLinkable(actor: WorkshopActor, id: string, viewer?: EvidenceViewer): Promise<{ item: EvidenceItem; title: string }> {
    const [item] = await this.evidence.visibleByIds([id], viewer ?? (await this.viewerOf(actor)));
    if (!item) throw AppError.badInput([{ field: 'evidenceItemId', key: 'workshops:materialEvidenceInvalid' }]);
    const texts = await this.dataSource.getRepository(EvidenceText).findBy({ itemId: item.id });
    const locale: Locale = viewer?.locale ?? actor.locale ?? 'es';
    const text = texts.find((t) => t.locale === locale) ?? texts.find((t) => t.original) ?? texts[0];
    return { item, title: text?.title ?? '' };
  }

  /** Items by id that the viewer may see (published and visible), for batched field resolvers. */
  async visibleMap(ids: readonly string[], viewer: EvidenceViewer | undefined): Promise<Map<string, EvidenceItem>> {
    const wanted = [...new Set(ids.filter(isUuid))];
    const items = wanted.length ? await this.evidence.visibleByIds(wanted, viewer) : [];
    return new Map(items.map((i) => [i.id, i]));
  }

  /**
   * Workshops with a material linking the item that the viewer may see: published ones (not
   * drafts, not cancelled) for everyone; drafts and cancelled ones also for their managers. Titles
   * in `locale` when the caller passes it (anonymous readers have no viewer), else the viewer's, else Spanish.
   */
  async usagesOf(itemId: string, viewer: EvidenceViewer | undefined, locale?: Locale): Promise<Array<{ kind: 'WORKSHOP'; title: string; path: string }>> {
    if (!isUuid(itemId)) return [];
    // Same rule as canManageWorkshop: administrators, or organisers listed on the workshop.
    const organiser = !!viewer && !isAdmin(viewer) && isOrganiserRole(viewer);
    const manages = isAdmin(viewer) ? 'TRUE' : organiser ? `EXISTS (SELECT 1 FROM workshop_organisers o WHERE o.workshop_id = w.id AND o.user_id = $2)` : 'FALSE';
    const rows: Array<{ slug: string; title: LocalizedText }> = await this.dataSource.query(
      `SELECT w.slug, w.title FROM workshops w
        WHERE EXISTS (SELECT 1 FROM workshop_materials m WHERE m.workshop_id = w.id AND m.evidence_item_id = $1)
          AND (w.status NOT IN ('DRAFT', 'CANCELLED') OR ${manages})
        ORDER BY w.starts_at DESC, w.id`,
      organiser && viewer ? [itemId, viewer.id] : [itemId],
    );
    const shown = locale ?? viewer?.locale ?? 'es';
    return rows.map((r) => ({ kind: 'WORKSHOP' as const, title: pickLocalized(r.title, shown), path: `/workshops/${r.slug}` }));
  }
}
