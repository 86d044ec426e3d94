// The parts every Relay-style connection of the API shares: its page info, and the selection of
// its count and page info that a list query puts before its own `edges`.

export interface PageInfoFields {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}

/** `totalCount` and `pageInfo` of a connection, interpolated into a query before its `edges`. */
export const PAGE_FIELDS = `
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
`;
