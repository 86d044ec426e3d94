import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page } from '../../app/Page';
import { Loading } from '../../app/Loading';

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  date: string;
  text: string;
  links: string[];
}

type State = { status: 'loading' } | { status: 'ready'; mails: DevMail[] } | { status: 'unavailable' } | { status: 'failed' };

/** Reads the development mailbox; a 404 means the server runs in production, where it does not exist. */
export async function fetchDevMail(fetcher: typeof fetch = fetch): Promise<DevMail[] | 'unavailable'> {
  const response = await fetcher('/api/dev/mail', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (response.status === 404 || response.status === 403) return 'unavailable';
  if (!response.ok) throw new Error(`dev mail answered ${response.status}`);
  const mails = (await response.json()) as DevMail[];
  return [...mails].sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
}

export default function DevMailPage() {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const result = await fetchDevMail();
      setState(result === 'unavailable' ? { status: 'unavailable' } : { status: 'ready', mails: result });
    } catch {
      setState({ status: 'failed' });
    }
  }, []);

  useEffect(() => {
    // Fetch on arrival; the promise settles into state, so nothing leaks if the page is left early.
    void load();
  }, [load]);

  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });

  return (
    <Page title={t('devmail:title')}>
      <Text>{t('devmail:intro')}</Text>
      <Button variant="outline" onClick={() => void load()} w="fit-content">
        {t('devmail:refresh')}
      </Button>
      <div role="status" aria-live="polite">
        {state.status === 'loading' && (
          <Loading label={t('nav:loading')} />
        )}
        {state.status === 'unavailable' && <Alert color="gray">{t('devmail:unavailable')}</Alert>}
        {state.status === 'failed' && <Alert color="red">{t('nav:networkError')}</Alert>}
        {state.status === 'ready' && (
          <Text>{state.mails.length === 0 ? t('devmail:empty') : t('devmail:count', { count: state.mails.length })}</Text>
        )}
      </div>
      {state.status === 'ready' && state.mails.length > 0 && (
        <Stack component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {state.mails.map((mail) => (
            <Card component="li" key={mail.id} withBorder padding="lg" data-testid="mail-item">
              <article aria-labelledby={`mail-${mail.id}`}>
                <Title order={2} size="h4" id={`mail-${mail.id}`} className="break-anywhere">
                  {mail.subject}
                </Title>
                <Text size="sm" mt={4} className="break-anywhere">
                  <strong>{t('devmail:to')}:</strong> {mail.to} · <strong>{t('devmail:date')}:</strong>{' '}
                  <time dateTime={mail.date}>{Number.isNaN(Date.parse(mail.date)) ? mail.date : format.format(new Date(mail.date))}</time>
                </Text>
                <Text component="pre" className="mail-text" mt="sm" size="sm">
                  {mail.text}
                </Text>
                {mail.links.length > 0 && (
                  <>
                    <Title order={3} size="h6" mt="sm">
                      {t('devmail:links')}
                    </Title>
                    <List size="sm" className="break-anywhere">
                      {mail.links.map((link) => (
                        <List.Item key={link}>
                          <Anchor href={link}>{link}</Anchor>
                        </List.Item>
                      ))}
                    </List>
                  </>
                )}
              </article>
            </Card>
          ))}
        </Stack>
      )}
    </Page>
  );
}
