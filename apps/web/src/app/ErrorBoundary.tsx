import { Component, type ReactNode } from 'react';
import { Alert, Button, Stack } from '@mantine/core';
import { i18n } from './i18n';

interface Props {
  resetKey: string;
  children: ReactNode;
}
interface State {
  hasError: boolean;
}

/**
 * Keeps the shell usable when a page crashes (or its lazy chunk fails to load after a deploy);
 * navigating elsewhere clears the error.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { hasError: false };

  static getDerivedStateFromError(): State {
    return { hasError: true };
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.hasError && previous.resetKey !== this.props.resetKey) this.setState({ hasError: false });
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <Stack>
        <Alert color="red" role="alert" title={i18n.t('nav:crashTitle')}>
          {i18n.t('nav:crashBody')}
        </Alert>
        <Button onClick={() => window.location.reload()} w="fit-content">
          {i18n.t('nav:reload')}
        </Button>
      </Stack>
    );
  }
}
