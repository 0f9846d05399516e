// The one way the browser tests and the web benchmark start Chromium, through playwright-core.
// Which Chromium: CHROMIUM_PATH when set; else Debian's /usr/bin/chromium when installed (CI
// installs it); else the Chromium that comes from the npm registry in @sparticuz/chromium (a
// devDependency: unpacked from node_modules into the temporary folder on first use, about 2 s), so
// `npm test` also runs on a machine with nothing but Node and npm. No browser is ever downloaded
// from anywhere else. KEUKENTAFEL_TEST_CHROMIUM=npm picks the npm one even where Debian's is
// installed (.ci/run does so for one browser test, to keep that path working).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export async function chromiumExecutable(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (process.env.KEUKENTAFEL_TEST_CHROMIUM !== 'npm' && fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const { default: npmChromium } = await import('@sparticuz/chromium');
  return npmChromium.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: await chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
