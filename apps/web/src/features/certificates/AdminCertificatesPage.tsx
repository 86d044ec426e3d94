import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@alliance/shared-core';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import {
  CERTIFICATES,
  CERTIFICATE_STATUSES,
  REISSUE_CERTIFICATE,
  REVOKE_CERTIFICATE,
  type CertificateFields,
  type CertificateStatus,
} from './operations';
import { StatusBadge } from './CertificateDetails';
import { formatMoment } from './format';
import { Loading } from '../../app/Loading';
import { IssueParticipationForm } from './IssueParticipationForm';
import { ScrollTable } from '../../app/ScrollTable';

type Notice = { kind: 'ok' | 'error'; text: string } | null;
type Action = { kind: 'revoke' | 'reissue'; certificate: CertificateFields } | null;

function RevokeDialog({ certificate, onClose, onDone }: { certificate: CertificateFields; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [revoke, { loading }] = useMutation(REVOKE_CERTIFICATE, { refetchQueries: [CERTIFICATES] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('certificatesUi:reasonRequired'));
      return;
    }
    try {
      await revoke({ variables: { id: certificate.id, reason: reason.trim() } });
      onDone(t('certificatesUi:revokedDone', { code: certificate.code, name: certificate.recipientName }));
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.reason ?? described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="revoke-dialog">
      <Stack gap="md">
        <Text>{t('certificatesUi:revokeDialogBody', { code: certificate.code, name: certificate.recipientName })}</Text>
        <Textarea
          label={t('certificatesUi:labelReason')}
          name="reason"
          required
          data-autofocus
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('certificatesUi:cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={loading} data-testid="confirm-revoke">
            {t('certificatesUi:confirmRevoke')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ReissueDialog({ certificate, onClose, onDone }: { certificate: CertificateFields; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reissue, { loading }] = useMutation(REISSUE_CERTIFICATE, { refetchQueries: [CERTIFICATES] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const result = await reissue({ variables: { id: certificate.id, recipientName: name.trim() || null } });
      const created = result.data?.reissueCertificate;
      onDone(t('certificatesUi:reissuedDone', { code: created?.code ?? '', name: created?.recipientName ?? certificate.recipientName }));
    } catch (err) {
      const described = describeError(err, t);
      setError(described.fields.recipientName ?? described.message);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="reissue-dialog">
      <Stack gap="md">
        <Text>{t('certificatesUi:reissueDialogBody', { code: certificate.code })}</Text>
        <TextInput
          label={t('certificatesUi:correctedName')}
          description={t('certificatesUi:correctedNameHint', { name: certificate.recipientName })}
          name="recipientName"
          data-autofocus
          value={name}
          maxLength={LIMITS.nameMax}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('certificatesUi:cancel')}
          </Button>
          <Button type="submit" loading={loading} data-testid="confirm-reissue">
            {t('certificatesUi:confirmReissue')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CertificatesTable() {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CertificateStatus | ''>('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [notice, setNotice] = useState<Notice>(null);
  const [action, setAction] = useState<Action>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const variables = { first: LIMITS.pageSizeDefault, search: debouncedSearch || null, status: status || null };
  const { data: current, previousData, loading, error, fetchMore } = useQuery(CERTIFICATES, { variables });
  // While a new search runs, the previous results stay in place rather than flashing a spinner.
  const data = current ?? previousData;
  const connection = data?.certificates;
  const certificates = connection?.edges.map((edge) => edge.node) ?? [];

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { ...variables, after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          certificates: {
            ...fetchMoreResult.certificates,
            edges: [...previous.certificates.edges, ...fetchMoreResult.certificates.edges],
          },
        }),
      });
    } catch (err) {
      setNotice({ kind: 'error', text: describeError(err, t).message });
    } finally {
      setLoadingMore(false);
    }
  };

  const close = () => setAction(null);
  const done = (text: string) => {
    setAction(null);
    setNotice({ kind: 'ok', text });
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t('certificatesUi:search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
        />
        <NativeSelect
          label={t('certificatesUi:statusFilter')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as CertificateStatus | '')}
          data={[
            { value: '', label: t('certificatesUi:allStatuses') },
            ...CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`certificatesUi:status_${s}`) })),
          ]}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>

      <div role="status" aria-live="polite">
        {notice && (
          <Alert color={notice.kind === 'ok' ? 'teal' : 'red'} data-testid="certificates-notice">
            {notice.text}
          </Alert>
        )}
      </div>

      {error && !current ? (
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
      ) : loading && !data ? (
        <Loading label={t('nav:loading')} />
      ) : (
        <Stack>
          <Text aria-live="polite">
            {certificates.length === 0
              ? t('certificatesUi:noResults')
              : t('certificatesUi:showing', { shown: certificates.length, total: connection?.totalCount ?? 0 })}
          </Text>
          {certificates.length > 0 && (
            <ScrollTable minWidth={900} label={t('certificatesUi:listHeading')}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-labelledby="issued-heading" data-testid="certificates-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('certificatesUi:colRecipient')}</Table.Th>
                    <Table.Th scope="col">{t('certificatesUi:colTitle')}</Table.Th>
                    <Table.Th scope="col">{t('certificatesUi:colCode')}</Table.Th>
                    <Table.Th scope="col">{t('certificatesUi:colIssued')}</Table.Th>
                    <Table.Th scope="col">{t('certificatesUi:colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('certificatesUi:colActions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {certificates.map((certificate) => (
                    <Table.Tr key={certificate.id} data-testid="certificate-row" data-code={certificate.code}>
                      <Table.Th scope="row" fw={500}>
                        <Text inherit lang={certificate.locale}>
                          {certificate.recipientName}
                        </Text>
                        <Text size="sm" c="dark.6" className="break-anywhere">
                          {certificate.recipientEmail}
                        </Text>
                      </Table.Th>
                      <Table.Td>
                        <Text inherit lang={certificate.locale}>
                          {certificate.title}
                        </Text>
                        <Text size="sm" c="dark.6">
                          {t(`certificatesUi:kind_${certificate.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td ff="monospace">{certificate.code}</Table.Td>
                      <Table.Td>{formatMoment(certificate.issuedAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={certificate.status} />
                        {certificate.revocationReason && (
                          <Text size="sm" mt={4}>
                            {certificate.revocationReason}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {certificate.status === 'ISSUED' && (
                          <Group gap="xs" wrap="nowrap">
                            <Button
                              size="compact-sm"
                              color="red.9"
                              variant="outline"
                              aria-label={t('certificatesUi:actionFor', {
                                action: t('certificatesUi:revoke'),
                                name: certificate.recipientName,
                                code: certificate.code,
                              })}
                              onClick={() => setAction({ kind: 'revoke', certificate })}
                              data-testid="revoke-certificate"
                            >
                              {t('certificatesUi:revoke')}
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="outline"
                              aria-label={t('certificatesUi:actionFor', {
                                action: t('certificatesUi:reissue'),
                                name: certificate.recipientName,
                                code: certificate.code,
                              })}
                              onClick={() => setAction({ kind: 'reissue', certificate })}
                              data-testid="reissue-certificate"
                            >
                              {t('certificatesUi:reissue')}
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {connection?.pageInfo.hasNextPage && (
            <Button variant="outline" onClick={() => void loadMore()} loading={loadingMore} w="fit-content">
              {t('certificatesUi:loadMore')}
            </Button>
          )}
        </Stack>
      )}

      <Modal
        opened={action !== null}
        onClose={close}
        title={action?.kind === 'reissue' ? t('certificatesUi:reissueDialogTitle') : t('certificatesUi:revokeDialogTitle')}
        closeButtonProps={{ 'aria-label': t('certificatesUi:cancel') }}
        size="lg"
      >
        {action?.kind === 'revoke' && <RevokeDialog certificate={action.certificate} onClose={close} onDone={done} />}
        {action?.kind === 'reissue' && <ReissueDialog certificate={action.certificate} onClose={close} onDone={done} />}
      </Modal>
    </Stack>
  );
}

export default function AdminCertificatesPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('certificatesUi:adminTitle')}>
      <Text maw={760}>{t('certificatesUi:adminIntro')}</Text>
      <Card withBorder padding="lg" component="section" aria-labelledby="issue-heading">
        <Stack gap="md">
          <Title order={2} size="h3" id="issue-heading">
            {t('certificatesUi:issueHeading')}
          </Title>
          <Text maw={760}>{t('certificatesUi:issueIntro')}</Text>
          <IssueParticipationForm />
        </Stack>
      </Card>
      <section aria-labelledby="issued-heading">
        <Stack gap="md">
          <Title order={2} size="h3" id="issued-heading">
            {t('certificatesUi:listHeading')}
          </Title>
          <CertificatesTable />
        </Stack>
      </section>
    </Page>
  );
}
