// Typed operations against the alliance API (the contract in /apps/api/schema.gql, "Alliance").
// Written by hand like src/graphql/operations.ts: the types mirror the selections exactly.
import { gql, type TypedDocumentNode } from '@apollo/client';
import { PAGE_FIELDS } from '../../../graphql/connection';

export type SubRegion = 'SOUTH_AMERICA' | 'CENTRAL_AMERICA_MEXICO' | 'CARIBBEAN' | 'OBSERVER';
export const SUB_REGIONS: SubRegion[] = ['SOUTH_AMERICA', 'CENTRAL_AMERICA_MEXICO', 'CARIBBEAN', 'OBSERVER'];

export type OrganisationType =
  | 'MINISTRY_OF_EDUCATION'
  | 'OTHER_PUBLIC_BODY'
  | 'NGO'
  | 'NETWORK'
  | 'UNIVERSITY_RESEARCH'
  | 'INTERNATIONAL_ORGANISATION'
  | 'PRIVATE_SECTOR'
  | 'OTHER';
export const ORGANISATION_TYPES: OrganisationType[] = [
  'MINISTRY_OF_EDUCATION',
  'OTHER_PUBLIC_BODY',
  'NGO',
  'NETWORK',
  'UNIVERSITY_RESEARCH',
  'INTERNATIONAL_ORGANISATION',
  'PRIVATE_SECTOR',
  'OTHER',
];

export type MembershipCategory = 'MEMBER_STATE' | 'PARTNER' | 'OBSERVER';
export type MembershipStatus = 'ACTIVE' | 'SUSPENDED';
export type FocalPointRole = 'TITULAR' | 'ALTERNATE';
export type OrganisationRole = 'REPRESENTATIVE' | 'MEMBER' | 'FOCAL_POINT';

export interface CountryFields {
  __typename?: 'Country';
  code: string;
  name: string;
  subRegion: SubRegion;
  observer: boolean;
}

export interface FocusAreaNames {
  __typename?: 'FocusAreaNames';
  es: string;
  en: string;
  pt: string;
  fr: string;
}

export interface FocusAreaFields {
  __typename?: 'FocusArea';
  id: string;
  key: string;
  name: string;
  names: FocusAreaNames;
  active: boolean;
}

const FOCUS_AREA_FIELDS = gql`
  fragment DirectoryFocusAreaFields on FocusArea {
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

export interface CountriesData {
  countries: CountryFields[];
}
export const DIRECTORY_COUNTRIES: TypedDocumentNode<CountriesData, { includeObservers?: boolean }> = gql`
  query DirectoryCountries($includeObservers: Boolean) {
    countries(includeObservers: $includeObservers) {
      code
      name
      subRegion
      observer
    }
  }
`;

export interface FocusAreasData {
  focusAreas: FocusAreaFields[];
}
export const DIRECTORY_FOCUS_AREAS: TypedDocumentNode<FocusAreasData, { includeInactive?: boolean }> = gql`
  query DirectoryFocusAreas($includeInactive: Boolean) {
    focusAreas(includeInactive: $includeInactive) {
      ...DirectoryFocusAreaFields
    }
  }
  ${FOCUS_AREA_FIELDS}
`;

export interface MembershipFields {
  __typename?: 'Membership';
  id: string;
  category: MembershipCategory;
  status: MembershipStatus;
  since: string;
}

export interface DirectoryOrganisation {
  __typename?: 'Organisation';
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  country: CountryFields;
  focusAreas: FocusAreaFields[];
  membership: MembershipFields | null;
}

export interface OrganisationConnection {
  __typename?: 'OrganisationConnection';
  totalCount: number;
  pageInfo: { __typename?: 'PageInfo'; hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ __typename?: 'OrganisationEdge'; cursor: string; node: DirectoryOrganisation }>;
}

export interface DirectoryVariables {
  first?: number;
  after?: string | null;
  search?: string;
  countryCode?: string;
  subRegion?: SubRegion;
  type?: OrganisationType;
  focusAreaId?: string;
}
export interface DirectoryData {
  directory: OrganisationConnection;
}
export const DIRECTORY: TypedDocumentNode<DirectoryData, DirectoryVariables> = gql`
  query Directory($first: Int, $after: String, $search: String, $countryCode: String, $subRegion: SubRegion, $type: OrganisationType, $focusAreaId: ID) {
    directory(first: $first, after: $after, search: $search, countryCode: $countryCode, subRegion: $subRegion, type: $type, focusAreaId: $focusAreaId) {
      ${PAGE_FIELDS}
      edges {
        cursor
        node {
          id
          slug
          name
          type
          country {
            code
            name
            subRegion
            observer
          }
          focusAreas {
            ...DirectoryFocusAreaFields
          }
          membership {
            id
            category
            status
            since
          }
        }
      }
    }
  }
  ${FOCUS_AREA_FIELDS}
`;

export interface FocalPointFields {
  __typename?: 'FocalPoint';
  id: string;
  name: string | null;
  focusArea: FocusAreaFields;
  role: FocalPointRole;
  startDate: string;
  endDate: string | null;
  current: boolean;
  organisationName: string;
  countryCode: string;
}

const FOCAL_POINT_FIELDS = gql`
  fragment DirectoryFocalPointFields on FocalPoint {
    id
    name
    focusArea {
      ...DirectoryFocusAreaFields
    }
    role
    startDate
    endDate
    current
    organisationName
    countryCode
  }
`;

export interface OrganisationDetails extends DirectoryOrganisation {
  website: string | null;
  description: string;
  myRoles: OrganisationRole[];
  focalPoints: FocalPointFields[];
}
export interface OrganisationData {
  organisation: OrganisationDetails | null;
}
export const DIRECTORY_ORGANISATION: TypedDocumentNode<OrganisationData, { slug: string }> = gql`
  query DirectoryOrganisation($slug: String!) {
    organisation(slug: $slug) {
      id
      slug
      name
      type
      website
      description
      country {
        code
        name
        subRegion
        observer
      }
      focusAreas {
        ...DirectoryFocusAreaFields
      }
      membership {
        id
        category
        status
        since
      }
      myRoles
      focalPoints {
        ...DirectoryFocalPointFields
      }
    }
  }
  ${FOCUS_AREA_FIELDS}
  ${FOCAL_POINT_FIELDS}
`;

export interface CountryFocalPointsData {
  countryFocalPoints: FocalPointFields[];
}
export const COUNTRY_FOCAL_POINTS: TypedDocumentNode<CountryFocalPointsData, { countryCode: string }> = gql`
  query CountryFocalPoints($countryCode: String!) {
    countryFocalPoints(countryCode: $countryCode) {
      ...DirectoryFocalPointFields
    }
  }
  ${FOCUS_AREA_FIELDS}
  ${FOCAL_POINT_FIELDS}
`;
