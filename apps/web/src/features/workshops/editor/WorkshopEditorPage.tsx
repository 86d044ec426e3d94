import { Alert, Anchor, Tabs, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { WORKSHOP_FOR_EDITING } from '../operations-workshops';
import { DetailsForm } from './DetailsForm';
import { ProgrammeEditor } from './ProgrammeEditor';
import { MaterialsEditor } from './MaterialsEditor';
import { OrganisersEditor } from './OrganisersEditor';
import { InvitationsEditor } from './InvitationsEditor';
import { Lifecycle } from './Lifecycle';

const TABS = ['details', 'programme', 'materials', 'organisers', 'invitations'] as const;
type Tab = (typeof TABS)[number];

export default function WorkshopEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && (TABS as readonly string[]).includes(requested) ? requested : 'details';
  const { data, loading, error } = useQuery(WORKSHOP_FOR_EDITING, { variables: { id: id ?? '' }, skip: !id });

  if (!id) {
    return (
      <Page title={t('workshopsUi:newWorkshop')}>
        <Anchor component={Link} to="/manage/workshops">
          {t('workshopsUi:backToManage')}
        </Anchor>
        <DetailsForm workshop={null} />
      </Page>
    );
  }
  if (loading && !data) return <Loading label={t('nav:loading')} />;
  const workshop = data?.workshopById;
  if (error || !workshop) {
    return (
      <Page title={t('workshopsUi:notFound')}>
        <Alert color="red" role="alert">
          {error ? describeError(error, t).message : t('workshopsUi:notFoundBody')}
        </Alert>
        <Anchor component={Link} to="/manage/workshops">
          {t('workshopsUi:backToManage')}
        </Anchor>
      </Page>
    );
  }

  return (
    <Page title={t('workshopsUi:editorTitle', { title: workshop.title })} heading={workshop.title}>
      <Anchor component={Link} to="/manage/workshops">
        {t('workshopsUi:backToManage')}
      </Anchor>
      <Lifecycle workshop={workshop} />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'details' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('workshopsUi:editorSections')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`tab-${value}`}>
              {t(`workshopsUi:tab_${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Title order={2} size="h3" mb="md">
              {t(`workshopsUi:tab_${value}`)}
            </Title>
            {value === 'details' && <DetailsForm key={workshop.id} workshop={workshop} />}
            {value === 'programme' && <ProgrammeEditor workshop={workshop} />}
            {value === 'materials' && <MaterialsEditor workshop={workshop} />}
            {value === 'organisers' && <OrganisersEditor workshop={workshop} />}
            {value === 'invitations' && <InvitationsEditor workshop={workshop} />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
