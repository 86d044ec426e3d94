import { useId } from 'react';
import { Alert, Card, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { ScrollTable } from '../../../app/ScrollTable';
import { WORKSHOP_PARTICIPANTS } from '../operations-participant';

/** Who else takes part: confirmed participants who agreed to be listed, for confirmed participants and organisers. */
export function ParticipantsList({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { data, error } = useQuery(WORKSHOP_PARTICIPANTS, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  const workshop = data?.workshop;
  if (error && !data) {
    return (
      <Alert color="red" role="alert">
        {describeError(error, t).message}
      </Alert>
    );
  }
  if (!workshop) return null;
  const allowed = workshop.canManage || workshop.myRegistration?.status === 'CONFIRMED';
  if (!allowed) return null;
  const collator = new Intl.Collator(i18n.language);
  const people = [...workshop.participants].sort((a, b) => collator.compare(a.name, b.name));
  const number = new Intl.NumberFormat(i18n.language);
  const title = t('workshopParticipant:participantsTitle');

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="participants-list">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        <Text size="sm">{t('workshopParticipant:participantsNote', { count: people.length, people: number.format(people.length) })}</Text>
        {people.length === 0 ? (
          <Text c="dimmed">{t('workshopParticipant:participantsEmpty')}</Text>
        ) : (
          <ScrollTable minWidth={420} label={title}>
            <Table striped>
              <VisuallyHidden component="caption">{title}</VisuallyHidden>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('workshopParticipant:colName')}</Table.Th>
                  <Table.Th scope="col">{t('workshopParticipant:colCountry')}</Table.Th>
                  <Table.Th scope="col">{t('workshopParticipant:colOrganisation')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.map((p, i) => (
                  <Table.Tr key={`${p.name}-${i}`} data-testid="participant-row">
                    <Table.Th scope="row" fw={500}>
                      {p.name}
                    </Table.Th>
                    <Table.Td>{p.country?.name ?? '—'}</Table.Td>
                    <Table.Td className="break-anywhere">{p.organisationName ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}

export default ParticipantsList;
