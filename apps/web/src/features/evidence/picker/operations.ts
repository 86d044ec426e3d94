// The evidence picker's one query (courses' related evidence, workshop materials), from the evidence
// contract. Written by hand: the types mirror the selection exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';

export interface EvidencePickerHit {
  __typename?: 'EvidenceSearchHit';
  item: {
    __typename?: 'EvidenceItem';
    id: string;
    title: string;
    type: string;
    year: number;
  };
}
export interface EvidencePickerData {
  evidenceSearch: { __typename?: 'EvidenceSearchResult'; hits: EvidencePickerHit[] };
}
export interface EvidencePickerVariables {
  query?: string | null;
  first?: number;
}

/** Visible published items only (the search never returns anything else); empty query = newest. */
export const EVIDENCE_PICKER_SEARCH: TypedDocumentNode<EvidencePickerData, EvidencePickerVariables> = gql`
  query EvidencePickerSearch($query: String, $first: Int) {
    evidenceSearch(query: $query, first: $first) {
      hits {
        item {
          id
          title
          type
          year
        }
      }
    }
  }
`;
