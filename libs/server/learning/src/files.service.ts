import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { LearningFile } from './entities';
import { LEARNING_LIMITS, LEARNING_STATUSES } from './learning.constants';
import { isEditor, isUuid, type LearningActor } from './util';

export interface DetectedType {
  contentType: string;
  extension: string;
  image: boolean;
}

const OOXML: Array<{ marker: string; type: DetectedType }> = [
  { marker: 'word/', type: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', image: false } },
  { marker: 'xl/', type: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx', image: false } },
  { marker: 'ppt/', type: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extension: 'pptx', image: false } },
];

const startsWith = (data: Buffer, bytes: number[], offset = 0) => data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/**
 * The type of a file from its first bytes (never from its name or the browser's claim): PDF, the
 * Office Open XML and OpenDocument text formats, PNG, JPEG and WebP. Null for anything else.
 */
export function detectFileType(data: Buffer): DetectedType | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extension: 'pdf', image: false };
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png', image: true };
  if (startsWith(data, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg', image: true };
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) return { contentType: 'image/webp', extension: 'webp', image: true };
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument: the first entry is an uncompressed "mimetype" file holding the type.
    const head = data.subarray(30, 30 + 8 + 60).toString('latin1');
    if (head.startsWith('mimetype')) {
      return head.slice(8).startsWith('application/vnd.oasis.opendocument.text')
        ? { contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt', image: false }
        : null;
    }
    // Office Open XML: a ZIP with [Content_Types].xml and the part folder of its kind (entry names are stored plainly).
    const names = data.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    for (const { marker, type } of OOXML) if (names.includes(`${marker}`) && names.includes(`${marker}_rels/`)) return type;
    for (const { marker, type } of OOXML) if (names.includes(marker)) return type;
  }
  return null;
}

/** A file name safe to store and send back: no folders, control characters or quotes; the detected extension. */
export function safeFilename(original: string | undefined, extension: string): string {
  const base = (original ?? '')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, 150);
  return `${base || 'file'}.${extension}`;
}

/** Uploaded documents and cover images, kept in PostgreSQL (see LearningFile). */
@Injectable()
export class FilesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async upload(actor: LearningActor, original: string | undefined, data: Buffer): Promise<LearningFile> {
    if (!isEditor(actor)) throw AppError.forbidden();
    if (!data.length) throw AppError.badInput([{ field: 'file', key: 'learning:fileEmpty' }], 'learning:fileEmpty');
    if (data.length > LEARNING_LIMITS.fileBytesMax) throw AppError.badInput([{ field: 'file', key: 'learning:fileTooLarge' }], 'learning:fileTooLarge');
    const type = detectFileType(data);
    if (!type) throw AppError.badInput([{ field: 'file', key: 'learning:fileTypeNotAllowed' }], 'learning:fileTypeNotAllowed');
    if (type.image && data.length > LEARNING_LIMITS.imageBytesMax) throw AppError.badInput([{ field: 'file', key: 'learning:imageTooLarge' }], 'learning:imageTooLarge');
    const repo = this.dataSource.getRepository(LearningFile);
    return repo.save(
      repo.create({
        filename: safeFilename(original, type.extension),
        contentType: type.contentType,
        size: data.length,
        sha256: createHash('sha256').update(data).digest('hex'),
        data,
        uploadedById: actor.id,
      }),
    );
  }

  byIds(ids: readonly string[]): Promise<LearningFile[]> {
    return this.dataSource.getRepository(LearningFile).findBy({ id: In(ids.filter(isUuid)) });
  }

  /**
   * The file with its bytes if the viewer may read it: editors always; cover images of a course
   * everyone; a lesson document whoever may learn that lesson's course. `public` tells caches whether
   * it may be shared.
   */
  async read(id: string, viewer: LearningActor | undefined): Promise<{ file: LearningFile; public: boolean } | null> {
    if (!isUuid(id)) return null;
    const file = await this.dataSource.getRepository(LearningFile).createQueryBuilder('f').addSelect('f.data').where('f.id = :id', { id }).getOne();
    if (!file) return null;
    const [{ cover }] = await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM courses WHERE cover_image_id = $1) AS cover`, [id]);
    if (cover && file.contentType.startsWith('image/')) return { file, public: true };
    if (isEditor(viewer)) return { file, public: false };
    if (!viewer) return null;
    const [{ allowed }] = await this.dataSource.query(
      `SELECT EXISTS (
         SELECT 1 FROM lessons l JOIN enrolments e ON e.course_id = l.course_id
          WHERE l.file_id = $1 AND l.deleted_at IS NULL AND e.user_id = $2 AND e.status = ANY($3)
       ) AS allowed`,
      [id, viewer.id, [...LEARNING_STATUSES]],
    );
    return allowed ? { file, public: false } : null;
  }
}
