import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { z } from 'zod';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { AppError, paginate, parseInput, type ConnectionShape, type PageArgs } from '@alliance/server-graphql';
import { COLLABORATION_LIMITS as L } from '@alliance/shared-core';
import { CollaborationAccessService, isUuid, type CollaborationViewer, type SpaceAccess } from './access';
import { SpaceDocument, SpaceDocumentVersion } from './entities';

/** A file already in storage, as receiveUpload reported it, to be recorded as a version. */
export interface StoredDocumentFile {
  /** The version's id, chosen before the upload so that it names the storage key. */
  versionId: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** The largest version note (the column's length). */
export const DOCUMENT_NOTE_MAX = 1000;
/** Column length of a version's file name (safeFilename keeps names shorter already). */
const FILENAME_MAX = 200;

const newDocumentSchema = z.object({
  title: z
    .string({ error: 'collaborationRecords:documentTitleInvalid' })
    .trim()
    .min(1, { error: 'collaborationRecords:documentTitleInvalid' })
    .max(L.titleMax, { error: 'collaborationRecords:documentTitleInvalid' }),
  description: z
    .string({ error: 'collaborationRecords:documentDescriptionInvalid' })
    .trim()
    .max(L.textMax, { error: 'collaborationRecords:documentDescriptionInvalid' })
    .nullish()
    .transform((v) => v ?? ''),
});

const versionSchema = z.object({
  note: z
    .string({ error: 'collaborationRecords:versionNoteInvalid' })
    .trim()
    .max(DOCUMENT_NOTE_MAX, { error: 'collaborationRecords:versionNoteInvalid' })
    .nullish()
    .transform((v) => v ?? ''),
});

export type NewDocumentValues = z.input<typeof newDocumentSchema>;

const notFound = () => AppError.notFound('collaboration:notFound');

/**
 * Documents shared inside a space: members (MEMBER and above) upload them and any member may add a
 * new version (documents are co-produced); every version stays downloadable. Nothing here is
 * visible below MEMBER, and the answer for those is the same NOT_FOUND as for a missing space.
 * Closed spaces keep their documents readable and take no uploads.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CollaborationAccessService,
  ) {}

  /** Validates the text fields of a new document (the HTTP upload calls this before recording). */
  parseNewDocument(values: NewDocumentValues): z.output<typeof newDocumentSchema> {
    return parseInput(newDocumentSchema, values);
  }

  parseVersion(values: { note?: string | null }): z.output<typeof versionSchema> {
    return parseInput(versionSchema, values);
  }

  /**
   * Before any byte is read: the space the viewer may upload into (MEMBER, space not closed).
   * Throws NOT_FOUND (not a member) or CONFLICT collaboration:closedReadOnly.
   */
  async uploadTarget(viewer: CollaborationViewer | undefined, spaceId: string): Promise<SpaceAccess> {
    const access = await this.access.require(viewer, spaceId, 'MEMBER');
    if (access.space.status === 'CLOSED') throw AppError.conflict('collaboration:closedReadOnly');
    return access;
  }

  /** Before any byte is read: the document a new version would go to, with the same checks. */
  async versionTarget(viewer: CollaborationViewer | undefined, documentId: string): Promise<{ document: SpaceDocument; access: SpaceAccess }> {
    if (!viewer || !isUuid(documentId)) throw notFound();
    const document = await this.dataSource.getRepository(SpaceDocument).findOneBy({ id: documentId });
    if (!document) throw notFound();
    const access = await this.uploadTarget(viewer, document.spaceId);
    return { document, access };
  }

  /** Records a new document and its first version (the bytes are already stored under file.storageKey). */
  async createDocument(
    viewer: CollaborationViewer | undefined,
    spaceId: string,
    documentId: string,
    values: NewDocumentValues,
    file: StoredDocumentFile,
  ): Promise<{ document: SpaceDocument; version: SpaceDocumentVersion }> {
    const data = this.parseNewDocument(values);
    return this.dataSource.transaction(async (manager) => {
      // Locks the space: a close that happened while the bytes arrived wins, and the upload is refused.
      await this.access.requireWritable(viewer, spaceId, 'MEMBER', manager);
      const document = await manager.save(
        manager.create(SpaceDocument, { id: documentId, spaceId, title: data.title, description: data.description, createdById: viewer!.id, currentVersion: 1 }),
      );
      const version = await this.insertVersion(manager, document, 1, viewer!.id, '', file);
      return { document, version };
    });
  }

  /** Records the next version of a document (numbered under the document's row lock). */
  async addVersion(
    viewer: CollaborationViewer | undefined,
    documentId: string,
    values: { note?: string | null },
    file: StoredDocumentFile,
  ): Promise<{ document: SpaceDocument; version: SpaceDocumentVersion }> {
    const { note } = this.parseVersion(values);
    if (!isUuid(documentId)) throw notFound();
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(SpaceDocument, { id: documentId });
      if (!existing) throw notFound();
      await this.access.requireWritable(viewer, existing.spaceId, 'MEMBER', manager);
      // The row lock numbers concurrent uploads to one document one after the other.
      const document = await manager.findOne(SpaceDocument, { where: { id: documentId }, lock: { mode: 'pessimistic_write' } });
      if (!document) throw notFound();
      const next = document.currentVersion + 1;
      await manager.update(SpaceDocument, { id: document.id }, { currentVersion: next });
      const version = await this.insertVersion(manager, document, next, viewer!.id, note, file);
      return { document: await manager.findOneByOrFail(SpaceDocument, { id: document.id }), version };
    });
  }

  /** The space's documents, most recently updated first (MEMBER and above). */
  async list(viewer: CollaborationViewer | undefined, spaceId: string, page: PageArgs): Promise<ConnectionShape<SpaceDocument>> {
    await this.access.require(viewer, spaceId, 'MEMBER');
    const qb = this.dataSource.getRepository(SpaceDocument).createQueryBuilder('d').where('d.space_id = :spaceId', { spaceId });
    return paginate(qb, page, { column: 'd.updated_at', direction: 'DESC', valueOf: (d) => d.updatedAt.toISOString(), idColumn: 'd.id', idOf: (d) => d.id });
  }

  /** One document (MEMBER and above of its space), else NOT_FOUND. */
  async document(viewer: CollaborationViewer | undefined, documentId: string): Promise<SpaceDocument> {
    if (!viewer || !isUuid(documentId)) throw notFound();
    const document = await this.dataSource.getRepository(SpaceDocument).findOneBy({ id: documentId });
    if (!document) throw notFound();
    await this.access.require(viewer, document.spaceId, 'MEMBER');
    return document;
  }

  /** Every version of the documents, keyed by document id. */
  async versionsOf(documentIds: readonly string[]): Promise<Map<string, SpaceDocumentVersion[]>> {
    const out = new Map<string, SpaceDocumentVersion[]>(documentIds.map((id) => [id, []]));
    if (!documentIds.length) return out;
    const rows = await this.dataSource.getRepository(SpaceDocumentVersion).find({ where: { documentId: In([...documentIds]) }, order: { version: 'DESC' } });
    for (const row of rows) out.get(row.documentId)?.push(row);
    return out;
  }

  /** Display names of people, for "uploaded by". */
  async namesOf(userIds: ReadonlyArray<string | null | undefined>): Promise<Map<string, string>> {
    const ids = [...new Set(userIds.filter((id): id is string => !!id))];
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** A version the viewer may download (MEMBER and above of its space), else null: the caller answers 404. */
  async downloadable(viewer: CollaborationViewer | undefined, versionId: string): Promise<SpaceDocumentVersion | null> {
    if (!viewer || !isUuid(versionId)) return null;
    const version = await this.dataSource.getRepository(SpaceDocumentVersion).findOneBy({ id: versionId });
    if (!version) return null;
    return (await this.access.find(viewer, version.spaceId, 'MEMBER')) ? version : null;
  }

  private insertVersion(
    manager: EntityManager,
    document: SpaceDocument,
    version: number,
    uploadedById: string,
    note: string,
    file: StoredDocumentFile,
  ): Promise<SpaceDocumentVersion> {
    return manager.save(
      manager.create(SpaceDocumentVersion, {
        id: file.versionId,
        documentId: document.id,
        spaceId: document.spaceId,
        version,
        filename: file.filename.slice(0, FILENAME_MAX),
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        storageKey: file.storageKey,
        uploadedById,
        note,
      }),
    );
  }
}
