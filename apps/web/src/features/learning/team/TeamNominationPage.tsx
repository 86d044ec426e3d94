import { useState } from 'react';
import { Alert, Anchor, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import { describeError } from '../../../app/errors';
import { ENROL_PANEL_COURSE, NOMINATE_TEAM, TEAM_CONTEXT, TEAM_ENROLMENTS, type NominationResult, type OfferingFields } from '../operations-learner';
import { OfferingSummary } from '../learner/EnrolPanel';
import { EmailListForm, NominationResultView } from './EmailListForm';
import { TeamTable } from './TeamPage';
import { formatCalendarDate } from '../learner/components';

function offeringLabel(offering: OfferingFields, locale: string, selfPaced: string): string {
  if (offering.name) return offering.name;
  if (offering.startsOn || offering.endsOn) return `${formatCalendarDate(offering.startsOn, locale)} – ${formatCalendarDate(offering.endsOn, locale)}`;
  return selfPaced;
}

/** A ministry's focal point enrols colleagues in a course, within the country's seats. */
export default function TeamNominationPage() {
  const { t, i18n } = useTranslation();
  const { courseSlug = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [result, setResult] = useState<NominationResult | null>(null);
  const courseQuery = useQuery(ENROL_PANEL_COURSE, { variables: { slug: courseSlug } });
  const course = courseQuery.data?.course ?? null;
  const open = course?.offerings.filter((o) => o.openForEnrolment) ?? [];
  const requested = params.get('offering');
  const offering = open.find((o) => o.id === requested) ?? open[0] ?? null;
  const team = useQuery(TEAM_CONTEXT, { variables: { offeringId: offering?.id ?? '' }, skip: !offering, fetchPolicy: 'cache-and-network' });
  const colleagues = useQuery(TEAM_ENROLMENTS, { variables: { courseId: course?.id ?? null }, skip: !course, fetchPolicy: 'cache-and-network' });
  const [nominate] = useMutation(NOMINATE_TEAM);
  const number = new Intl.NumberFormat(i18n.language);
  const context = team.data?.teamContext ?? null;

  const title = t('learnerUi:nominateTitle');
  if ((courseQuery.loading && !courseQuery.data) || (team.loading && !team.data)) {
    return <Loading label={t('nav:loading')} />;
  }
  if (!course) {
    return (
      <Page title={title}>
        <Alert color="red" role="alert">
          {courseQuery.error ? describeError(courseQuery.error, t).message : t('learnerUi:courseNotFound')}
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={title} heading={t('learnerUi:nominateHeading', { title: course.title })}>
      <Anchor component={Link} to={`/courses/${encodeURIComponent(course.slug)}`}>
        {t('learnerUi:backToCourse')}
      </Anchor>
      {open.length === 0 ? (
        <Alert color="orange.9" variant="outline">
          <Text c="dark.9">{t('learnerUi:noOpenOffering')}</Text>
        </Alert>
      ) : (
        <Stack gap="lg">
          {open.length > 1 && (
            <NativeSelect
              label={t('learnerUi:chooseOffering')}
              value={offering?.id ?? ''}
              onChange={(e) => {
                setResult(null);
                setParams({ offering: e.currentTarget.value }, { replace: true });
              }}
              data={open.map((o) => ({ value: o.id, label: offeringLabel(o, i18n.language, t('learnerUi:selfPaced')) }))}
              w={{ base: '100%', sm: 360 }}
            />
          )}
          {offering && <OfferingSummary offering={offering} />}
          {team.error && !team.data ? (
            <Alert color="red" role="alert">
              {describeError(team.error, t).message}
            </Alert>
          ) : !context ? (
            <Alert color="orange.9" variant="outline" data-testid="not-focal-point">
              <Text c="dark.9">{t('learnerUi:notFocalPoint')}</Text>
            </Alert>
          ) : (
            <Paper withBorder p="md" radius="md">
              <Stack gap="md">
                <Title order={2} size="h4">
                  {t('learnerUi:nominateFor', { organisation: context.organisationName })}
                </Title>
                <Text data-testid="country-seats">
                  {context.seats === null
                    ? t('learnerUi:countrySeatsNone', { country: context.country.name })
                    : t('learnerUi:countrySeatsLeft', {
                        country: context.country.name,
                        left: number.format(Math.max(0, context.seats - context.seatsTaken)),
                        seats: number.format(context.seats),
                      })}
                </Text>
                <Text size="sm">{t('learnerUi:nominateIntro')}</Text>
                <EmailListForm
                  submitLabel={t('learnerUi:nominateSubmit')}
                  onSubmit={async (emails) => {
                    setResult(null);
                    const response = await nominate({ variables: { offeringId: offering!.id, emails } });
                    if (response.data) setResult(response.data.nominateTeam);
                    void team.refetch();
                    void colleagues.refetch();
                    void courseQuery.refetch();
                  }}
                />
                <div role="status" aria-live="polite">
                  {result && <NominationResultView result={result} />}
                </div>
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
      <section aria-labelledby="team-progress-title">
        <Title order={2} id="team-progress-title" mb="sm">
          {t('learnerUi:teamProgressTitle')}
        </Title>
        {colleagues.loading && !colleagues.data ? (
          <Loading label={t('nav:loading')} />
        ) : (
          <TeamTable rows={colleagues.data?.teamEnrolments ?? []} showCourse={false} />
        )}
      </section>
    </Page>
  );
}
