// The secretariat dashboard's query (the "Alliance" contract in apps/api/schema.gql).
import { gql, type TypedDocumentNode } from '@apollo/client';

export type ApplicationStatus = 'SUBMITTED' | 'UNDER_REVIEW' | 'CHANGES_REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export interface CountByKey {
  __typename?: 'CountByKey';
  key: string;
  label: string;
  count: number;
}
export interface GrowthPoint {
  __typename?: 'GrowthPoint';
  month: string;
  joined: number;
  total: number;
}
export interface WaitingApplication {
  __typename?: 'WaitingApplication';
  id: string;
  organisationName: string;
  status: ApplicationStatus;
  ageDays: number;
}
export interface AllianceDashboard {
  __typename?: 'AllianceDashboard';
  waiting: WaitingApplication[];
  membersByCountry: CountByKey[];
  membersBySubRegion: CountByKey[];
  membersByType: CountByKey[];
  growth: GrowthPoint[];
  totalMembers: number;
}

export const ALLIANCE_DASHBOARD: TypedDocumentNode<{ allianceDashboard: AllianceDashboard }, Record<string, never>> = gql`
  query AllianceDashboard {
    allianceDashboard {
      waiting {
        id
        organisationName
        status
        ageDays
      }
      membersByCountry {
        key
        label
        count
      }
      membersBySubRegion {
        key
        label
        count
      }
      membersByType {
        key
        label
        count
      }
      growth {
        month
        joined
        total
      }
      totalMembers
    }
  }
`;
