import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot } from './helpers';

/** How far the page can scroll sideways (0 = none). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('(d) on a 360 px phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('logs in and shows the layout without horizontal scrolling', async () => {
    const tab = await openTab(browser, { width: 360, height: 740 });
    await journey(tab, 'd', async (page) => {
      await page.goto('/login');
      await page.getByLabel('用户名').waitFor();
      expect(await sideways(page)).toBe(0);
      await screenshot(page, 'd-phone-login');

      await login(page, 'township');
      await page.getByTestId('welcome').waitFor();
      expect(await sideways(page)).toBe(0);
      // The side menu has become a drawer behind the menu button.
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await screenshot(page, 'd-phone-home');

      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '行政区划' }).waitFor();
      await page.waitForTimeout(400); // let the drawer finish sliding in
      await screenshot(page, 'd-phone-menu');
      await page.getByRole('menuitem', { name: '行政区划' }).click();
      await page.waitForURL('**/regions/**');
      await page.getByTestId('region-detail').getByText('433124213000').waitFor();
      expect(await sideways(page)).toBe(0);
      await screenshot(page, 'd-phone-regions');

      await page.goto('/users');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      expect(await sideways(page)).toBe(0);
      await screenshot(page, 'd-phone-users');

      await page.goto('/audit');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      expect(await sideways(page)).toBe(0);
      await screenshot(page, 'd-phone-audit');
    });
    expectNoProblems(tab);
  });
});
