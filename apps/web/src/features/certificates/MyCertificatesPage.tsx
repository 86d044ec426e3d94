import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Loader, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { MY_CERTIFICATES, type CertificateFields } from './operations';
import { CertificateDetails, StatusBadge } from './CertificateDetails';
import { formatMoment } from './format';
import { Loading } from '../../app/Loading';

/** How often the list is asked again while a certificate is still being rendered by the worker. */
export const PENDING_POLL_MS = 3000;

function CertificateCard({ certificate }: { certificate: CertificateFields }) {
  const { t, i18n } = useTranslation();
  const headingId = `certificate-${certificate.id}`;
  const ready = certificate.renderStatus === 'RENDERED';
  return (
    <Card withBorder padding="lg" component="article" aria-labelledby={headingId} data-testid="certificate-card">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id={headingId} lang={certificate.locale} className="break-anywhere">
            {certificate.title}
          </Title>
          <StatusBadge status={certificate.status} />
        </Group>
        {certificate.status === 'REVOKED' && (
          <Alert color="red" variant="light" data-testid="certificate-revoked">
            <Text>{t('certificatesUi:revokedOn', { date: formatMoment(certificate.revokedAt, i18n.language) ?? '' })}</Text>
            {certificate.revocationReason && (
              <Text>
                <strong>{t('certificatesUi:labelReason')}:</strong> {certificate.revocationReason}
              </Text>
            )}
          </Alert>
        )}
        <CertificateDetails certificate={certificate} />
        {certificate.renderStatus === 'PENDING' && (
          <Group gap="xs" role="status" data-testid="certificate-pending">
            <Loader size="sm" aria-hidden="true" />
            <Text>{t('certificatesUi:preparing')}</Text>
          </Group>
        )}
        {certificate.renderStatus === 'FAILED' && (
          <Alert color="orange" variant="light">
            {t('certificatesUi:renderFailed')}
          </Alert>
        )}
        <Group gap="sm" wrap="wrap">
          {ready && certificate.pdfUrl && (
            <Button component="a" href={certificate.pdfUrl} download data-testid="download-pdf">
              {t('certificatesUi:downloadPdf')}
              <VisuallyHidden>{` — ${certificate.title}`}</VisuallyHidden>
            </Button>
          )}
          {ready && certificate.credentialUrl && (
            <Button component="a" href={certificate.credentialUrl} download variant="outline" data-testid="download-credential">
              {t('certificatesUi:downloadCredential')}
              <VisuallyHidden>{` — ${certificate.title}`}</VisuallyHidden>
            </Button>
          )}
          <Anchor component={Link} to={`/verify/${encodeURIComponent(certificate.code)}`} data-testid="verification-link">
            {t('certificatesUi:viewVerification')}
            <VisuallyHidden>{` — ${certificate.title}`}</VisuallyHidden>
          </Anchor>
        </Group>
      </Stack>
    </Card>
  );
}

export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const variables = { first: LIMITS.pageSizeDefault };
  const { data, loading, error, fetchMore, startPolling, stopPolling } = useQuery(MY_CERTIFICATES, { variables });
  const connection = data?.myCertificates;
  const certificates = connection?.edges.map((edge) => edge.node) ?? [];
  const anyPending = certificates.some((c) => c.renderStatus === 'PENDING');

  // Poll only while the worker still renders something, so an idle page costs the server nothing.
  useEffect(() => {
    if (!anyPending) return;
    startPolling(PENDING_POLL_MS);
    return () => stopPolling();
  }, [anyPending, startPolling, stopPolling]);

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      await fetchMore({
        variables: { ...variables, after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          myCertificates: {
            ...fetchMoreResult.myCertificates,
            edges: [...previous.myCertificates.edges, ...fetchMoreResult.myCertificates.edges],
          },
        }),
      });
    } catch (err) {
      setMoreError(describeError(err, t).message);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Page title={t('certificatesUi:myTitle')}>
      <Text maw={760}>{t('certificatesUi:myIntro')}</Text>
      {error && !data ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : certificates.length === 0 ? (
        <Alert color="blue" variant="light" data-testid="certificates-empty">
          {t('certificatesUi:myEmpty')}
        </Alert>
      ) : (
        <Stack gap="md">
          {certificates.map((certificate) => (
            <CertificateCard key={certificate.id} certificate={certificate} />
          ))}
          {moreError && (
            <Alert color="red" role="alert">
              {moreError}
            </Alert>
          )}
          {connection?.pageInfo.hasNextPage && (
            <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore} w="fit-content">
              {t('certificatesUi:loadMoreMine')}
            </Button>
          )}
        </Stack>
      )}
    </Page>
  );
}
