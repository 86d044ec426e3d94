import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import type { ErrorLike, OperationVariables, TypedDocumentNode, WatchQueryFetchPolicy } from '@apollo/client';
import type { PageInfoFields } from '../graphql/connection';

/** The parts of a Relay-style connection that a list page reads. */
export interface ConnectionFields<TNode> {
  pageInfo: PageInfoFields;
  edges: ReadonlyArray<{ node: TNode }>;
}

/** The root fields of a query's answer that are connections. */
type ConnectionField<TData> = { [K in keyof TData]-?: TData[K] extends ConnectionFields<unknown> ? K : never }[keyof TData] & string;
type NodeOf<TConnection> = TConnection extends ConnectionFields<infer TNode> ? TNode : never;

export interface ConnectionListResult<TData, TConnection> {
  /** The query's answer: the current one or, while new variables load, the previous one. */
  data: TData | undefined;
  connection: TConnection | undefined;
  nodes: Array<NodeOf<TConnection>>;
  loading: boolean;
  error: ErrorLike | undefined;
  hasNextPage: boolean;
  /** Appends the next page to the connection's edges. */
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  /** Why the last loadMore failed (cleared when the next one starts). */
  loadMoreError: unknown;
  clearLoadMoreError: () => void;
}

interface ConnectionListOptions<TVariables> {
  variables: TVariables;
  fetchPolicy?: WatchQueryFetchPolicy;
}

/**
 * A list page's query of one connection: its nodes, and "load more" that fetches the page after
 * the last cursor and appends its edges. While new variables (a filter) load, the previous
 * answer stays on screen instead of flashing a spinner.
 */
export function useConnectionList<TData, TVariables extends OperationVariables, TField extends ConnectionField<TData>>(
  query: TypedDocumentNode<TData, TVariables>,
  field: TField,
  { variables, fetchPolicy }: ConnectionListOptions<TVariables>,
): ConnectionListResult<TData, TData[TField]> {
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  // Typed loosely inside: the signature above ties the field, its connection and its nodes to the query.
  type Answer = Record<string, ConnectionFields<unknown>>;
  const { data, previousData, loading, error, fetchMore } = useQuery(query as unknown as TypedDocumentNode<Answer, OperationVariables>, { variables, fetchPolicy });
  const shown = data ?? previousData;
  const connection = shown?.[field];

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          [field]: { ...fetchMoreResult[field], edges: [...previous[field].edges, ...fetchMoreResult[field].edges] },
        }),
      });
    } catch (e) {
      setLoadMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    data: shown as TData | undefined,
    connection: connection as TData[TField] | undefined,
    nodes: (connection?.edges.map((edge) => edge.node) ?? []) as Array<NodeOf<TData[TField]>>,
    loading,
    error,
    hasNextPage: connection?.pageInfo.hasNextPage ?? false,
    loadMore,
    loadingMore,
    loadMoreError,
    clearLoadMoreError: () => setLoadMoreError(null),
  };
}
