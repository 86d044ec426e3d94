import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceStatus, EvidenceType } from '../operations-public';
import { statusLabel, typeLabel } from './labels';

// Outline badges in shades 8/9 only: lighter shades and green/orange/yellow fail AA on white.
export const TYPE_COLORS: Record<EvidenceType, string> = {
  CASE_STUDY: 'indigo.9',
  GOOD_PRACTICE: 'teal.9',
  POLICY_DOCUMENT: 'blue.9',
  RESEARCH: 'grape.9',
  DATASET: 'cyan.9',
  TOOLKIT: 'pink.9',
  VIDEO: 'red.9',
  OTHER: 'gray.8',
};

export const STATUS_COLORS: Record<EvidenceStatus, string> = {
  DRAFT: 'gray.8',
  SUBMITTED: 'blue.9',
  CHANGES_REQUESTED: 'grape.9',
  PUBLISHED: 'teal.9',
  REJECTED: 'red.9',
};

const wrap = { height: 'auto', whiteSpace: 'normal' } as const;

export function TypeBadge({ type }: { type: EvidenceType }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={TYPE_COLORS[type] ?? 'gray.8'} tt="none" style={wrap} data-testid="evidence-type">
      {typeLabel(t, type)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLORS[status] ?? 'gray.8'} tt="none" style={wrap} data-testid="evidence-status">
      {statusLabel(t, status)}
    </Badge>
  );
}

/** Shown on items only members of the Alliance can open, so others know why a link may not work for them. */
export function MembersOnlyBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray.8" tt="none" style={wrap} data-testid="evidence-members-only">
      {t('evidenceUi:membersOnly')}
    </Badge>
  );
}
