import { Anchor, Button, List, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceFileFields, EvidenceItemDetails } from '../operations-public';
import { formatDate, formatFileSize } from '../shared/format';
import { fileKind } from '../shared/labels';

function fileFacts(file: EvidenceFileFields, locale: string): string {
  return [fileKind(file.contentType, file.filename), formatFileSize(file.size, locale)].join(', ');
}

/** The current file to download, earlier versions, and the external link, whichever the item has. */
export function FilesPanel({ item }: { item: EvidenceItemDetails }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const current = item.currentFile;
  const earlier = item.files.filter((file) => file.id !== current?.id);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="evidence-access-heading" data-testid="evidence-files">
      <Stack gap="sm">
        <Title order={2} size="h4" id="evidence-access-heading">
          {t('evidenceUi:accessHeading')}
        </Title>
        {current && (
          <Stack gap={4}>
            <Button
              component="a"
              href={current.url}
              w="fit-content"
              maw="100%"
              styles={{ root: { height: 'auto', minHeight: 36 }, label: { whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'left' } }}
              aria-describedby="evidence-current-file-facts"
              data-testid="evidence-download"
            >
              {t('evidenceUi:download', { filename: current.filename })}
            </Button>
            <Text size="sm" id="evidence-current-file-facts" data-testid="evidence-current-file-facts">
              {t('evidenceUi:fileFacts', { facts: fileFacts(current, locale), version: current.version, date: formatDate(current.uploadedAt, locale) })}
            </Text>
          </Stack>
        )}
        {item.externalUrl && (
          <Text>
            <Anchor href={item.externalUrl} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: 'anywhere' }} data-testid="evidence-external">
              {t('evidenceUi:externalLink')}
              <VisuallyHidden> {t('evidenceUi:opensNewTab')}</VisuallyHidden>
            </Anchor>
          </Text>
        )}
        {!current && !item.externalUrl && <Text size="sm">{t('evidenceUi:noFile')}</Text>}
        {earlier.length > 0 && (
          <Stack gap={4}>
            <Title order={3} size="h5" id="evidence-earlier-heading">
              {t('evidenceUi:earlierVersions')}
            </Title>
            <List spacing={4} size="sm" aria-labelledby="evidence-earlier-heading" data-testid="evidence-earlier-versions">
              {earlier.map((file) => (
                <List.Item key={file.id} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor href={file.url} inherit>
                    {t('evidenceUi:versionLink', { version: file.version, filename: file.filename })}
                  </Anchor>{' '}
                  {t('evidenceUi:versionFacts', { date: formatDate(file.uploadedAt, locale), facts: fileFacts(file, locale) })}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
