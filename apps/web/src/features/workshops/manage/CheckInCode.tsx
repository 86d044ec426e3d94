import { useEffect, useState } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { checkInUrl } from '../operations-manage';

/** The session's check-in code, big enough to read from the back of a room, and a QR code of the check-in link. */
export function CheckInCode({ slug, code, sessionTitle, headingId }: { slug: string; code: string; sessionTitle: string; headingId: string }) {
  const { t } = useTranslation();
  const url = checkInUrl(window.location.origin, slug, code);
  const [svg, setSvg] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } })
      .then((markup) => {
        if (!cancelled) setSvg(markup);
      })
      .catch(() => {
        if (!cancelled) setSvg(null);
      });
    return () => {
      cancelled = true;
    };
  }, [url]);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId} data-testid="check-in-code-panel">
      <Stack gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t('workshopManage:checkInTitle', { session: sessionTitle })}
        </Title>
        <Text size="sm">{t('workshopManage:checkInHelp')}</Text>
        <Group gap="xl" align="center" wrap="wrap">
          <Text
            ff="monospace"
            fw={700}
            fz={{ base: 40, sm: 64 }}
            style={{ letterSpacing: '0.2em', lineHeight: 1.1 }}
            aria-label={t('workshopManage:codeSpelled', { code: code.split('').join(' ') })}
            data-testid="check-in-code"
          >
            {code}
          </Text>
          {svg && (
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
              alt={t('workshopManage:qrAlt', { code })}
              width={220}
              height={220}
              style={{ maxWidth: '100%', height: 'auto', background: '#fff' }}
              data-testid="check-in-qr"
            />
          )}
        </Group>
        <Anchor href={url} className="break-anywhere" size="sm" data-testid="check-in-link">
          {url}
        </Anchor>
      </Stack>
    </Paper>
  );
}
