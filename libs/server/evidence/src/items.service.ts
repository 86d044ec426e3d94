import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { OrganisationRolesService } from '@alliance/server-alliance';
import { AppError, decodeCursor, encodeCursor, parseInput, type ConnectionShape } from '@alliance/server-graphql';
import { NotificationsService } from '@alliance/server-notifications';
import { AuditService } from '@alliance/server-identity';
import { FILE_STORAGE, type FileStorage } from '@alliance/server-storage';
import { DEFAULT_LOCALE, LIMITS, isLocale, type Locale } from '@alliance/shared-core';
import { canSee, type EvidenceViewer } from './access';
import { EvidenceEvent, EvidenceFile, EvidenceItem, EvidenceText } from './entities';
import {
  DECISION_STATUS,
  EVIDENCE_EDITABLE_STATUSES,
  EVIDENCE_LIMITS,
  EVIDENCE_SUBMITTABLE_STATUSES,
  TEXT_SEARCH_CONFIG,
  UNACCENT_CONFIG,
  type EvidenceAction,
  type EvidenceReviewDecision,
  type EvidenceStatus,
} from './evidence.constants';
import { evidenceItemSchema, isUuid, reviewSchema, type EvidenceItemValues } from './evidence-input';

/** Whether the viewer may change the item's fields and add files. */
export function canEditItem(item: Pick<EvidenceItem, 'status' | 'submitterId'>, viewer: EvidenceViewer | undefined): boolean {
  if (!viewer) return false;
  if (viewer.reviewer && item.status !== 'REJECTED') return true;
  return viewer.id === item.submitterId && EVIDENCE_EDITABLE_STATUSES.includes(item.status);
}
export function canSubmitItem(item: Pick<EvidenceItem, 'status' | 'submitterId'>, viewer: EvidenceViewer | undefined): boolean {
  return !!viewer && viewer.id === item.submitterId && EVIDENCE_SUBMITTABLE_STATUSES.includes(item.status);
}
export function canReviewItem(item: Pick<EvidenceItem, 'status'>, viewer: EvidenceViewer | undefined): boolean {
  return !!viewer?.reviewer && item.status === 'SUBMITTED';
}
export function canDeleteItem(item: Pick<EvidenceItem, 'status' | 'submitterId'>, viewer: EvidenceViewer | undefined): boolean {
  return !!viewer && viewer.id === item.submitterId && item.status === 'DRAFT';
}
/** Submitter and reviewers see the history and the review note. */
export function isInsider(item: Pick<EvidenceItem, 'submitterId'>, viewer: EvidenceViewer | undefined): boolean {
  return !!viewer && (viewer.id === item.submitterId || viewer.reviewer);
}

/** Rows of an UPDATE/DELETE ... RETURNING run through manager.query (TypeORM's pg driver returns [rows, affected]). */
function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export interface NewEvidenceFile {
  /** Chosen by the caller before storing, so the storage key can carry it. */
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface EventView {
  event: EvidenceEvent;
  actorName: string;
}

/**
 * The evidence items' lifecycle: create, edit, files, submit, review, delete drafts, and the reads
 * the resolvers need. Every step writes its history row in the same transaction.
 */
@Injectable()
export class EvidenceItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisationRoles: OrganisationRolesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Optional() @Inject(FILE_STORAGE) private readonly storage?: FileStorage,
  ) {}

  // ---------------------------------------------------------------- reads

  /** Published items the viewer may see, in the order of ids (others are left out). */
  async visibleByIds(ids: string[], viewer: EvidenceViewer | undefined): Promise<EvidenceItem[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (!valid.length) return [];
    const rows = await this.dataSource.getRepository(EvidenceItem).findBy({ id: In(valid), status: 'PUBLISHED' });
    const byId = new Map(rows.filter((r) => canSee(r, viewer)).map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is EvidenceItem => !!r);
  }

  /** The item when the viewer may see it (any status), else null: "not found" for everyone else. */
  async findVisible(id: string, viewer: EvidenceViewer | undefined): Promise<EvidenceItem | null> {
    if (!isUuid(id)) return null;
    const item = await this.dataSource.getRepository(EvidenceItem).findOneBy({ id });
    return item && canSee(item, viewer) ? item : null;
  }

  /** The caller's own items, most recently changed first. */
  async myEvidence(viewer: EvidenceViewer | undefined, first?: number | null, after?: string | null): Promise<ConnectionShape<EvidenceItem>> {
    if (!viewer) throw AppError.unauthenticated();
    const qb = this.dataSource
      .getRepository(EvidenceItem)
      .createQueryBuilder('e')
      .where('e.submitter_id = :me', { me: viewer.id })
      .orderBy('e.updated_at', 'DESC')
      .addOrderBy('e.id', 'DESC');
    return this.page(qb, first, after);
  }

  /** Items in one status for reviewers; submissions oldest first (first come, first reviewed). */
  async reviewQueue(viewer: EvidenceViewer | undefined, status: EvidenceStatus | null | undefined, first?: number | null, after?: string | null): Promise<ConnectionShape<EvidenceItem>> {
    if (!viewer) throw AppError.unauthenticated();
    if (!viewer.reviewer) throw AppError.forbidden();
    const wanted = status ?? 'SUBMITTED';
    const qb = this.dataSource.getRepository(EvidenceItem).createQueryBuilder('e').where('e.status = :status', { status: wanted });
    if (wanted === 'SUBMITTED') qb.orderBy('e.submitted_at', 'ASC').addOrderBy('e.id', 'ASC');
    else qb.orderBy('e.updated_at', 'DESC').addOrderBy('e.id', 'DESC');
    return this.page(qb, first, after);
  }

  /** Offset pages (the cursor encodes the offset): lists here are short and ordered by mutable columns. */
  private async page(qb: SelectQueryBuilder<EvidenceItem>, first?: number | null, after?: string | null): Promise<ConnectionShape<EvidenceItem>> {
    const size = first ?? LIMITS.pageSizeDefault;
    if (!Number.isInteger(size) || size < 1 || size > EVIDENCE_LIMITS.pageSizeMax) throw AppError.badInput([{ field: 'first', key: 'validation:invalid' }]);
    const offset = after ? Number(decodeCursor(after, 1)[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw AppError.badInput([{ field: 'after', key: 'errors:invalidCursor' }], 'errors:invalidCursor');
    const [rows, totalCount] = await qb.skip(offset).take(size + 1).getManyAndCount();
    const nodes = rows.slice(0, size);
    const edges = nodes.map((node, i) => ({ cursor: encodeCursor([offset + i + 1]), node }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
  }

  /** The caller's active member organisations, which an item may be shared on behalf of. */
  async organisationOptions(viewer: EvidenceViewer | undefined): Promise<Array<{ id: string; name: string; countryCode: string }>> {
    if (!viewer) return [];
    const roles = await this.organisationRoles.rolesOf(viewer.id);
    const byId = new Map(roles.map((r) => [r.organisationId, { id: r.organisationId, name: r.organisationName, countryCode: r.countryCode }]));
    return [...byId.values()];
  }

  async textsOf(itemIds: readonly string[]): Promise<EvidenceText[]> {
    if (!itemIds.length) return [];
    return this.dataSource.getRepository(EvidenceText).find({ where: { itemId: In([...itemIds]) }, order: { original: 'DESC', locale: 'ASC' } });
  }

  async countryCodesOf(itemIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ item_id: string; country_code: string }> = itemIds.length
      ? await this.dataSource.query(`SELECT item_id, country_code FROM evidence_item_countries WHERE item_id = ANY($1) ORDER BY country_code`, [itemIds])
      : [];
    return groupBy(rows, (r) => r.item_id, (r) => r.country_code);
  }

  async focusAreaIdsOf(itemIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ item_id: string; focus_area_id: string }> = itemIds.length
      ? await this.dataSource.query(
          `SELECT l.item_id, l.focus_area_id FROM evidence_item_focus_areas l JOIN alliance_focus_areas f ON f.id = l.focus_area_id
            WHERE l.item_id = ANY($1) ORDER BY f.sort_order, f.key`,
          [itemIds],
        )
      : [];
    return groupBy(rows, (r) => r.item_id, (r) => r.focus_area_id);
  }

  /** Every file version of the items, newest first. */
  async filesOf(itemIds: readonly string[]): Promise<Map<string, EvidenceFile[]>> {
    const rows = itemIds.length ? await this.dataSource.getRepository(EvidenceFile).find({ where: { itemId: In([...itemIds]) }, order: { version: 'DESC' } }) : [];
    return groupBy(rows, (r) => r.itemId, (r) => r);
  }

  async historyOf(itemId: string): Promise<EventView[]> {
    const rows = await this.dataSource.getRepository(EvidenceEvent).find({ where: { itemId }, relations: { actor: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((event) => ({ event, actorName: event.actor?.name ?? '—' }));
  }

  async userNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = ids.length ? await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1)`, [ids]) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async organisationNames(ids: readonly string[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; name: string }> = ids.length ? await this.dataSource.query(`SELECT id, name FROM organisations WHERE id = ANY($1)`, [ids]) : [];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  // ---------------------------------------------------------------- writes

  async create(viewer: EvidenceViewer | undefined, input: unknown): Promise<EvidenceItem> {
    if (!viewer) throw AppError.unauthenticated();
    if (!viewer.member) throw AppError.forbidden('evidence:submitNotAllowed');
    const values = parseInput(evidenceItemSchema, input);
    await this.checkReferences(viewer, values, null);
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.save(
        manager.create(EvidenceItem, {
          ...this.columns(values),
          status: 'DRAFT',
          submitterId: viewer.id,
          downloadCount: 0,
          submittedAt: null,
          publishedAt: null,
          reviewedById: null,
          lastReviewNote: null,
        }),
      );
      await this.writeDetails(manager, item.id, values);
      await this.event(manager, item.id, viewer.id, 'CREATED');
      return item;
    });
  }

  /** Replaces every field; a published item stays published and the change is recorded as EDITED. */
  async update(viewer: EvidenceViewer | undefined, id: string, input: unknown): Promise<EvidenceItem> {
    if (!viewer) throw AppError.unauthenticated();
    const current = await this.findVisible(id, viewer);
    if (!current || !isInsider(current, viewer)) throw AppError.notFound('evidence:notFound');
    if (!canEditItem(current, viewer)) throw AppError.conflict('evidence:notEditable');
    const values = parseInput(evidenceItemSchema, input);
    await this.checkReferences(viewer, values, current.organisationId);
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(EvidenceItem, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // Checked again under the lock: a review may have happened since the first read.
      if (!item) throw AppError.notFound('evidence:notFound');
      if (!canEditItem(item, viewer)) throw AppError.conflict('evidence:notEditable');
      Object.assign(item, this.columns(values));
      const saved = await manager.save(item);
      await manager.query(`DELETE FROM evidence_texts WHERE item_id = $1`, [id]);
      await manager.query(`DELETE FROM evidence_item_countries WHERE item_id = $1`, [id]);
      await manager.query(`DELETE FROM evidence_item_focus_areas WHERE item_id = $1`, [id]);
      await this.writeDetails(manager, id, values);
      await this.event(manager, id, viewer.id, 'EDITED');
      return saved;
    });
  }

  /** DRAFT or CHANGES_REQUESTED -> SUBMITTED, when the item has a file or an external link; tells the reviewers. */
  async submit(viewer: EvidenceViewer | undefined, id: string): Promise<EvidenceItem> {
    if (!viewer) throw AppError.unauthenticated();
    const current = await this.findVisible(id, viewer);
    if (!current || current.submitterId !== viewer.id) throw AppError.notFound('evidence:notFound');
    if (!canSubmitItem(current, viewer)) throw AppError.conflict('evidence:notSubmittable');
    return this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE evidence_items e SET status = 'SUBMITTED', submitted_at = now(), updated_at = now()
            WHERE e.id = $1 AND e.submitter_id = $2 AND e.status IN ('DRAFT', 'CHANGES_REQUESTED')
              AND (e.external_url IS NOT NULL OR EXISTS (SELECT 1 FROM evidence_files f WHERE f.item_id = e.id))
          RETURNING e.id`,
          [id, viewer.id],
        ),
      );
      if (!rows.length) {
        const item = await manager.findOneBy(EvidenceItem, { id });
        if (item && canSubmitItem(item, viewer)) throw AppError.conflict('evidence:submitNeedsFile');
        throw AppError.conflict('evidence:notSubmittable');
      }
      await this.event(manager, id, viewer.id, 'SUBMITTED');
      const item = await manager.findOneByOrFail(EvidenceItem, { id });
      await this.notifyReviewers(manager, item, viewer);
      return item;
    });
  }

  /**
   * SUBMITTED -> PUBLISHED | CHANGES_REQUESTED | REJECTED. A conditional UPDATE decides, so of two
   * reviewers deciding at once exactly one wins and the other is told it was already reviewed.
   */
  async review(viewer: EvidenceViewer | undefined, id: string, decision: EvidenceReviewDecision, note?: string | null): Promise<EvidenceItem> {
    if (!viewer) throw AppError.unauthenticated();
    if (!viewer.reviewer) throw AppError.forbidden();
    const values = parseInput(reviewSchema, { decision, note });
    if (!isUuid(id)) throw AppError.notFound('evidence:notFound');
    const status = DECISION_STATUS[values.decision];
    return this.dataSource.transaction(async (manager) => {
      const rows = returnedRows<{ id: string }>(
        await manager.query(
          `UPDATE evidence_items SET status = $2::varchar, reviewed_by_id = $3, last_review_note = $4, updated_at = now(),
                  published_at = CASE WHEN $2::varchar = 'PUBLISHED' THEN coalesce(published_at, now()) ELSE published_at END
            WHERE id = $1 AND status = 'SUBMITTED'
          RETURNING id`,
          [id, status, viewer.id, values.note],
        ),
      );
      if (!rows.length) {
        const exists = await manager.existsBy(EvidenceItem, { id });
        if (!exists) throw AppError.notFound('evidence:notFound');
        throw AppError.conflict('evidence:alreadyReviewed');
      }
      await this.event(manager, id, viewer.id, status, values.note);
      const item = await manager.findOneByOrFail(EvidenceItem, { id });
      await this.audit.record(manager, {
        actorId: viewer.id,
        action: 'evidence.review',
        targetType: 'evidenceItem',
        targetId: id,
        targetLabel: await this.titleIn(manager, id, 'en'),
        params: { decision: values.decision, ...(values.note ? { note: values.note } : {}) },
        before: { status: 'SUBMITTED' },
        after: { status, ...(status === 'PUBLISHED' ? { publishedAt: item.publishedAt } : {}) },
      });
      await this.notifySubmitter(manager, item, status, values.note);
      return item;
    });
  }

  /** The submitter deletes a draft (and its stored files, once the deletion has committed). */
  async deleteDraft(viewer: EvidenceViewer | undefined, id: string): Promise<boolean> {
    if (!viewer) throw AppError.unauthenticated();
    const current = await this.findVisible(id, viewer);
    if (!current || current.submitterId !== viewer.id) throw AppError.notFound('evidence:notFound');
    if (current.status !== 'DRAFT') throw AppError.conflict('evidence:notDeletable');
    const keys = await this.dataSource.transaction(async (manager) => {
      const files: Array<{ storage_key: string }> = await manager.query(`SELECT storage_key FROM evidence_files WHERE item_id = $1`, [id]);
      const rows = returnedRows<{ id: string }>(
        await manager.query(`DELETE FROM evidence_items WHERE id = $1 AND submitter_id = $2 AND status = 'DRAFT' RETURNING id`, [id, viewer.id]),
      );
      if (!rows.length) throw AppError.conflict('evidence:notDeletable');
      return files.map((f) => f.storage_key);
    });
    await Promise.all(keys.map((key) => this.storage?.delete(key).catch(() => undefined)));
    return true;
  }

  /**
   * The item a file may be added to by the viewer, or null (answered as 404 by the controller:
   * items the viewer cannot edit do not exist for uploads).
   */
  async editableItem(viewer: EvidenceViewer | undefined, id: string): Promise<EvidenceItem | null> {
    const item = await this.findVisible(id, viewer);
    return item && canEditItem(item, viewer) ? item : null;
  }

  /** Records a stored upload as the item's next version. Null when the item is no longer editable. */
  async addFile(viewer: EvidenceViewer, itemId: string, file: NewEvidenceFile): Promise<EvidenceFile | null> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(EvidenceItem, { where: { id: itemId }, lock: { mode: 'pessimistic_write' } });
      if (!item || !canEditItem(item, viewer)) return null;
      // The row lock above numbers concurrent uploads to one item one after the other.
      const [{ next }]: Array<{ next: number }> = await manager.query(`SELECT coalesce(max(version), 0) + 1 AS next FROM evidence_files WHERE item_id = $1`, [itemId]);
      const saved = await manager.save(
        manager.create(EvidenceFile, {
          id: file.id,
          itemId,
          version: next,
          filename: file.filename.slice(0, EVIDENCE_LIMITS.filenameMax),
          contentType: file.contentType,
          size: file.size,
          sha256: file.sha256,
          storageKey: file.storageKey,
          uploadedById: viewer.id,
          downloadCount: 0,
        }),
      );
      await manager.query(`UPDATE evidence_items SET updated_at = now() WHERE id = $1`, [itemId]);
      await this.event(manager, itemId, viewer.id, 'FILE_ADDED', saved.filename);
      return saved;
    });
  }

  /** A file version and its item when the viewer may see the item, else null. */
  async downloadable(viewer: EvidenceViewer | undefined, fileId: string): Promise<{ file: EvidenceFile; item: EvidenceItem } | null> {
    if (!isUuid(fileId)) return null;
    const file = await this.dataSource.getRepository(EvidenceFile).findOneBy({ id: fileId });
    if (!file) return null;
    const item = await this.dataSource.getRepository(EvidenceItem).findOneBy({ id: file.itemId });
    return item && canSee(item, viewer) ? { file, item } : null;
  }

  /** Counts one download on the file and on its item (atomic increments, no read-then-write). */
  async countDownload(file: Pick<EvidenceFile, 'id' | 'itemId'>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE evidence_files SET download_count = download_count + 1 WHERE id = $1`, [file.id]);
      await manager.query(`UPDATE evidence_items SET download_count = download_count + 1 WHERE id = $1`, [file.itemId]);
    });
  }

  // ---------------------------------------------------------------- helpers

  private columns(values: EvidenceItemValues) {
    return {
      type: values.type,
      language: values.language,
      visibility: values.visibility,
      year: values.year,
      licence: values.licence,
      authors: values.authors.map((a) => (a.affiliation ? { name: a.name, affiliation: a.affiliation } : { name: a.name })),
      publisher: values.publisher,
      externalUrl: values.externalUrl,
      doi: values.doi,
      organisationId: values.organisationId,
    };
  }

  /** Countries of the alliance, existing focus areas and one of the caller's organisations (or the one already set). */
  private async checkReferences(viewer: EvidenceViewer, values: EvidenceItemValues, currentOrganisationId: string | null): Promise<void> {
    if (values.countryCodes.length) {
      const rows: Array<{ code: string }> = await this.dataSource.query(`SELECT code FROM alliance_countries WHERE code = ANY($1)`, [values.countryCodes]);
      const known = new Set(rows.map((r) => r.code.trim()));
      const index = values.countryCodes.findIndex((c) => !known.has(c));
      if (index >= 0) throw AppError.badInput([{ field: `countryCodes.${index}`, key: 'evidence:countryInvalid' }]);
    }
    if (values.focusAreaIds.length) {
      const rows: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM alliance_focus_areas WHERE id = ANY($1)`, [values.focusAreaIds]);
      const known = new Set(rows.map((r) => r.id));
      const index = values.focusAreaIds.findIndex((id) => !known.has(id));
      if (index >= 0) throw AppError.badInput([{ field: `focusAreaIds.${index}`, key: 'evidence:focusAreaInvalid' }]);
    }
    if (values.organisationId && values.organisationId !== currentOrganisationId) {
      const mine = await this.organisationOptions(viewer);
      if (!mine.some((o) => o.id === values.organisationId)) throw AppError.badInput([{ field: 'organisationId', key: 'evidence:organisationInvalid' }]);
    }
  }

  /** Texts (with their search vector, computed in SQL), countries and focus areas. */
  private async writeDetails(manager: EntityManager, itemId: string, values: EvidenceItemValues): Promise<void> {
    for (const text of values.texts) {
      await manager.query(
        `INSERT INTO evidence_texts (item_id, locale, title, abstract, original, search)
         VALUES ($1, $2, $3::text, $4::text, $5,
                 setweight(to_tsvector($6::regconfig, $3::text), 'A') || setweight(to_tsvector($6::regconfig, $4::text), 'B')
                 || setweight(to_tsvector($7::regconfig, $3::text), 'A') || setweight(to_tsvector($7::regconfig, $4::text), 'B'))`,
        [itemId, text.locale, text.title, text.abstract, text.locale === values.language, TEXT_SEARCH_CONFIG[text.locale], UNACCENT_CONFIG],
      );
    }
    if (values.countryCodes.length) {
      await manager.query(`INSERT INTO evidence_item_countries (item_id, country_code) SELECT $1, unnest($2::varchar[])`, [itemId, values.countryCodes]);
    }
    if (values.focusAreaIds.length) {
      await manager.query(`INSERT INTO evidence_item_focus_areas (item_id, focus_area_id) SELECT $1, unnest($2::uuid[])`, [itemId, values.focusAreaIds]);
    }
  }

  private async event(manager: EntityManager, itemId: string, actorId: string, action: EvidenceAction, note: string | null = null): Promise<void> {
    await manager.insert(EvidenceEvent, { itemId, actorId, action, note });
  }

  /** The item's title in `locale` when it has one, else the original. */
  private async titleIn(manager: EntityManager, itemId: string, locale: Locale): Promise<string> {
    const texts = await manager.find(EvidenceText, { where: { itemId } });
    return (texts.find((t) => t.locale === locale) ?? texts.find((t) => t.original) ?? texts[0])?.title ?? '';
  }

  /** In-app (and e-mail by preference) to every organiser and administrator but the submitter, one batch per language. */
  private async notifyReviewers(manager: EntityManager, item: EvidenceItem, submitter: EvidenceViewer): Promise<void> {
    const rows: Array<{ id: string; locale: string }> = await manager.query(
      `SELECT DISTINCT u.id, u.preferred_locale AS locale FROM users u JOIN user_roles r ON r.user_id = u.id
        WHERE r.role IN ('ORGANISER', 'ADMIN') AND u.id <> $1 ORDER BY u.id`,
      [submitter.id],
    );
    const byLocale = new Map<Locale, string[]>();
    for (const r of rows) {
      const locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), r.id]);
    }
    const submittedAt = item.submittedAt?.toISOString() ?? '';
    for (const [locale, userIds] of byLocale) {
      await this.notifications.notify(manager, {
        userIds,
        type: 'evidence.submitted',
        data: { title: await this.titleIn(manager, item.id, locale), submitter: submitter.name },
        link: `/manage/evidence/${item.id}`,
        dedupeKey: `evidence.submitted:${item.id}:${submittedAt}`,
      });
    }
  }

  private async notifySubmitter(manager: EntityManager, item: EvidenceItem, status: EvidenceStatus, note: string | null): Promise<void> {
    const [user]: Array<{ locale: string }> = await manager.query(`SELECT preferred_locale AS locale FROM users WHERE id = $1`, [item.submitterId]);
    const locale = isLocale(user?.locale) ? user.locale : DEFAULT_LOCALE;
    await this.notifications.notify(manager, {
      userIds: [item.submitterId],
      type: 'evidence.reviewed',
      data: { title: await this.titleIn(manager, item.id, locale), status, note: note ?? '' },
      link: status === 'PUBLISHED' ? `/evidence/${item.id}` : `/evidence/${item.id}/edit`,
      dedupeKey: `evidence.reviewed:${item.id}:${item.updatedAt.toISOString()}`,
    });
  }
}

function groupBy<R, V>(rows: R[], keyOf: (row: R) => string, valueOf: (row: R) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(valueOf(row));
    else map.set(key, [valueOf(row)]);
  }
  return map;
}
