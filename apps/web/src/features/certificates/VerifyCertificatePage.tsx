import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@alliance/shared-core';
import { Page } from '../../app/Page';
import { describeError } from '../../app/errors';
import { VERIFY_CERTIFICATE, type CertificateVerification } from './operations';
import { CertificateDetails } from './CertificateDetails';
import { formatMoment } from './format';
import { Loading } from '../../app/Loading';

function CodeForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => setCode(initial), [initial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (!trimmed) {
      setError(t('certificatesUi:codeRequired'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    void navigate(`/verify/${encodeURIComponent(trimmed)}`);
  };

  return (
    <form onSubmit={submit} noValidate role="search" aria-label={t('certificatesUi:verifyTitle')}>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput
          ref={inputRef}
          label={t('certificatesUi:codeLabel')}
          name="code"
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          w={{ base: '100%', xs: 320 }}
          data-testid="verify-code-input"
        />
        <Button type="submit">{t('certificatesUi:verifySubmit')}</Button>
      </Group>
    </form>
  );
}

function Verdict({ certificate }: { certificate: CertificateVerification }) {
  const { t, i18n } = useTranslation();
  if (certificate.status === 'REVOKED') {
    return (
      <Alert color="red.9" variant="filled" title={t('certificatesUi:revokedTitle')} data-testid="verification-verdict" data-status="REVOKED">
        <Text inherit>{t('certificatesUi:revokedBody', { date: formatMoment(certificate.revokedAt, i18n.language) ?? '' })}</Text>
        {certificate.revocationReason && (
          <Text inherit mt={4}>
            <strong>{t('certificatesUi:labelReason')}:</strong> {certificate.revocationReason}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert color="teal.9" variant="filled" title={t('certificatesUi:validTitle')} data-testid="verification-verdict" data-status="ISSUED">
      {t('certificatesUi:validBody', { issuer: certificate.issuerName })}
    </Alert>
  );
}

function Result({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(VERIFY_CERTIFICATE, { variables: { code }, fetchPolicy: 'network-only' });

  if (loading && !data) {
    return (
      <Loading label={t('certificatesUi:checking')} />
    );
  }
  if (error) {
    const described = describeError(error, t);
    const rateLimited = described.code === ErrorCode.RateLimited;
    return (
      <Alert color={rateLimited ? 'yellow' : 'red'} role="alert" data-testid={rateLimited ? 'verification-rate-limited' : 'verification-error'}>
        {rateLimited ? t('certificatesUi:rateLimited') : described.message}
      </Alert>
    );
  }
  const certificate = data?.verifyCertificate;
  if (!certificate) {
    return (
      <Stack gap="md">
        <Alert color="red" role="alert" data-testid="verification-not-found">
          {t('certificatesUi:notFound', { code })}
        </Alert>
        <CodeForm initial={code} />
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <div role="status">
        <Verdict certificate={certificate} />
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="certificate-details-heading">
        <Title order={2} size="h3" id="certificate-details-heading" mb="md">
          {t('certificatesUi:detailsHeading')}
        </Title>
        <CertificateDetails certificate={certificate} />
      </Card>
      <Text size="sm" maw={760} data-testid="tamper-note">
        {t('certificatesUi:tamperNote')}
      </Text>
    </Stack>
  );
}

export default function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { code: rawCode } = useParams();
  const code = rawCode?.trim() ?? '';
  return (
    <Page title={t('certificatesUi:verifyTitle')}>
      {code ? (
        <>
          <Result code={code} />
          <Anchor component={Link} to="/verify" w="fit-content">
            {t('certificatesUi:checkAnother')}
          </Anchor>
        </>
      ) : (
        <>
          <Text maw={760}>{t('certificatesUi:verifyIntro')}</Text>
          <CodeForm initial="" />
        </>
      )}
    </Page>
  );
}
