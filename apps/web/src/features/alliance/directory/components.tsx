import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from '../../../app/ScrollTable';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { formatCalendarDate } from '../../certificates/format';
import { focusAreaName } from './filters';
import type { DirectoryOrganisation, FocalPointFields, FocusAreaFields } from './operations';
import './alliance.css';

/** Label/value pairs as a description list (read as such by screen readers), laid out in columns when there is room. */
export function DetailList({ items }: { items: Array<{ label: string; value: ReactNode; testId?: string } | null | false> }) {
  return (
    <dl className="alliance-details">
      {items.filter(Boolean).map((item) => {
        const { label, value, testId } = item as { label: string; value: ReactNode; testId?: string };
        return (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fw={500} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
              {value}
            </Text>
          </div>
        );
      })}
    </dl>
  );
}

export function FocusAreaBadges({ areas, label }: { areas: FocusAreaFields[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (areas.length === 0) return <Text size="sm">{t('allianceDirectory:noFocusAreas')}</Text>;
  return (
    <Group component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
      {areas.map((area) => (
        <li key={area.id}>
          <Badge variant="outline" color="gray.8" tt="none" fw={500} style={{ height: 'auto', whiteSpace: 'normal' }}>
            {focusAreaName(area, i18n.language)}
          </Badge>
        </li>
      ))}
    </Group>
  );
}

/** One organisation in a list of results: a heading with the link, then what it is, where, and its themes. */
export function OrganisationCard({ organisation, headingLevel = 2 }: { organisation: DirectoryOrganisation; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const country = countryName(organisation.country.code, i18n.language);
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="directory-item" aria-labelledby={`org-${organisation.id}`}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Title order={headingLevel} size="h4" id={`org-${organisation.id}`} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/alliance/organisations/${encodeURIComponent(organisation.slug)}`} inherit>
            {organisation.name}
          </Anchor>
        </Title>
        {organisation.membership && (
          <Badge variant="filled" color="blue.9" tt="none" data-testid="directory-item-category">
            {t(`allianceDirectory:category_${organisation.membership.category}`)}
          </Badge>
        )}
      </Group>
      <DetailList
        items={[
          { label: t('allianceDirectory:labelType'), value: t(`allianceDirectory:type_${organisation.type}`) },
          {
            label: t('allianceDirectory:labelCountry'),
            value: (
              <Anchor component={Link} to={`/alliance/countries/${organisation.country.code}`} inherit>
                {country}
              </Anchor>
            ),
          },
        ]}
      />
      <Text size="sm" c="dimmed" mt="xs" mb={4}>
        {t('allianceDirectory:labelFocusAreas')}
      </Text>
      <FocusAreaBadges areas={organisation.focusAreas} label={t('allianceDirectory:labelFocusAreas')} />
    </Card>
  );
}

/** Current focal points as a table; names the API withheld (no consent) are said to be unpublished. */
export function FocalPointsTable({ focalPoints, withOrganisation, testId }: { focalPoints: FocalPointFields[]; withOrganisation?: boolean; testId: string }) {
  const { t, i18n } = useTranslation();
  const collator = new Intl.Collator(i18n.language, { sensitivity: 'base' });
  const rows = [...focalPoints].sort(
    (a, b) =>
      collator.compare(focusAreaName(a.focusArea, i18n.language), focusAreaName(b.focusArea, i18n.language)) ||
      (a.role === b.role ? 0 : a.role === 'TITULAR' ? -1 : 1) ||
      collator.compare(a.organisationName, b.organisationName),
  );
  const anyHidden = rows.some((row) => !row.name);
  return (
    <>
      <ScrollTable label={t('allianceDirectory:focalPointsTitle')} minWidth={withOrganisation ? 560 : 420}>
        <Table data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('allianceDirectory:colFocusArea')}</Table.Th>
              <Table.Th scope="col">{t('allianceDirectory:colRole')}</Table.Th>
              <Table.Th scope="col">{t('allianceDirectory:colName')}</Table.Th>
              {withOrganisation && <Table.Th scope="col">{t('allianceDirectory:colOrganisation')}</Table.Th>}
              <Table.Th scope="col">{t('allianceDirectory:colSince')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="focal-point">
                <Table.Td>{focusAreaName(row.focusArea, i18n.language)}</Table.Td>
                <Table.Td>{t(`allianceDirectory:focalRole_${row.role}`)}</Table.Td>
                <Table.Td>
                  {row.name ?? (
                    <Text span c="dimmed" fs="italic" inherit>
                      {t('allianceDirectory:nameNotPublished')}
                    </Text>
                  )}
                </Table.Td>
                {withOrganisation && <Table.Td>{row.organisationName}</Table.Td>}
                <Table.Td>{formatCalendarDate(row.startDate, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {anyHidden && (
        <Text size="sm" c="dimmed">
          {t('allianceDirectory:nameNotPublishedHint')}
        </Text>
      )}
    </>
  );
}
