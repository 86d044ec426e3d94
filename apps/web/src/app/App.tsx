import { useMemo } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { MantineProvider } from '@mantine/core';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { createApolloClient } from './apollo';
import { i18n, currentLocale } from './i18n';
import { theme, cssVariablesResolver } from './theme';
import { AppRoutes } from './routes';

export function App({ client }: { client?: ApolloClient }) {
  const apollo = useMemo(() => client ?? createApolloClient(currentLocale), [client]);
  return (
    <I18nextProvider i18n={i18n}>
      <ApolloProvider client={apollo}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </MantineProvider>
      </ApolloProvider>
    </I18nextProvider>
  );
}
