import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The browser the e2e tests drive: Debian's Chromium (or CHROMIUM_PATH), never
 * one downloaded by Playwright.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws a message that says how to fix it when there is no Chromium to run. */
export function assertChromiumInstalled(): void {
  let executable = false;
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    executable = fs.statSync(CHROMIUM_PATH).isFile();
  } catch {
    executable = false;
  }
  if (!executable) {
    throw new Error(
      [
        `The e2e tests need Chromium, and there is none at ${CHROMIUM_PATH}.`,
        'Install it with:',
        '  apt-get update && apt-get install -y chromium',
        'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
        '(Playwright browser downloads are not used.)',
      ].join('\n'),
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
