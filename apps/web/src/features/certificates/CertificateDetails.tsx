import { Badge, Box, List, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { CertificateStatus, CertificateVerification } from './operations';
import { formatCalendarDate, formatHours, formatMoment } from './format';

export function StatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    // max-content: a narrow table column must not cut the word down to "VÁ…".
    <Badge color={status === 'ISSUED' ? 'teal.9' : 'red.9'} variant="filled" miw="max-content" data-testid="certificate-status">
      {t(`certificatesUi:status_${status}`)}
    </Badge>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600} c="dark.6">
        {label}
      </Text>
      <Box component="dd" m={0} className="break-anywhere">
        {children}
      </Box>
    </Box>
  );
}

type Details = Pick<
  CertificateVerification,
  | 'code'
  | 'kind'
  | 'recipientName'
  | 'title'
  | 'hours'
  | 'startDate'
  | 'endDate'
  | 'issuerName'
  | 'coIssuers'
  | 'signatories'
  | 'issuedAt'
  | 'locale'
>;

/**
 * What was issued, as a description list. Texts printed on the certificate (name, title) are in the
 * certificate's own language, so they carry its `lang` for screen readers; labels follow the reader.
 */
export function CertificateDetails({ certificate }: { certificate: Details }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const hours = formatHours(certificate.hours, locale);
  const start = formatCalendarDate(certificate.startDate, locale);
  const end = formatCalendarDate(certificate.endDate, locale);
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm" m={0}>
      <Item label={t('certificatesUi:labelRecipient')}>
        <Text fw={700} size="lg" lang={certificate.locale} data-testid="certificate-recipient">
          {certificate.recipientName}
        </Text>
      </Item>
      <Item label={t('certificatesUi:labelAchievement')}>
        <Text fw={600} lang={certificate.locale} data-testid="certificate-title">
          {certificate.title}
        </Text>
      </Item>
      <Item label={t('certificatesUi:labelKind')}>{t(`certificatesUi:kind_${certificate.kind}`)}</Item>
      {hours && <Item label={t('certificatesUi:labelHours')}>{hours}</Item>}
      {start && <Item label={t('certificatesUi:labelStartDate')}>{start}</Item>}
      {end && <Item label={t('certificatesUi:labelEndDate')}>{end}</Item>}
      <Item label={t('certificatesUi:labelIssuer')}>{certificate.issuerName}</Item>
      {certificate.coIssuers.length > 0 && (
        <Item label={t('certificatesUi:labelCoIssuers')}>
          <List listStyleType="none" p={0}>
            {certificate.coIssuers.map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
        </Item>
      )}
      {certificate.signatories.length > 0 && (
        <Item label={t('certificatesUi:labelSignatories')}>
          <List listStyleType="none" p={0}>
            {certificate.signatories.map((s) => (
              <List.Item key={`${s.name}|${s.title}|${s.organisation}`}>
                {t('certificatesUi:signatoryLine', { name: s.name, title: s.title, organisation: s.organisation })}
              </List.Item>
            ))}
          </List>
        </Item>
      )}
      <Item label={t('certificatesUi:labelIssued')}>{formatMoment(certificate.issuedAt, locale)}</Item>
      <Item label={t('certificatesUi:labelCode')}>
        <Text component="span" ff="monospace" data-testid="certificate-code">
          {certificate.code}
        </Text>
      </Item>
    </SimpleGrid>
  );
}
