/**
 * Browser helpers of the generated suite: a page signed in as a persona (the persona cookie the
 * switcher sets) on a fork, and filling a form generically by field id (every control is named by
 * its field id), then reading the errors the page shows beside fields and at the top.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { FORK_HEADER, PERSONA_COOKIE, personaCookieValue } from '../../common/sandbox-names.ts';
import type { PlanField } from './plan.ts';

/** Who a page signs in as: the persona's account id and token (the switcher cookie is derived from both). */
export interface CookiePersona {
  accountId: string;
  token: string;
}

export const signedIn = async (
  browser: Browser,
  url: string,
  persona: CookiePersona,
  fork: string,
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ baseURL: url, extraHTTPHeaders: { [FORK_HEADER]: fork } });
  await context.addCookies([{ name: PERSONA_COOKIE, value: personaCookieValue(persona), url }]);
  return { context, page: await context.newPage() };
};

/** One browser context per test, re-pointed at a fork and a persona per step (a new context costs more than a step). */
export class UiSession {
  private ctx: { context: BrowserContext; page: Page } | undefined;
  constructor(
    private readonly browser: Browser,
    private readonly api: { url: string; persona(ref: string): Promise<CookiePersona | undefined> },
  ) {}
  async as(accountId: string, fork: string): Promise<Page> {
    const persona = await this.api.persona(accountId);
    if (!persona) throw new Error(`no active persona '${accountId}' in this sandbox`);
    if (!this.ctx) {
      this.ctx = await signedIn(this.browser, this.api.url, persona, fork);
      return this.ctx.page;
    }
    await this.ctx.context.setExtraHTTPHeaders({ [FORK_HEADER]: fork });
    await this.ctx.context.clearCookies();
    await this.ctx.context.addCookies([{ name: PERSONA_COOKIE, value: personaCookieValue(persona), url: this.api.url }]);
    return this.ctx.page;
  }
  async close(): Promise<void> {
    await this.ctx?.context.close();
  }
}

export const fillFields = async (page: Page, fields: readonly PlanField[]): Promise<void> => {
  for (const f of fields) {
    const controls = page.locator(`form [name="${f.fieldId}"]`);
    const first = controls.first();
    if ((await controls.count()) === 0) continue; // not on the form any more: the submit will say what is missing
    const tag = await first.evaluate((el) => el.tagName.toLowerCase());
    const type = (await first.getAttribute('type')) ?? '';
    const values = Array.isArray(f.form) ? f.form : [f.form];
    if (tag === 'select') await first.selectOption(values);
    else if (type === 'radio' || type === 'checkbox') for (const v of values) await page.locator(`form [name="${f.fieldId}"][value="${v}"]`).check();
    else await first.fill(type === 'datetime-local' ? values[0]!.slice(0, 16) : values.join(' '));
  }
};

/** Errors shown by the page: per field id (`err-ID` paragraphs) and the alert box's messages. */
export const pageErrors = async (page: Page): Promise<{ messages: string[]; errors: Record<string, string> }> => {
  const errors: Record<string, string> = {};
  for (const el of await page.locator('[id^="err-"]').all()) {
    const id = (await el.getAttribute('id'))!.slice(4);
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a person sees (hidden text left out)
    errors[id] = (await el.innerText()).trim();
  }
  const messages = (await page.locator('[role="alert"] li').allInnerTexts()).map((m) => m.trim()).filter(Boolean);
  return { messages, errors };
};
