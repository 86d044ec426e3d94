import { useEffect, useRef, type ReactNode } from 'react';
import { Stack, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  /** The visible heading when it differs from the short title used in the browser tab. */
  heading?: string;
  children?: ReactNode;
}

/**
 * Every page: sets the document title and, after an in-app navigation, moves focus to the
 * heading so screen-reader and keyboard users start reading the new page from its top.
 */
export function Page({ title, heading, children }: PageProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = `${title} · ${t('common:appShortName')}`;
  }, [title, t]);

  useEffect(() => {
    // The first page of a visit keeps the browser's natural focus order (key "default").
    if (location.key !== 'default') headingRef.current?.focus();
  }, [location.key]);

  return (
    <Stack gap="lg">
      <Title order={1} ref={headingRef} tabIndex={-1} className="page-heading" id="page-heading">
        {heading ?? title}
      </Title>
      {children}
    </Stack>
  );
}
