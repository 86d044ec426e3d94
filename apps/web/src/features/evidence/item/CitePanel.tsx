import { useEffect, useState } from 'react';
import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceCitationFields } from '../operations-public';
import '../shared/evidence.css';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies a citation and says so where people can see it (and screen readers hear it). */
export function CopyCitation({ text, label, testId }: { text: string; label: string; testId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 6000);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      // Missing outside secure contexts and in some embedded browsers: then people select the text.
      if (!navigator.clipboard?.writeText) throw new Error('clipboard unavailable');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <Group gap="sm" align="center">
      <Button variant="default" size="sm" onClick={() => void copy()} data-testid={testId}>
        {label}
      </Button>
      <Text role="status" size="sm" fw={600} c={state === 'failed' ? 'red.9' : 'teal.9'} data-testid={`${testId}-status`}>
        {state === 'copied' ? t('evidenceUi:copied') : state === 'failed' ? t('evidenceUi:copyFailed') : ''}
      </Text>
    </Group>
  );
}

/** "Cite this": APA and BibTeX, each with its own copy button. */
export function CitePanel({ citation }: { citation: EvidenceCitationFields }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="evidence-cite-heading" data-testid="evidence-cite">
      <Title order={2} size="h3" id="evidence-cite-heading">
        {t('evidenceUi:citeHeading')}
      </Title>
      <Tabs defaultValue="apa" keepMounted={false}>
        <Tabs.List aria-label={t('evidenceUi:citeFormats')}>
          <Tabs.Tab value="apa" data-testid="cite-tab-apa">
            {t('evidenceUi:citeApa')}
          </Tabs.Tab>
          <Tabs.Tab value="bibtex" data-testid="cite-tab-bibtex">
            {t('evidenceUi:citeBibtex')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="apa" pt="sm">
          <Stack gap="sm">
            <Text className="evidence-citation" data-testid="cite-apa">
              {citation.apa}
            </Text>
            <CopyCitation text={citation.apa} label={t('evidenceUi:copyApa')} testId="copy-apa" />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="bibtex" pt="sm">
          <Stack gap="sm">
            {/* Wrapped, never scrolled sideways, so it needs no focus to be read on a phone. */}
            <pre className="evidence-citation evidence-bibtex" data-testid="cite-bibtex">
              {citation.bibtex}
            </pre>
            <CopyCitation text={citation.bibtex} label={t('evidenceUi:copyBibtex')} testId="copy-bibtex" />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
