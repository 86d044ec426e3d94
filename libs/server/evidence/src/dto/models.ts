import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@alliance/server-graphql';
import type { EvidenceAction, EvidenceLicence, EvidenceStatus, EvidenceType, EvidenceVisibility } from '../evidence.constants';
import { evidenceFileUrl } from '../evidence.constants';
import type { EvidenceEvent, EvidenceFile, EvidenceItem, EvidenceText } from '../entities';
import { EvidenceActionEnum, EvidenceLicenceEnum, EvidenceStatusEnum, EvidenceTypeEnum, EvidenceVisibilityEnum } from './enums';

@ObjectType('EvidenceText')
export class EvidenceTextModel {
  @Field() locale: string;
  @Field() title: string;
  @Field() abstract: string;
  @Field() original: boolean;

  static from(t: Pick<EvidenceText, 'locale' | 'title' | 'abstract' | 'original'>): EvidenceTextModel {
    return Object.assign(new EvidenceTextModel(), { locale: t.locale, title: t.title, abstract: t.abstract, original: t.original });
  }
}

@ObjectType('EvidenceAuthor')
export class EvidenceAuthorModel {
  @Field() name: string;
  @Field(() => String, { nullable: true }) affiliation: string | null;
}

@ObjectType('EvidenceFile')
export class EvidenceFileModel {
  @Field(() => ID) id: string;
  @Field(() => Int) version: number;
  @Field() filename: string;
  @Field() contentType: string;
  @Field(() => Int) size: number;
  @Field() sha256: string;
  @Field() uploadedAt: Date;
  @Field(() => Int) downloadCount: number;
  @Field({ description: 'Download address (/api/evidence/files/<id>).' }) url: string;

  static from(f: EvidenceFile): EvidenceFileModel {
    return Object.assign(new EvidenceFileModel(), {
      id: f.id,
      version: f.version,
      filename: f.filename,
      contentType: f.contentType,
      size: f.size,
      sha256: f.sha256,
      uploadedAt: f.createdAt,
      downloadCount: f.downloadCount,
      url: evidenceFileUrl(f.id),
    });
  }
}

@ObjectType('EvidenceEvent')
export class EvidenceEventModel {
  @Field(() => ID) id: string;
  @Field(() => EvidenceActionEnum) action: EvidenceAction;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field() actorName: string;
  @Field() at: Date;

  static from(e: EvidenceEvent, actorName: string): EvidenceEventModel {
    return Object.assign(new EvidenceEventModel(), { id: e.id, action: e.action, note: e.note, actorName, at: e.createdAt });
  }
}

@ObjectType('EvidenceOrganisationOption')
export class EvidenceOrganisationOptionModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() countryCode: string;
}

/**
 * An evidence item. Plain columns are fields here; title, abstract, displayLocale, texts, countries,
 * focusAreas, files, history, names and permissions are resolved per reader by EvidenceItemFieldsResolver
 * (items.resolver.ts); citation, related and usedIn by the search resolver.
 */
@ObjectType('EvidenceItem')
export class EvidenceItemModel {
  @Field(() => ID) id: string;
  @Field(() => EvidenceStatusEnum) status: EvidenceStatus;
  @Field(() => EvidenceTypeEnum) type: EvidenceType;
  @Field({ description: 'The original language (es, en, pt, fr).' }) language: string;
  @Field(() => EvidenceVisibilityEnum) visibility: EvidenceVisibility;
  @Field(() => Int) year: number;
  @Field(() => [EvidenceAuthorModel]) authors: EvidenceAuthorModel[];
  @Field(() => String, { nullable: true }) publisher: string | null;
  @Field(() => EvidenceLicenceEnum) licence: EvidenceLicence;
  @Field(() => String, { nullable: true }) externalUrl: string | null;
  @Field(() => String, { nullable: true, description: 'Normalised, e.g. 10.1234/abcd.' }) doi: string | null;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => Int) downloadCount: number;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;

  /** The row itself, for field resolvers (not exposed). */
  entity: EvidenceItem;

  static from(item: EvidenceItem): EvidenceItemModel {
    return Object.assign(new EvidenceItemModel(), {
      id: item.id,
      status: item.status,
      type: item.type,
      language: item.language,
      visibility: item.visibility,
      year: item.year,
      authors: (item.authors ?? []).map((a) => Object.assign(new EvidenceAuthorModel(), { name: a.name, affiliation: a.affiliation ?? null })),
      publisher: item.publisher,
      licence: item.licence,
      externalUrl: item.externalUrl,
      doi: item.doi,
      organisationId: item.organisationId,
      downloadCount: item.downloadCount,
      submittedAt: item.submittedAt,
      publishedAt: item.publishedAt,
      createdAt: item.createdAt,
      updatedAt: item.updatedAt,
      entity: item,
    });
  }
}

export const EvidenceItemConnection = Connection(EvidenceItemModel, 'EvidenceItem');
