import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '../operations-catalogue';

// Outline badges in shade 8/9: their text keeps AA contrast on white.
const STATUS_COLORS: Record<CourseStatus, string> = { DRAFT: 'gray.8', PUBLISHED: 'teal.9', ARCHIVED: 'red.9' };

/** The status of a course or a programme (they share the same three). */
export function CourseStatusBadge({ status, ...rest }: { status: CourseStatus } & Omit<BadgeProps, 'color' | 'variant' | 'tt' | 'children'>) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="outline" tt="none" {...rest}>
      {t(`learningUi:status_${status}`)}
    </Badge>
  );
}
