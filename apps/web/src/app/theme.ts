import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

// Mantine's default shade 6 gives white-on-blue and red error text below WCAG AA (4.5:1);
// shade 9 of every palette clears it, and dimmed/error text get darker greys and reds.
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 9,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif' },
  focusRing: 'auto',
  components: {
    // A light or outline alert titles in its own colour, which fails AA for orange, teal and others
    // on white; a filled one keeps its white title.
    Alert: Alert.extend({ styles: (_theme, props) => (props.variant === 'filled' ? {} : { title: { color: 'var(--mantine-color-dark-9)' } }) }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (th) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': th.colors.gray[7],
    '--mantine-color-error': th.colors.red[9],
    '--mantine-color-placeholder': th.colors.gray[7],
    '--mantine-color-anchor': th.colors.blue[9],
  },
  dark: {},
});
