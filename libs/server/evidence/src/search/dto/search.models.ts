import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '@alliance/server-graphql';
import type { EvidenceLicence, EvidenceSort, EvidenceType } from '../../evidence.constants';
import { EvidenceLicenceEnum, EvidenceSortEnum, EvidenceTypeEnum } from '../../dto/enums';
import { EvidenceItemModel } from '../../dto/models';

/** A piece of a title or snippet; highlighted pieces matched the query (the web renders <mark>). */
@ObjectType('TextRun')
export class TextRunModel {
  @Field() text: string;
  @Field() highlighted: boolean;
}

@ObjectType('EvidenceSearchHit')
export class EvidenceSearchHitModel {
  @Field(() => EvidenceItemModel) item: EvidenceItemModel;
  @Field(() => [TextRunModel], { description: 'The title of the matched text, split into highlighted and plain runs.' }) titleRuns: TextRunModel[];
  @Field(() => [TextRunModel], { description: 'An excerpt of the matched abstract around the matches.' }) snippetRuns: TextRunModel[];
  @Field({ description: 'The language of the text that matched best (es, en, pt, fr).' }) matchedLocale: string;
}

@ObjectType('FacetCount')
export class FacetCountModel {
  @Field() value: string;
  @Field({ description: 'In the reader’s language (years: the year itself).' }) label: string;
  @Field(() => Int) count: number;
}

@ObjectType('EvidenceFacets')
export class EvidenceFacetsModel {
  @Field(() => [FacetCountModel]) types: FacetCountModel[];
  @Field(() => [FacetCountModel]) countries: FacetCountModel[];
  @Field(() => [FacetCountModel]) focusAreas: FacetCountModel[];
  @Field(() => [FacetCountModel]) languages: FacetCountModel[];
  @Field(() => [FacetCountModel]) years: FacetCountModel[];
  @Field(() => [FacetCountModel]) licences: FacetCountModel[];
}

@ObjectType('EvidenceSearchResult')
export class EvidenceSearchResultModel {
  @Field(() => [EvidenceSearchHitModel]) hits: EvidenceSearchHitModel[];
  @Field(() => Int, { description: 'Every visible match, not just this page.' }) totalCount: number;
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => EvidenceFacetsModel, { description: 'Counts of all visible matches; each facet ignores its own filter (drill-down).' }) facets: EvidenceFacetsModel;
  @Field({ description: 'Nothing matched exactly: these are typo-tolerant (similar spelling) matches.' }) fuzzy: boolean;
}

/** Within a facet the values are alternatives (OR); facets combine with AND. */
@InputType('EvidenceFilterInput')
export class EvidenceFilterInput {
  @Field(() => [EvidenceTypeEnum], { nullable: true }) types?: EvidenceType[] | null;
  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' }) countryCodes?: string[] | null;
  @Field(() => [ID], { nullable: true }) focusAreaIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Original languages (es, en, pt, fr).' }) languages?: string[] | null;
  @Field(() => [Int], { nullable: true }) years?: number[] | null;
  @Field(() => [EvidenceLicenceEnum], { nullable: true }) licences?: EvidenceLicence[] | null;
}

@ArgsType()
export class EvidenceSearchArgs {
  @Field(() => String, { nullable: true, description: 'Words in any of the four languages, accents optional; "quoted phrases", -exclusions and OR work. Empty: browse.' })
  query?: string | null;

  @Field(() => EvidenceFilterInput, { nullable: true }) filters?: EvidenceFilterInput | null;

  @Field(() => EvidenceSortEnum, { nullable: true, defaultValue: 'RELEVANCE', description: 'RELEVANCE without a query lists the newest first.' })
  sort?: EvidenceSort | null;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: 'At most 50.' }) first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null;
}

@ObjectType('EvidenceCitation')
export class EvidenceCitationModel {
  @Field({ description: 'APA 7 reference, plain text.' }) apa: string;
  @Field({ description: 'BibTeX entry.' }) bibtex: string;
}

@ObjectType('EvidenceUsage')
export class EvidenceUsageModel {
  @Field({ description: 'COURSE or WORKSHOP.' }) kind: string;
  @Field() title: string;
  @Field({ description: 'Path in the portal, e.g. /courses/<slug>.' }) path: string;
}
