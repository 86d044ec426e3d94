// Reference data administration (the "Alliance" contract in apps/api/schema.gql).
import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CountryFields, FocusAreaFields } from '../directory/operations';

export interface CharterFields {
  __typename?: 'Charter';
  id: string;
  version: number;
  text: string;
  publishedAt: string;
}

const FOCUS_AREA_FIELDS = gql`
  fragment ReferenceFocusAreaFields on FocusArea {
    id
    key
    name
    names {
      es
      en
      pt
      fr
    }
    active
  }
`;

export const REFERENCE_FOCUS_AREAS: TypedDocumentNode<{ focusAreas: FocusAreaFields[] }, Record<string, never>> = gql`
  query ReferenceFocusAreas {
    focusAreas(includeInactive: true) {
      ...ReferenceFocusAreaFields
    }
  }
  ${FOCUS_AREA_FIELDS}
`;

export interface SaveFocusAreaVariables {
  id?: string | null;
  key: string;
  es: string;
  en: string;
  pt: string;
  fr: string;
  active: boolean;
}
export const SAVE_FOCUS_AREA: TypedDocumentNode<{ saveFocusArea: FocusAreaFields }, SaveFocusAreaVariables> = gql`
  mutation SaveFocusArea($id: ID, $key: String!, $es: String!, $en: String!, $pt: String!, $fr: String!, $active: Boolean!) {
    saveFocusArea(id: $id, key: $key, es: $es, en: $en, pt: $pt, fr: $fr, active: $active) {
      ...ReferenceFocusAreaFields
    }
  }
  ${FOCUS_AREA_FIELDS}
`;

export const CURRENT_CHARTER: TypedDocumentNode<{ currentCharter: CharterFields }, Record<string, never>> = gql`
  query ReferenceCurrentCharter {
    currentCharter {
      id
      version
      text
      publishedAt
    }
  }
`;

export const PUBLISH_CHARTER: TypedDocumentNode<{ publishCharter: CharterFields }, { es: string; en: string; pt: string; fr: string }> = gql`
  mutation PublishCharter($es: String!, $en: String!, $pt: String!, $fr: String!) {
    publishCharter(es: $es, en: $en, pt: $pt, fr: $fr) {
      id
      version
      text
      publishedAt
    }
  }
`;

export const REFERENCE_COUNTRIES: TypedDocumentNode<{ countries: CountryFields[] }, Record<string, never>> = gql`
  query ReferenceCountries {
    countries(includeObservers: true) {
      code
      name
      subRegion
      observer
    }
  }
`;

export const ADD_OBSERVER_COUNTRY: TypedDocumentNode<{ addObserverCountry: CountryFields }, { code: string }> = gql`
  mutation AddObserverCountry($code: String!) {
    addObserverCountry(code: $code) {
      code
      name
      subRegion
      observer
    }
  }
`;
