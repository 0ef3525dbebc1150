import { existsSync } from 'node:fs';
import { describeNeeding } from './describe-needing';

/** Debian's Chromium, which playwright-core drives; .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** `describe` for tests that drive a real browser. */
export function describeWithChromium(title: string, body: () => void): void {
  describeNeeding(existsSync(CHROMIUM), title, `no Chromium at ${CHROMIUM}; apt-get install chromium to run`, body);
}
