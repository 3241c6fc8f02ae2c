/**
 * Debian's Chromium for the browser tests, the bench and Lighthouse. Launched through playwright-core (browser downloads are not possible here).
 * A missing browser is an error, never a skip: .ci/run installs it, and README says how.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { config } from '../../src/config.ts';

export const chromiumPath = config.chromium;

/** Flags that work on these machines: no sandbox as root, and no background calls to Google. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install Debian's package (apt-get install chromium) or point PAS_CHROMIUM at a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
