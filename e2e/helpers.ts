import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');
export const screenshotDir = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const PASSWORD = 'lianhu2026';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Tab {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  problems: string[];
}

/** A fresh browser context (own cookies), Chinese locale, collecting console errors. */
export async function openTab(browser: Browser, viewport = { width: 1366, height: 860 }): Promise<Tab> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: baseUrl() });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    // The browser itself logs every non-2xx fetch; a 401 from /api/auth/me is how a signed-out page learns it is signed out.
    if (/Failed to load resource: .*status of 401/.test(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { page, problems };
}

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** No console errors, React warnings or antd deprecation warnings during the journey. */
export function expectNoProblems(tab: Tab) {
  expect(tab.problems).toEqual([]);
}

/** Runs a journey; on failure saves `<name>-failure.png` and prints the console problems seen. */
export async function journey(tab: Tab, name: string, fn: (page: Page) => Promise<void>) {
  try {
    await fn(tab.page);
  } catch (e) {
    await screenshot(tab.page, `${name}-failure`).catch(() => {});
    if (tab.problems.length) console.error(`console problems in ${name}:\n${tab.problems.join('\n')}`);
    throw e;
  }
}

/** Waits until no table on the page shows its loading spinner (before a screenshot). */
export async function tablesSettled(page: Page) {
  await page
    .locator('.ant-table-wrapper .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
  await page.waitForFunction(() => document.querySelectorAll('.ant-table-wrapper .ant-spin-spinning').length === 0);
}
