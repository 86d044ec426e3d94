import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EvidenceHitItemFields, EvidenceUsageFields } from '../operations-public';
import { MembersOnlyBadge, TypeBadge } from '../shared/badges';

export function RelatedItems({ items }: { items: EvidenceHitItemFields[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="evidence-related-heading">
      <Title order={2} size="h3" id="evidence-related-heading">
        {t('evidenceUi:relatedHeading')}
      </Title>
      <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="md" m={0} p={0} style={{ listStyle: 'none' }} data-testid="evidence-related">
        {items.map((item) => (
          <li key={item.id}>
            <Card withBorder radius="md" padding="sm" h="100%" component="article" aria-labelledby={`related-${item.id}`}>
              <Stack gap={6}>
                <Title order={3} size="h5" id={`related-${item.id}`} lang={item.displayLocale} style={{ overflowWrap: 'anywhere' }}>
                  <Anchor component={Link} to={`/evidence/${encodeURIComponent(item.id)}`} inherit>
                    {item.title}
                  </Anchor>
                </Title>
                <Text size="sm" component="div">
                  <TypeBadge type={item.type} /> {item.visibility === 'MEMBERS' && <MembersOnlyBadge />} {item.year}
                </Text>
              </Stack>
            </Card>
          </li>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Only paths inside the portal become links ("//host" would leave it). */
export function isInternalPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\');
}

/** Courses and workshops that draw on this item (only those the reader can see). */
export function UsedIn({ usages }: { usages: EvidenceUsageFields[] }) {
  const { t } = useTranslation();
  if (usages.length === 0) return null;
  const kindLabel = (kind: string) => (kind === 'COURSE' ? t('evidenceUi:usageCourse') : kind === 'WORKSHOP' ? t('evidenceUi:usageWorkshop') : kind);
  return (
    <Stack gap="sm" component="section" aria-labelledby="evidence-used-in-heading">
      <Title order={2} size="h3" id="evidence-used-in-heading">
        {t('evidenceUi:usedInHeading')}
      </Title>
      <List spacing="xs" data-testid="evidence-used-in">
        {usages.map((usage) => (
          <List.Item key={`${usage.kind}-${usage.path}`} style={{ overflowWrap: 'anywhere' }}>
            {kindLabel(usage.kind)}:{' '}
            {isInternalPath(usage.path) ? (
              <Anchor component={Link} to={usage.path}>
                {usage.title}
              </Anchor>
            ) : (
              usage.title
            )}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
