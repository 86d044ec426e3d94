import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ActionIcon, Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role, countryName } from '@alliance/shared-core';
import { describeError } from '../../../app/errors';
import { useSession } from '../../../app/session';
import { allTimeZones, timeZoneOption, viewerTimeZone } from '../../workshops/shared/time';
import { CREATE_TECHNICAL_GROUP, GROUP_MODERATOR_OPTIONS, MY_TECHNICAL_GROUPS } from '../operations-groups';
import { OrganisationPicker } from './components';
import { GROUP_RULES, apiFieldMessages, groupDraftProblems, toCreateInput, type GroupDraft, type MemberDraft } from './validation';

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function defaultZone(): string {
  const zone = viewerTimeZone();
  return allTimeZones().includes(zone) ? zone : 'America/Panama';
}

/**
 * Moderators and administrators: a new technical group. Members are picked from the active member
 * organisations and ordered as they will coordinate; each gets its participant list by e-mail.
 */
export function CreateGroupForm({ onCreated, onCancel }: { onCreated: (id: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const isModerator = !!me?.roles.includes(Role.Moderator);
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<GroupDraft>(() => ({
    title: '',
    description: '',
    timeZone: defaultZone(),
    rotationMonths: '6',
    rotationStartsOn: todayIso(),
    moderatorId: isModerator && me ? me.id : '',
    members: [],
  }));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const moderators = useQuery(GROUP_MODERATOR_OPTIONS);
  const [create, creating] = useMutation(CREATE_TECHNICAL_GROUP);
  const zones = useMemo(() => allTimeZones().map((zone) => ({ value: zone, label: timeZoneOption(zone, i18n.language) })), [i18n.language]);

  // After a refused attempt, focus goes to the first field to fix.
  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const set = <K extends keyof GroupDraft>(key: K, value: GroupDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setMember = (index: number, patch: Partial<MemberDraft>) => setDraft((d) => ({ ...d, members: d.members.map((m, i) => (i === index ? { ...m, ...patch } : m)) }));
  const move = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const members = [...d.members];
      const [taken] = members.splice(index, 1);
      members.splice(index + by, 0, taken);
      return { ...d, members };
    });
  const error = (path: string) => fields[path];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problems = groupDraftProblems(draft);
    if (Object.keys(problems).length) {
      setFields(Object.fromEntries(Object.entries(problems).map(([k, key]) => [k, t(key)])));
      setAttempt((n) => n + 1);
      return;
    }
    setFields({});
    try {
      const result = await create({ variables: { input: toCreateInput(draft) }, refetchQueries: [MY_TECHNICAL_GROUPS] });
      const id = result.data?.createTechnicalGroup.id;
      if (id) onCreated(id);
    } catch (e) {
      const described = describeError(e, t);
      const byField = apiFieldMessages(e);
      setFields(byField);
      // The form-level message only when no input can show it.
      setFailure(Object.keys(byField).length ? null : described.message);
      setAttempt((n) => n + 1);
    }
  };

  const moderatorData = [
    ...(isModerator ? [] : [{ value: '', label: t('collaborationGroups:chooseModerator') }]),
    ...(moderators.data?.collaborationModerators ?? (isModerator && me ? [{ id: me.id, name: me.name }] : [])).map((p) => ({
      value: p.id,
      label: p.id === me?.id ? t('collaborationGroups:moderatorMe', { name: p.name }) : p.name,
    })),
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-group-heading" data-testid="create-group">
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Title order={2} id="create-group-heading">
            {t('collaborationGroups:createTitle')}
          </Title>
          <Text size="sm">{t('collaborationGroups:createIntro')}</Text>
          <TextInput
            label={t('collaborationGroups:fieldTitle')}
            required
            maxLength={GROUP_RULES.titleMax}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={error('title')}
            data-testid="group-title"
          />
          <Textarea
            label={t('collaborationGroups:fieldDescription')}
            description={t('collaborationGroups:markdownHelp')}
            required
            autosize
            minRows={4}
            maxLength={GROUP_RULES.descriptionMax}
            value={draft.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={error('description')}
            data-testid="group-description"
          />
          <Group grow align="flex-start" gap="md" wrap="wrap" style={{ rowGap: 'var(--mantine-spacing-md)' }}>
            <TextInput
              type="number"
              inputMode="numeric"
              min={GROUP_RULES.monthsMin}
              max={GROUP_RULES.monthsMax}
              label={t('collaborationGroups:fieldRotationMonths')}
              description={t('collaborationGroups:fieldRotationMonthsHelp')}
              required
              value={draft.rotationMonths}
              onChange={(e) => set('rotationMonths', e.currentTarget.value)}
              error={error('rotationMonths')}
              miw={200}
              data-testid="group-months"
            />
            <TextInput
              type="date"
              label={t('collaborationGroups:fieldStartsOn')}
              description={t('collaborationGroups:fieldStartsOnHelp')}
              required
              value={draft.rotationStartsOn}
              onChange={(e) => set('rotationStartsOn', e.currentTarget.value)}
              error={error('rotationStartsOn')}
              miw={200}
              data-testid="group-starts-on"
            />
          </Group>
          <NativeSelect
            label={t('collaborationGroups:fieldTimeZone')}
            value={draft.timeZone}
            onChange={(e) => set('timeZone', e.currentTarget.value)}
            data={zones}
            error={error('timeZone')}
            data-testid="group-time-zone"
          />
          <NativeSelect
            label={t('collaborationGroups:fieldModerator')}
            description={t('collaborationGroups:fieldModeratorHelp')}
            value={draft.moderatorId}
            onChange={(e) => set('moderatorId', e.currentTarget.value)}
            data={moderatorData}
            error={error('moderatorId')}
            data-testid="group-moderator"
          />

          <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
            <Text component="legend" fw={700}>
              {t('collaborationGroups:fieldMembers')}
            </Text>
            <Text size="sm">{t('collaborationGroups:fieldMembersHelp', { min: GROUP_RULES.membersMin, max: GROUP_RULES.membersMax })}</Text>
            {error('members') && (
              <Text size="sm" c="red.9" role="alert" data-testid="members-error">
                {error('members')}
              </Text>
            )}
            {draft.members.length > 0 && (
              <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="draft-members">
                {draft.members.map((member, index) => (
                  <Paper component="li" key={member.organisationId} withBorder p="sm" data-testid="draft-member">
                    <Stack gap="xs">
                      <Group justify="space-between" gap="xs" wrap="wrap">
                        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {t('collaborationGroups:rotationPlace', { place: index + 1 })} · {member.organisationName} · {countryName(member.countryCode, i18n.language)}
                        </Text>
                        <Group gap={4} wrap="nowrap">
                          <ActionIcon variant="default" onClick={() => move(index, -1)} disabled={index === 0} aria-label={t('collaborationGroups:moveUp', { name: member.organisationName })}>
                            <span aria-hidden="true">↑</span>
                          </ActionIcon>
                          <ActionIcon
                            variant="default"
                            onClick={() => move(index, 1)}
                            disabled={index === draft.members.length - 1}
                            aria-label={t('collaborationGroups:moveDown', { name: member.organisationName })}
                          >
                            <span aria-hidden="true">↓</span>
                          </ActionIcon>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red.9"
                            onClick={() => setDraft((d) => ({ ...d, members: d.members.filter((_, i) => i !== index) }))}
                            aria-label={t('collaborationGroups:removeDraftMember', { name: member.organisationName })}
                          >
                            {t('collaborationGroups:remove')}
                          </Button>
                        </Group>
                      </Group>
                      {error(`members.${index}.organisationId`) && (
                        <Text size="sm" c="red.9">
                          {error(`members.${index}.organisationId`)}
                        </Text>
                      )}
                      <Textarea
                        label={t('collaborationGroups:fieldEmails', { name: member.organisationName })}
                        description={t('collaborationGroups:fieldEmailsHelp')}
                        autosize
                        minRows={2}
                        value={member.emails}
                        onChange={(e) => setMember(index, { emails: e.currentTarget.value })}
                        error={error(`members.${index}.participantEmails`)}
                        data-testid="draft-member-emails"
                      />
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            )}
            {draft.members.length < GROUP_RULES.membersMax && (
              <OrganisationPicker
                exclude={draft.members.map((m) => m.organisationId)}
                onPick={(o) => setDraft((d) => ({ ...d, members: [...d.members, { organisationId: o.id, organisationName: o.name, countryCode: o.countryCode, emails: '' }] }))}
              />
            )}
          </Stack>

          {failure && (
            <Alert color="red" role="alert" data-testid="create-group-failure">
              {failure}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={creating.loading} data-testid="create-group-submit">
              {t('collaborationGroups:createSubmit')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('collaborationGroups:cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
