import { accessSync, constants } from 'node:fs';

/** The environment variable that names a Chromium (or Chrome) executable explicitly. */
export const CHROMIUM_ENV = 'UNDERSTUDY_CHROMIUM';

/** Debian's and other distributions' Chromium, then Google Chrome. */
export const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

export type BrowserSource = 'env' | 'system' | 'playwright';
export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Playwright's own Chromium, where `npx playwright install` has put one. */
const playwrightChromium = async (): Promise<string | undefined> => {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
};

export class BrowserNotFound extends Error {
  override readonly name = 'BrowserNotFound';
}

/**
 * Finds a Chromium: the environment override (which must then exist), else a system Chromium,
 * else Playwright's own browser. Returns undefined when there is none.
 */
export const findChromium = async (env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser | undefined> => {
  const override = env[CHROMIUM_ENV];
  if (override) {
    if (!isExecutable(override))
      throw new BrowserNotFound(`${CHROMIUM_ENV}='${override}' is not an executable file; point it at a Chromium binary or unset it`);
    return { path: override, source: 'env' };
  }
  for (const path of SYSTEM_CANDIDATES) if (isExecutable(path)) return { path, source: 'system' };
  const own = await playwrightChromium();
  return own ? { path: own, source: 'playwright' } : undefined;
};

/** Launch options for Playwright: an explicit executable unless Playwright's own browser is used. */
export const launchOptionsFor = (found: FoundBrowser | undefined) =>
  found && found.source !== 'playwright'
    ? {
        executablePath: found.path,
        args: [
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      }
    : {};
