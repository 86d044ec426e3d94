import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  Input,
  List,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { CERTIFICATE_BATCH, CERTIFICATES, ISSUE_PARTICIPATION_CERTIFICATES, type IssueParticipationInput } from './operations';
import { apiFieldMessages, parseHours, rowErrors, type RowError } from './format';

/** How often a running batch is asked for its counts. */
export const BATCH_POLL_MS = 1000;

interface SignatoryRow {
  key: number;
  name: string;
  title: string;
  organisation: string;
}

interface Values {
  title: string;
  hours: string;
  startDate: string;
  endDate: string;
  issuerName: string;
  coIssuers: string;
  csv: string;
}

const EMPTY: Values = { title: '', hours: '', startDate: '', endDate: '', issuerName: '', coIssuers: '', csv: '' };
const SIGNATORY_FIELDS = ['name', 'title', 'organisation'] as const;
const FORM_FIELDS = new Set<string>(Object.keys(EMPTY));

/** FileReader rather than Blob.text(): the same code path in every browser we support. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file, 'utf-8');
  });
}

let nextRowKey = 1;
const newSignatory = (): SignatoryRow => ({ key: nextRowKey++, name: '', title: '', organisation: '' });

function BatchProgress({ batchId, onAnother }: { batchId: string; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const { data, error, startPolling, stopPolling } = useQuery(CERTIFICATE_BATCH, {
    variables: { id: batchId },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  const batch = data?.certificateBatch;
  const done = Boolean(batch?.done);

  useEffect(() => {
    if (done) {
      // The table below shows the new certificates once they exist.
      void client.refetchQueries({ include: [CERTIFICATES] });
      return;
    }
    startPolling(BATCH_POLL_MS);
    return () => stopPolling();
  }, [done, client, startPolling, stopPolling]);

  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const total = batch?.total ?? 0;
  const finished = (batch?.rendered ?? 0) + (batch?.failed ?? 0);
  const percent = total > 0 ? Math.min(100, Math.round((finished / total) * 100)) : done ? 100 : 0;

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="batch-heading" data-testid="batch-progress">
      <Stack gap="sm">
        <Title order={3} size="h4" id="batch-heading">
          {t('certificatesUi:progressHeading')}
        </Title>
        <Progress value={percent} size="lg" aria-label={t('certificatesUi:progressLabel')} color={batch?.failed ? 'orange' : 'blue'} />
        <Group gap="lg" component="dl" m={0} wrap="wrap">
          {(
            [
              ['countTotal', total, 'batch-total'],
              ['countRendered', batch?.rendered ?? 0, 'batch-rendered'],
              ['countFailed', batch?.failed ?? 0, 'batch-failed'],
            ] as const
          ).map(([label, value, testId]) => (
            <Group key={label} gap={6} wrap="nowrap">
              <Text component="dt" fw={600}>
                {t(`certificatesUi:${label}`)}:
              </Text>
              <Text component="dd" m={0} data-testid={testId}>
                {number(value)}
              </Text>
            </Group>
          ))}
        </Group>
        <div role="status" aria-live="polite">
          {error ? (
            <Alert color="red">{describeError(error, t).message}</Alert>
          ) : done ? (
            <Alert color={batch?.failed ? 'orange' : 'teal'} data-testid="batch-done">
              <Text inherit>{t('certificatesUi:progressDone')}</Text>
              {Boolean(batch?.failed) && <Text inherit>{t('certificatesUi:progressFailedHint')}</Text>}
            </Alert>
          ) : (
            <Text>{t('certificatesUi:progressRunning')}</Text>
          )}
        </div>
        {done && (
          <Button variant="outline" onClick={onAnother} w="fit-content">
            {t('certificatesUi:issueAnother')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

export function IssueParticipationForm() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [signatories, setSignatories] = useState<SignatoryRow[]>(() => [newSignatory()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rows, setRows] = useState<RowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [fileNotice, setFileNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [issue, { loading }] = useMutation(ISSUE_PARTICIPATION_CERTIFICATES);

  // After a refused submit, the first thing to fix gets the focus.
  useEffect(() => {
    if (attempt === 0) return;
    const target =
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formRef.current?.querySelector<HTMLElement>('[data-focus-on-error]');
    target?.focus();
  }, [attempt]);

  const clear = (name: string) =>
    setErrors((current) => {
      if (!current[name]) return current;
      const { [name]: _removed, ...rest } = current;
      return rest;
    });
  const set = (name: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    clear(name);
  };
  const setSignatory = (index: number, field: (typeof SIGNATORY_FIELDS)[number], value: string) => {
    setSignatories((list) => list.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    clear(`signatories.${index}.${field}`);
  };
  const removeSignatory = (index: number) => {
    setSignatories((list) => list.filter((_, i) => i !== index));
    // Messages are keyed by position, which has just shifted.
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith('signatories.'))));
  };

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    setFileNotice(null);
    if (!file) return;
    try {
      const text = await readText(file);
      // A CSV is text: a NUL byte means a spreadsheet or another binary format was picked.
      if (text.includes('\u0000')) throw new Error('binary');
      set('csv', text.replace(/^\uFEFF/, ''));
      setFileNotice({ ok: true, text: t('certificatesUi:fileLoaded', { name: file.name }) });
    } catch {
      setFileNotice({ ok: false, text: t('certificatesUi:fileUnreadable') });
    }
  };

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    const required = t('certificatesUi:required');
    for (const name of ['title', 'startDate', 'endDate', 'issuerName'] as const) {
      if (!values[name].trim()) found[name] = required;
    }
    const hours = parseHours(values.hours);
    if (hours !== null && !(hours > 0)) found.hours = t('certificatesUi:hoursInvalid');
    if (values.startDate && values.endDate && values.endDate < values.startDate) found.endDate = t('certificatesUi:endBeforeStart');
    signatories.forEach((row, index) => {
      for (const field of SIGNATORY_FIELDS) if (!row[field].trim()) found[`signatories.${index}.${field}`] = required;
    });
    if (!values.csv.trim()) found.csv = t('certificatesUi:recipientsRequired');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setRows([]);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input: IssueParticipationInput = {
      title: values.title.trim(),
      hours: parseHours(values.hours),
      startDate: values.startDate,
      endDate: values.endDate,
      issuerName: values.issuerName.trim(),
      coIssuers: values.coIssuers
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      signatories: signatories.map(({ name, title, organisation }) => ({ name: name.trim(), title: title.trim(), organisation: organisation.trim() })),
      csv: values.csv,
    };
    try {
      const result = await issue({ variables: { input } });
      const batch = result.data?.issueParticipationCertificates;
      if (batch) setBatchId(batch.id);
    } catch (error) {
      const described = describeError(error, t);
      const badRows = rowErrors(error);
      const fieldMessages = apiFieldMessages(error);
      // Row problems are listed above the list; the other fields show theirs under the input, and
      // what no input can show (e.g. too many signatories) joins the form-level message.
      const inputs: Record<string, string> = {};
      const elsewhere: string[] = [];
      for (const [path, message] of Object.entries(fieldMessages)) {
        if (/^recipients[.[]/.test(path)) continue;
        const name = path === 'recipients' ? 'csv' : path.replace(/^coIssuers\.\d+$/, 'coIssuers');
        if (FORM_FIELDS.has(name) || /^signatories\.\d+\.(name|title|organisation)$/.test(name)) inputs[name] ??= message;
        else elsewhere.push(message);
      }
      setRows(badRows);
      setErrors(inputs);
      setFailure(elsewhere.length > 0 ? elsewhere.join(' ') : badRows.length > 0 || Object.keys(inputs).length > 0 ? null : described.message);
      setAttempt((n) => n + 1);
    }
  };

  const another = () => {
    setBatchId(null);
    setValues((v) => ({ ...v, csv: '' }));
    setFileNotice(null);
  };

  if (batchId) return <BatchProgress batchId={batchId} onAnother={another} />;

  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="issue-heading" data-testid="issue-form">
      <Stack gap="md">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <TextInput
          label={t('certificatesUi:fieldTitle')}
          name="title"
          required
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label={t('certificatesUi:fieldHours')}
            name="hours"
            inputMode="decimal"
            value={values.hours}
            onChange={(e) => set('hours', e.currentTarget.value)}
            error={errors.hours}
          />
          <TextInput
            label={t('certificatesUi:fieldStartDate')}
            name="startDate"
            type="date"
            required
            value={values.startDate}
            onChange={(e) => set('startDate', e.currentTarget.value)}
            error={errors.startDate}
          />
          <TextInput
            label={t('certificatesUi:fieldEndDate')}
            name="endDate"
            type="date"
            required
            value={values.endDate}
            onChange={(e) => set('endDate', e.currentTarget.value)}
            error={errors.endDate}
          />
        </SimpleGrid>
        <TextInput
          label={t('certificatesUi:fieldIssuer')}
          name="issuerName"
          required
          value={values.issuerName}
          onChange={(e) => set('issuerName', e.currentTarget.value)}
          error={errors.issuerName}
        />
        <Textarea
          label={t('certificatesUi:fieldCoIssuers')}
          description={t('certificatesUi:coIssuersHint')}
          name="coIssuers"
          autosize
          minRows={2}
          value={values.coIssuers}
          onChange={(e) => set('coIssuers', e.currentTarget.value)}
          error={errors.coIssuers}
        />

        <Fieldset legend={t('certificatesUi:signatoriesLegend')} variant="filled">
          <Stack gap="md">
            {signatories.map((row, index) => (
              <Fieldset
                key={row.key}
                legend={t('certificatesUi:signatoryN', { n: index + 1 })}
                variant="unstyled"
                data-testid="signatory-row"
              >
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  {SIGNATORY_FIELDS.map((field) => (
                    <TextInput
                      key={field}
                      label={t(`certificatesUi:signatory${field[0].toUpperCase()}${field.slice(1)}`)}
                      name={`signatories.${index}.${field}`}
                      required
                      value={row[field]}
                      onChange={(e) => setSignatory(index, field, e.currentTarget.value)}
                      error={errors[`signatories.${index}.${field}`]}
                    />
                  ))}
                </SimpleGrid>
                {signatories.length > 1 && (
                  <Button variant="subtle" color="red" size="compact-sm" mt="xs" onClick={() => removeSignatory(index)}>
                    {t('certificatesUi:removeSignatory', { n: index + 1 })}
                  </Button>
                )}
              </Fieldset>
            ))}
            <Button variant="outline" onClick={() => setSignatories((list) => [...list, newSignatory()])} w="fit-content">
              {t('certificatesUi:addSignatory')}
            </Button>
          </Stack>
        </Fieldset>

        <Fieldset legend={t('certificatesUi:recipientsLegend')} variant="filled">
          <Stack gap="md">
            {rows.length > 0 && (
              <Alert color="red" role="alert" title={t('certificatesUi:rowErrorsTitle')} data-testid="row-errors" tabIndex={-1} data-focus-on-error>
                <List size="sm">
                  {rows.map((row, i) => (
                    <List.Item key={`${row.row}-${i}`}>{row.message}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Textarea
              label={t('certificatesUi:fieldCsv')}
              description={t('certificatesUi:csvHint')}
              name="csv"
              required
              autosize
              minRows={4}
              maxRows={16}
              spellCheck={false}
              placeholder={'name,email,locale\nAna Souza,ana@example.org,pt'}
              value={values.csv}
              onChange={(e) => {
                set('csv', e.currentTarget.value);
                setRows([]);
              }}
              error={errors.csv}
              data-testid="recipients-csv"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Input.Wrapper label={t('certificatesUi:fieldFile')} id="recipients-file">
              <input
                id="recipients-file"
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(e) => void readFile(e)}
                data-testid="recipients-file"
                style={{ display: 'block', maxWidth: '100%' }}
              />
            </Input.Wrapper>
            <div role="status" aria-live="polite">
              {fileNotice && (
                <Text size="sm" c={fileNotice.ok ? 'teal.9' : 'red.9'}>
                  {fileNotice.text}
                </Text>
              )}
            </div>
          </Stack>
        </Fieldset>

        <Button type="submit" loading={loading} w="fit-content" data-testid="issue-submit">
          {t('certificatesUi:issueSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
