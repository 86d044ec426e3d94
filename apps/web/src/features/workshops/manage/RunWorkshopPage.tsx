import type { ReactNode } from 'react';
import { Alert, Anchor, Badge, Group, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { RUN_WORKSHOP, type RunWorkshop } from '../operations-manage';
import { RegistrationsPanel } from './RegistrationsPanel';
import { AttendancePanel } from './AttendancePanel';
import { PrioritiesPanel } from './PrioritiesPanel';
import { FiguresPanel } from './FiguresPanel';
import { HeldPanel } from './HeldPanel';

export const RUN_TABS = ['registrations', 'attendance', 'priorities', 'figures', 'held'] as const;
export type RunTab = (typeof RUN_TABS)[number];

function parseTab(value: string | null): RunTab {
  return RUN_TABS.includes(value as RunTab) ? (value as RunTab) : 'registrations';
}

const PANELS: Record<RunTab, (props: { workshop: RunWorkshop }) => ReactNode> = {
  registrations: RegistrationsPanel,
  attendance: AttendancePanel,
  priorities: PrioritiesPanel,
  figures: FiguresPanel,
  held: HeldPanel,
};

/** Organisers: run a workshop — registrations, attendance, priorities, figures and "held" with certificates. */
export default function RunWorkshopPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get('tab'));
  const { data, loading, error } = useQuery(RUN_WORKSHOP, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const workshop = data?.workshopById ?? null;

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (!workshop) {
    return (
      <Page title={t('workshopManage:title')}>
        <Alert color="red" role="alert" data-testid="run-not-found">
          {error ? describeError(error, t).message : t('workshopManage:notFound')}
        </Alert>
      </Page>
    );
  }

  const Panel = PANELS[tab];
  return (
    <Page title={t('workshopManage:title')} heading={t('workshopManage:heading', { title: workshop.title })}>
      <Group gap="md" wrap="wrap">
        <Badge variant="outline" color="indigo.9" data-testid="workshop-status" data-status={workshop.status}>
          {t(`workshopManage:workshopStatus_${workshop.status}`)}
        </Badge>
        <Anchor component={Link} to={`/workshops/${encodeURIComponent(workshop.slug)}`} data-testid="public-page-link">
          {t('workshopManage:publicPage')}
        </Anchor>
        <Anchor component={Link} to={`/manage/workshops/${encodeURIComponent(workshop.id)}`} data-testid="edit-link">
          {t('workshopManage:editWorkshop')}
        </Anchor>
      </Group>
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          next.set('tab', parseTab(value));
          setParams(next, { replace: true });
        }}
        keepMounted={false}
        activateTabWithKeyboard
      >
        <Tabs.List aria-label={t('workshopManage:sectionsLabel')} style={{ flexWrap: 'wrap' }}>
          {RUN_TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`run-tab-${value}`}>
              {t(`workshopManage:tab_${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {RUN_TABS.map((value) => (
          <Tabs.Panel key={value} value={value} pt="lg" data-testid={`run-panel-${value}`}>
            {value === tab && (
              <>
                <Title order={2} mb="md">
                  {t(`workshopManage:tab_${value}`)}
                </Title>
                <Text size="sm" mb="md" maw={760}>
                  {t(`workshopManage:intro_${value}`)}
                </Text>
                <Panel workshop={workshop} />
              </>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
