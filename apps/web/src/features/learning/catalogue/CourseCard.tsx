import { Anchor, Badge, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../alliance/directory/components';
import type { CourseCardFields, OfferingSummary } from '../operations-catalogue';
import { languageName } from '../shared/localized';
import { formatCalendarDate, formatNumber } from '../shared/format';

/** The next offering people can still join (or the next one to start), for the card's dates and seats. */
export function nextOffering(offerings: OfferingSummary[]): OfferingSummary | null {
  const open = offerings.filter((o) => o.openForEnrolment);
  return open[0] ?? offerings[0] ?? null;
}

export function SeatsText({ offering }: { offering: OfferingSummary }) {
  const { t, i18n } = useTranslation();
  if (offering.capacity === null || offering.seatsLeft === null) return <>{t('learningUi:seatsUnlimited')}</>;
  if (offering.seatsLeft <= 0) return <>{offering.waitlistEnabled ? t('learningUi:seatsFullWaitlist') : t('learningUi:seatsFull')}</>;
  return <>{t('learningUi:seatsLeft', { number: formatNumber(offering.seatsLeft, i18n.language, 0) })}</>;
}

export function OfferingDates({ offering }: { offering: OfferingSummary }) {
  const { t, i18n } = useTranslation();
  const start = formatCalendarDate(offering.startsOn, i18n.language);
  const end = formatCalendarDate(offering.endsOn, i18n.language);
  if (start && end) return <>{t('learningUi:datesRange', { start, end })}</>;
  if (start) return <>{t('learningUi:datesFrom', { start })}</>;
  return <>{t('learningUi:datesAnytime')}</>;
}

export function CourseCard({ course }: { course: CourseCardFields }) {
  const { t, i18n } = useTranslation();
  const next = nextOffering(course.offerings);
  const headingId = `course-${course.id}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={headingId} data-testid="course-card">
      {course.coverImage && (
        <Card.Section>
          <Image src={course.coverImage.url} alt="" h={140} fit="cover" />
        </Card.Section>
      )}
      <Stack gap="xs" mt={course.coverImage ? 'sm' : 0}>
        <Title order={2} size="h4" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`} inherit>
            {course.title}
          </Anchor>
        </Title>
        <Group gap={6}>
          <Badge variant="outline" color="blue.9" tt="none">
            {t(`learningUi:level_${course.level}`)}
          </Badge>
          <Badge variant="outline" color="gray.8" tt="none">
            {t(`learningUi:format_${course.format}`)}
          </Badge>
          {next?.openForEnrolment && (
            <Badge variant="filled" color="teal.9" tt="none">
              {t('learningUi:openBadge')}
            </Badge>
          )}
        </Group>
        <Text size="sm" lineClamp={3}>
          {course.summary}
        </Text>
        <DetailList
          items={[
            { label: t('learningUi:hours'), value: t('learningUi:hoursValue', { number: formatNumber(course.estimatedHours, i18n.language) }) },
            { label: t('learningUi:languages'), value: course.languages.map((code) => languageName(code, i18n.language)).join(', ') || '—' },
            next && { label: t('learningUi:nextDates'), value: <OfferingDates offering={next} /> },
            next && { label: t('learningUi:seats'), value: <SeatsText offering={next} />, testId: 'course-card-seats' },
          ]}
        />
      </Stack>
    </Card>
  );
}
