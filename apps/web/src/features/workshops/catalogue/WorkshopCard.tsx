import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../alliance/directory/components';
import { languageName } from '../../learning/shared/localized';
import type { WorkshopCardFields } from '../operations-workshops';
import { ModeBadge, SeatsText, StatusBadge, WhenText } from '../shared/components';

export function WorkshopCard({ workshop }: { workshop: WorkshopCardFields }) {
  const { t, i18n } = useTranslation();
  const headingId = `workshop-${workshop.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId} data-testid="workshop-card">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/workshops/${encodeURIComponent(workshop.slug)}`} inherit>
            {workshop.title}
          </Anchor>
        </Title>
        <Group gap={6}>
          <ModeBadge mode={workshop.mode} />
          {workshop.status !== 'OPEN' && <StatusBadge status={workshop.status} />}
          {workshop.registrationOpen && (
            <Text span size="sm" fw={600} c="teal.9">
              {t('workshopsUi:registrationOpenBadge')}
            </Text>
          )}
        </Group>
        <Text size="sm" lineClamp={3}>
          {workshop.description}
        </Text>
        <DetailList
          items={[
            { label: t('workshopsUi:when'), value: <WhenText startsAt={workshop.startsAt} endsAt={workshop.endsAt} timeZone={workshop.timeZone} compact />, testId: 'workshop-card-when' },
            { label: t('workshopsUi:seats'), value: <SeatsText workshop={workshop} />, testId: 'workshop-card-seats' },
            workshop.languages.length > 0 && { label: t('workshopsUi:languages'), value: workshop.languages.map((code) => languageName(code, i18n.language)).join(', ') },
          ]}
        />
      </Stack>
    </Card>
  );
}
