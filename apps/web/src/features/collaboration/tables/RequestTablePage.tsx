import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '@alliance/shared-core';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { MY_TABLES, REQUEST_TABLE, TABLE_REQUEST_ORGANISATIONS } from '../operations-tables';
import { EmailListField, OrganisationPicker, TableDetailsFields, defaultTimeZone } from './components';
import { requestInput, serverFieldMessages, validateTableRequest, type TableRequestValues } from './validation';

function emptyValues(organisationId: string): TableRequestValues {
  return { requestingOrganisationId: organisationId, title: '', description: '', agenda: '', timeZone: defaultTimeZone(), firstSessionAt: '', invited: [], participantEmails: '' };
}

/** /tables/new: a ministry's representative or focal point asks for a working table with other members. */
export default function RequestTablePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const options = useQuery(TABLE_REQUEST_ORGANISATIONS, { fetchPolicy: 'cache-and-network' });
  const organisations = options.data?.tableRequestOrganisations ?? [];

  if (options.loading && !options.data) return <Loading label={t('nav:loading')} />;
  if (options.error) {
    return (
      <Page title={t('collaboration:requestTitle')}>
        <Alert color="red" role="alert">
          {describeError(options.error, t).message}
        </Alert>
      </Page>
    );
  }
  if (!organisations.length) {
    return (
      <Page title={t('collaboration:requestTitle')}>
        <Alert color="blue" data-testid="request-not-allowed">
          {t('collaboration:requestNotAllowedBody')}
        </Alert>
        <Anchor component={Link} to="/tables">
          {t('collaboration:backToTables')}
        </Anchor>
      </Page>
    );
  }
  return (
    <Page title={t('collaboration:requestTitle')}>
      <Anchor component={Link} to="/tables">
        {t('collaboration:backToTables')}
      </Anchor>
      <Text>{t('collaboration:requestIntro')}</Text>
      <RequestTableForm
        organisations={organisations.map((o) => ({ value: o.id, label: `${o.name} · ${countryName(o.countryCode, i18n.language)}` }))}
        onDone={(id) => navigate(`/tables/${id}`)}
      />
    </Page>
  );
}

export function RequestTableForm({ organisations, onDone }: { organisations: Array<{ value: string; label: string }>; onDone: (id: string) => void }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<TableRequestValues>(() => emptyValues(organisations[0]?.value ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [requestTable, { loading }] = useMutation(REQUEST_TABLE);

  // After a refused attempt, focus goes to the first field to fix.
  useEffect(() => {
    if (attempt > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = <K extends keyof TableRequestValues>(key: K, value: TableRequestValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      const field = key === 'invited' ? 'invitedOrganisationIds' : key;
      if (!current[field]) return current;
      const { [field]: _removed, ...rest } = current;
      return rest;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems = validateTableRequest(values);
    const found = Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, t(p.key, p.params ?? {})]));
    setErrors(found);
    if (Object.keys(found).length) {
      setFailure(t('collaboration:fixErrors'));
      setAttempt((n) => n + 1);
      return;
    }
    try {
      const result = await requestTable({ variables: { input: requestInput(values) }, refetchQueries: [MY_TABLES] });
      if (result.data) onDone(result.data.requestTable.id);
    } catch (error) {
      setErrors(serverFieldMessages(error));
      setFailure(describeError(error, t).message);
      setAttempt((n) => n + 1);
    }
  };

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate data-testid="request-table-form">
      <Stack gap="md">
        <NativeSelect
          label={t('collaboration:fieldRequestingOrganisation')}
          description={t('collaboration:fieldRequestingOrganisationHelp')}
          value={values.requestingOrganisationId}
          onChange={(event) => set('requestingOrganisationId', event.currentTarget.value)}
          data={organisations}
          error={errors.requestingOrganisationId}
          data-testid="requesting-organisation"
        />
        <TableDetailsFields idPrefix="request" values={values} errors={errors} onChange={(key, value) => set(key, value)} />
        <Fieldset legend={t('collaboration:whoTakesPart')}>
          <Stack gap="md">
            <OrganisationPicker
              picked={values.invited}
              excludeIds={[values.requestingOrganisationId]}
              onChange={(picked) => set('invited', picked)}
              error={errors.invitedOrganisationIds}
            />
            <EmailListField
              label={t('collaboration:fieldOwnParticipants')}
              description={t('collaboration:fieldOwnParticipantsHelp')}
              value={values.participantEmails}
              onChange={(value) => set('participantEmails', value)}
              error={errors.participantEmails}
              testId="request-participants"
            />
          </Stack>
        </Fieldset>
        {failure && (
          <Alert color="red" role="alert" data-testid="request-failure">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={loading} data-testid="submit-request">
            {t('collaboration:submitRequest')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
