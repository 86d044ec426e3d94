import { useEffect, useRef } from 'react';
import { Alert, Anchor, Button, Grid, Group, List, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../app/Page';
import { Loading } from '../../../app/Loading';
import NotFoundPage from '../../../app/NotFoundPage';
import { describeError } from '../../../app/errors';
import { DetailList } from '../../alliance/directory/components';
import { EVIDENCE_ITEM, type EvidenceItemDetails, type EvidenceTextFields } from '../operations-public';
import { MembersOnlyBadge, StatusBadge, TypeBadge } from '../shared/badges';
import { formatDate, formatNumber } from '../shared/format';
import { creativeCommonsDeedUrl, doiUrl, languageLabel, licenceLabel, nativeLanguageName, typeLabel, visibilityLabel } from '../shared/labels';
import { CitePanel } from './CitePanel';
import { FilesPanel } from './FilesPanel';
import { RelatedItems, UsedIn } from './RelatedItems';

/** Which text to show: the one asked for in the URL (?text=pt), else the one the server chose for the reader. */
export function chooseText(item: EvidenceItemDetails, asked: string | null): EvidenceTextFields {
  return (
    item.texts.find((text) => text.locale === asked) ??
    item.texts.find((text) => text.locale === item.displayLocale) ?? { locale: item.displayLocale, title: item.title, abstract: item.abstract, original: item.displayLocale === item.language }
  );
}

/** Buttons between the item's translations, each named in its own language. */
function TextSwitcher({ item, current, onChoose }: { item: EvidenceItemDetails; current: string; onChoose: (locale: string) => void }) {
  const { t } = useTranslation();
  if (item.texts.length < 2) return null;
  const texts = [...item.texts].sort((a, b) => Number(b.original) - Number(a.original));
  return (
    <Group gap="xs" role="group" aria-labelledby="evidence-text-switcher" data-testid="evidence-text-switcher">
      <Text span size="sm" fw={600} id="evidence-text-switcher">
        {t('evidenceUi:readIn')}
      </Text>
      {texts.map((text) => (
        <Button
          key={text.locale}
          size="compact-sm"
          variant={text.locale === current ? 'filled' : 'default'}
          aria-pressed={text.locale === current}
          onClick={() => onChoose(text.locale)}
          data-testid={`evidence-text-${text.locale}`}
        >
          <span lang={text.locale}>{nativeLanguageName(text.locale)}</span>
          {text.original && <>&nbsp;{t('evidenceUi:originalMark')}</>}
        </Button>
      ))}
    </Group>
  );
}

function Authors({ item }: { item: EvidenceItemDetails }) {
  if (item.authors.length === 1) {
    const [author] = item.authors;
    return <>{author.affiliation ? `${author.name} (${author.affiliation})` : author.name}</>;
  }
  return (
    <List size="sm" spacing={2} data-testid="evidence-authors-list">
      {item.authors.map((author, index) => (
        <List.Item key={`${author.name}-${index}`}>{author.affiliation ? `${author.name} (${author.affiliation})` : author.name}</List.Item>
      ))}
    </List>
  );
}

function Licence({ item }: { item: EvidenceItemDetails }) {
  const { t, i18n } = useTranslation();
  const deed = creativeCommonsDeedUrl(item.licence, i18n.language);
  if (!deed) return <>{licenceLabel(t, item.licence)}</>;
  return (
    <Anchor href={deed} target="_blank" rel="license noopener noreferrer" inherit data-testid="evidence-licence-link">
      {licenceLabel(t, item.licence)}
      <VisuallyHidden> {t('evidenceUi:opensNewTab')}</VisuallyHidden>
    </Anchor>
  );
}

export default function EvidenceItemPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(EVIDENCE_ITEM, { variables: { id } });
  const item = data?.evidenceItem;
  // The title shown, facet-like names (countries, focus areas) and the citation follow the reader's language.
  const shownLocale = useRef(locale);
  useEffect(() => {
    if (shownLocale.current === locale) return;
    shownLocale.current = locale;
    void refetch().catch(() => undefined);
  }, [locale, refetch]);
  const location = useLocation();
  const keepFocus = useRef<HTMLElement | null>(null);
  // Choosing a translation changes the URL, and Page then focuses the h1; this effect runs after
  // Page's (children first) and leaves focus on the language button that was pressed.
  useEffect(() => {
    const target = keepFocus.current;
    keepFocus.current = null;
    if (target?.isConnected) target.focus();
  }, [location.key]);

  if (loading && !data) return <Loading label={t('nav:loading')} />;
  if (error && !data) {
    return (
      <Page title={t('evidenceUi:itemErrorTitle')}>
        <Alert color="red" role="alert">
          {describeError(error, t).message}
        </Alert>
        <Button component={Link} to="/evidence" w="fit-content">
          {t('evidenceUi:backToSearch')}
        </Button>
      </Page>
    );
  }
  // Missing and not visible to this reader look the same, so nobody learns that a hidden item exists.
  if (!item) return <NotFoundPage />;

  const text = chooseText(item, params.get('text'));
  const chooseLocale = (next: string) => {
    keepFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const updated = new URLSearchParams(params);
    if (next === item.displayLocale) updated.delete('text');
    else updated.set('text', next);
    setParams(updated, { replace: true });
  };
  const showReview = item.canReview && item.status === 'SUBMITTED';

  return (
    // The heading is in the text's language; everything else on the page goes back to the interface's.
    <div lang={text.locale}>
      <Page title={text.title}>
        <Stack gap="lg" lang={locale}>
          <Group gap="sm" wrap="wrap">
            <Anchor component={Link} to="/evidence">
              {t('evidenceUi:backToSearch')}
            </Anchor>
            {item.canEdit && (
              <Button component={Link} to={`/evidence/${encodeURIComponent(item.id)}/edit`} variant="default" size="xs" data-testid="evidence-edit">
                {t('evidenceUi:edit')}
              </Button>
            )}
            {showReview && (
              <Button component={Link} to={`/manage/evidence/${encodeURIComponent(item.id)}`} variant="default" size="xs" data-testid="evidence-review">
                {t('evidenceUi:review')}
              </Button>
            )}
          </Group>
          <Group gap={6}>
            <TypeBadge type={item.type} />
            {item.visibility === 'MEMBERS' && <MembersOnlyBadge />}
            {item.status !== 'PUBLISHED' && <StatusBadge status={item.status} />}
          </Group>
          {item.status !== 'PUBLISHED' && (
            <Alert color="blue" data-testid="evidence-status-note">
              {t('evidenceUi:notPublishedNote')}
            </Alert>
          )}
          {item.lastReviewNote && (item.status === 'CHANGES_REQUESTED' || item.status === 'REJECTED') && (
            <Alert color="grape" title={t('evidenceUi:reviewNote')} data-testid="evidence-review-note">
              <Text style={{ whiteSpace: 'pre-line' }}>{item.lastReviewNote}</Text>
            </Alert>
          )}
          <TextSwitcher item={item} current={text.locale} onChoose={chooseLocale} />
          {!text.original && (
            <Text size="sm" data-testid="evidence-translation-note">
              {t('evidenceUi:translationNote', { language: languageLabel(t, item.language, locale) })}
            </Text>
          )}
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="lg">
                <Stack gap="xs" component="section" aria-labelledby="evidence-abstract-heading">
                  <Title order={2} size="h3" id="evidence-abstract-heading">
                    {t('evidenceUi:abstractHeading')}
                  </Title>
                  <Text lang={text.locale} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} data-testid="evidence-abstract">
                    {text.abstract}
                  </Text>
                </Stack>
                <Stack gap="xs" component="section" aria-labelledby="evidence-details-heading">
                  <Title order={2} size="h3" id="evidence-details-heading">
                    {t('evidenceUi:detailsHeading')}
                  </Title>
                  <DetailList
                    items={[
                      { label: t('evidenceUi:type'), value: typeLabel(t, item.type), testId: 'evidence-meta-type' },
                      { label: t('evidenceUi:year'), value: String(item.year), testId: 'evidence-meta-year' },
                      { label: t('evidenceUi:originalLanguage'), value: languageLabel(t, item.language, locale), testId: 'evidence-meta-language' },
                      item.countries.length > 0 && { label: t('evidenceUi:countries'), value: item.countries.map((c) => c.name).join(', '), testId: 'evidence-meta-countries' },
                      item.focusAreas.length > 0 && { label: t('evidenceUi:focusAreas'), value: item.focusAreas.map((a) => a.name).join(', '), testId: 'evidence-meta-focus-areas' },
                      item.authors.length > 0 && { label: t('evidenceUi:authors'), value: <Authors item={item} />, testId: 'evidence-meta-authors' },
                      Boolean(item.organisationName) && { label: t('evidenceUi:organisation'), value: item.organisationName, testId: 'evidence-meta-organisation' },
                      Boolean(item.publisher) && { label: t('evidenceUi:publisher'), value: item.publisher, testId: 'evidence-meta-publisher' },
                      { label: t('evidenceUi:licence'), value: <Licence item={item} />, testId: 'evidence-meta-licence' },
                      Boolean(item.doi) && {
                        label: t('evidenceUi:doi'),
                        value: (
                          <Anchor href={doiUrl(item.doi as string)} inherit data-testid="evidence-doi-link">
                            {`https://doi.org/${item.doi}`}
                          </Anchor>
                        ),
                        testId: 'evidence-meta-doi',
                      },
                      { label: t('evidenceUi:visibility'), value: visibilityLabel(t, item.visibility), testId: 'evidence-meta-visibility' },
                      Boolean(item.publishedAt) && { label: t('evidenceUi:publishedOn'), value: formatDate(item.publishedAt, locale), testId: 'evidence-meta-published' },
                      { label: t('evidenceUi:downloads'), value: formatNumber(item.downloadCount, locale, 0), testId: 'evidence-meta-downloads' },
                    ]}
                  />
                </Stack>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <FilesPanel item={item} />
            </Grid.Col>
          </Grid>
          <CitePanel citation={item.citation} />
          <UsedIn usages={item.usedIn} />
          <RelatedItems items={item.related} />
        </Stack>
      </Page>
    </div>
  );
}
