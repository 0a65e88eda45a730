import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { Badge, type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { queryClient, router } from './router';

/**
 * Deep indigo: shade 8 keeps white text on filled buttons (and red ones) above the WCAG AA 4.5:1
 * contrast ratio, which Mantine's default shade 6 does not reach.
 */
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", Meiryo, sans-serif',
  headings: { fontWeight: '700' },
  // Upper-case badges suit neither Japanese nor role names; long labels must not be cut off.
  components: { Badge: Badge.extend({ defaultProps: { tt: 'none', style: { flexShrink: 0 } } }) },
});

/** Dimmed text one shade darker than Mantine's default, so that it passes the contrast check. */
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
