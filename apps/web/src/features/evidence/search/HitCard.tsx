import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../alliance/directory/components';
import type { EvidenceSearchHitFields } from '../operations-public';
import { MembersOnlyBadge, StatusBadge, TypeBadge } from '../shared/badges';
import { formatNumber } from '../shared/format';
import { languageLabel } from '../shared/labels';
import { TextRuns } from '../shared/TextRuns';

/** Countries of a card: a few names and "+N", since an item may cover the whole region. */
export function countriesSummary(names: string[], more: (n: number) => string): string {
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} ${more(names.length - 3)}`;
}

export function hitLinkId(itemId: string): string {
  return `evidence-hit-link-${itemId}`;
}

export function HitCard({ hit }: { hit: EvidenceSearchHitFields }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { item } = hit;
  const headingId = `evidence-hit-${item.id}`;
  // Title and snippet come from the text that matched, which may be a translation in another language.
  const titleLang = hit.titleRuns.length > 0 ? hit.matchedLocale : item.displayLocale;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId} data-testid="evidence-hit">
      <Stack gap="xs">
        <Title order={3} size="h4" id={headingId} lang={titleLang} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/evidence/${encodeURIComponent(item.id)}`} inherit id={hitLinkId(item.id)} data-testid="evidence-hit-link">
            <TextRuns runs={hit.titleRuns} fallback={item.title} />
          </Anchor>
        </Title>
        <Group gap={6}>
          <TypeBadge type={item.type} />
          {item.visibility === 'MEMBERS' && <MembersOnlyBadge />}
          {item.status !== 'PUBLISHED' && <StatusBadge status={item.status} />}
        </Group>
        {hit.snippetRuns.length > 0 && (
          <Text size="sm" lang={hit.matchedLocale} data-testid="evidence-hit-snippet" style={{ overflowWrap: 'anywhere' }}>
            <TextRuns runs={hit.snippetRuns} />
          </Text>
        )}
        <DetailList
          items={[
            { label: t('evidenceUi:year'), value: String(item.year), testId: 'evidence-hit-year' },
            { label: t('evidenceUi:language'), value: languageLabel(t, item.language, locale), testId: 'evidence-hit-language' },
            item.countries.length > 0 && {
              label: t('evidenceUi:countries'),
              value: countriesSummary(
                item.countries.map((c) => c.name),
                (n) => t('evidenceUi:andMore', { number: formatNumber(n, locale, 0) }),
              ),
              testId: 'evidence-hit-countries',
            },
            { label: t('evidenceUi:downloads'), value: formatNumber(item.downloadCount, locale, 0), testId: 'evidence-hit-downloads' },
          ]}
        />
      </Stack>
    </Card>
  );
}
