import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@alliance/server-graphql';
import { collaborationDocumentUrl } from '../collaboration.constants';
import type { SpaceDocument, SpaceDocumentVersion } from '../entities';

@ObjectType('SpaceDocumentVersion', { description: 'One uploaded version of a shared document. The bytes are downloaded from `url` (members of the space only).' })
export class SpaceDocumentVersionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) documentId: string;
  @Field(() => Int) version: number;
  @Field() filename: string;
  @Field() contentType: string;
  @Field(() => Int, { description: 'Bytes.' }) size: number;
  @Field() sha256: string;
  @Field({ description: 'What changed in this version (may be empty).' }) note: string;
  @Field() uploadedAt: Date;
  @Field(() => String, { nullable: true, description: 'Null when the account no longer exists.' }) uploadedByName: string | null;
  @Field({ description: 'Download address (/api/collaboration/documents/<version id>).' }) url: string;

  static from(v: SpaceDocumentVersion, names: ReadonlyMap<string, string>): SpaceDocumentVersionModel {
    return Object.assign(new SpaceDocumentVersionModel(), {
      id: v.id,
      documentId: v.documentId,
      version: v.version,
      filename: v.filename,
      contentType: v.contentType,
      size: v.size,
      sha256: v.sha256.trim(),
      note: v.note,
      uploadedAt: v.createdAt,
      uploadedByName: (v.uploadedById && names.get(v.uploadedById)) ?? null,
      url: collaborationDocumentUrl(v.id),
    });
  }
}

@ObjectType('SpaceDocument', { description: 'A document shared inside a working table or technical group; co-produced documents get new versions.' })
export class SpaceDocumentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) spaceId: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => Int, { description: 'The number of the newest version.' }) currentVersion: number;
  @Field() createdAt: Date;
  @Field({ description: 'When the last version was added.' }) updatedAt: Date;
  @Field(() => String, { nullable: true }) createdByName: string | null;
  @Field(() => SpaceDocumentVersionModel, { nullable: true, description: 'The newest version.' }) current: SpaceDocumentVersionModel | null;
  @Field(() => [SpaceDocumentVersionModel], { description: 'Every version, newest first.' }) versions: SpaceDocumentVersionModel[];

  static from(d: SpaceDocument, versions: readonly SpaceDocumentVersion[], names: ReadonlyMap<string, string>): SpaceDocumentModel {
    const list = [...versions].sort((a, b) => b.version - a.version).map((v) => SpaceDocumentVersionModel.from(v, names));
    return Object.assign(new SpaceDocumentModel(), {
      id: d.id,
      spaceId: d.spaceId,
      title: d.title,
      description: d.description,
      currentVersion: d.currentVersion,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      createdByName: (d.createdById && names.get(d.createdById)) ?? null,
      current: list[0] ?? null,
      versions: list,
    });
  }
}

export const SpaceDocumentConnection = Connection(SpaceDocumentModel, 'SpaceDocument');
