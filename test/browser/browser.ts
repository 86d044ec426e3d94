import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** Debian's Chromium, headless, with no network beyond loopback (nothing is downloaded). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Fails with the list of axe violations (WCAG 2.1 A and AA rules) on the page as it is now. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // Colours measured mid-transition (a dialog fading in) are blends, not what people read.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, { timeout: 5_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // The first node's explanation (e.g. the measured contrast and colours) makes a failure actionable.
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')} [${(v.nodes[0]?.failureSummary ?? '').replace(/\s+/g, ' ').trim()}]`,
  );
  expect({ page: label, violations: summary }).toEqual({ page: label, violations: [] });
}

/** The page fits a phone screen: nothing wider than the viewport forces sideways scrolling. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect({ page: label, overflow: overflow > 0 ? overflow : 0 }).toEqual({ page: label, overflow: 0 });
}
