import type { ReactNode } from 'react';
import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading';
import { describeError } from './errors';
import type { ConnectionListResult } from './useConnectionList';

type ListState = Pick<ConnectionListResult<unknown, unknown>, 'connection' | 'loading' | 'error' | 'hasNextPage' | 'loadMore' | 'loadingMore' | 'loadMoreError'> & {
  nodes: readonly unknown[];
};

interface LoadMoreProps {
  list: ListState;
  label: string;
  testId?: string;
}

/** Why the last "load more" failed, and the button that loads the next page while there is one. */
function LoadMore({ list, label, testId }: LoadMoreProps) {
  const { t } = useTranslation();
  return (
    <>
      {list.loadMoreError != null && (
        <Alert color="red" role="alert">
          {describeError(list.loadMoreError, t).message}
        </Alert>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.loadMore()} loading={list.loadingMore} data-testid={testId}>
            {label}
          </Button>
        </Group>
      )}
    </>
  );
}

interface ConnectionListProps extends LoadMoreProps {
  /** Shown when the list has no nodes. */
  empty: ReactNode;
  /** The nodes, shown when there are some. */
  children: ReactNode;
}

/**
 * The body of a list page (from useConnectionList): the query's error, a spinner until the first
 * answer, the empty text or the list, then "load more".
 */
export function ConnectionList({ list, empty, children, ...loadMore }: ConnectionListProps) {
  const { t } = useTranslation();
  return (
    <>
      {list.error && (
        <Alert color="red" role="alert">
          {describeError(list.error, t).message}
        </Alert>
      )}
      {list.loading && !list.connection ? <Loading label={t('nav:loading')} /> : list.nodes.length === 0 ? empty : children}
      <LoadMore list={list} {...loadMore} />
    </>
  );
}
