import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot, screenshotDir, tablesSettled, type Tab } from './helpers';

/** Two cores shared with other runs: the first page load can take longer than the default 15 s. */
const slow = (page: Page) => page.setDefaultNavigationTimeout(60_000);

/** The side menu's entries, as the user reads them (ready ones only). */
async function menuEntries(page: Page) {
  await page.locator('.ant-menu-item').first().waitFor({ timeout: 60_000 });
  return (await page.locator('.ant-menu-item:not(.ant-menu-item-disabled)').allInnerTexts()).map((s) => s.trim());
}

async function openFromMenu(page: Page, name: string, path: string) {
  await page.locator('.ant-menu-item:not(.ant-menu-item-disabled)', { hasText: name }).first().click();
  await page.waitForURL((u) => u.pathname === path);
}

/** Rows of the first table on the page once loaded (placeholder rows excluded). */
async function tableRows(page: Page, column: string) {
  // The page's own table (its column), not the one of the page before; a loaded machine: up to 60 s.
  await page.locator('.ant-table-thead th', { hasText: column }).first().waitFor({ timeout: 60_000 });
  await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
  await page
    .locator('.ant-table-wrapper .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 })
    .catch(() => {});
  return page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
}

describe('the leader and the unit head reach real pages from their menus', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the leader (领导): 工作清单, 干部 and a cadre’s page, 农户, 结对, 单位 — no diary', async () => {
    const tab: Tab = await openTab(browser);
    await journey(tab, 'roles-leader', async (page) => {
      slow(page);
      await login(page, 'leader');
      const menu = await menuEntries(page);
      expect(menu).toEqual(['工作台', '工作清单', '农户', '干部', '结对', '单位/部门', '行政区划', '修改密码']);
      // The English username is not on the home page any more.
      expect(await page.getByTestId('welcome').textContent()).toContain('彭益');
      expect(await page.locator('main').innerText()).not.toContain('leader');

      await openFromMenu(page, '工作清单', '/worklists');
      const rows = await tableRows(page, '已走访');
      expect(rows.length).toBeGreaterThan(0);
      await page.getByTestId('cadence-legend').waitFor();
      await screenshot(page, 'roles-leader-worklist');

      // 补抽乡's cadres (seed 000): a cadre with households, whose numbers link to their page.
      await page.goto('/worklists?regionCode=433124213000');
      await tableRows(page, '已走访');
      await screenshot(page, 'roles-leader-worklist-buchou');
      await page.locator('.ant-table-tbody tr.ant-table-row a[href$="?tab=households"]').first().click();
      await page.waitForURL(/\/cadres\/[0-9a-f-]{36}/);
      await page.getByTestId('cadre-month').waitFor();
      await tablesSettled(page);
      await screenshot(page, 'roles-leader-cadre');

      await openFromMenu(page, '干部', '/cadres');
      expect((await tableRows(page, '党支部')).length).toBeGreaterThan(0);
      await openFromMenu(page, '农户', '/households');
      expect((await tableRows(page, '帮扶责任人')).length).toBeGreaterThan(0);
      await openFromMenu(page, '结对', '/pairings');
      await openFromMenu(page, '单位/部门', '/units');
      expect((await tableRows(page, '层级')).length).toBeGreaterThan(0);
      expectNoProblems(tab);
    });
  });

  it('the unit head (部门负责人): the unit’s cadres and households, its village pairings, its work list', async () => {
    const tab: Tab = await openTab(browser);
    await journey(tab, 'roles-unithead', async (page) => {
      slow(page);
      await login(page, 'unithead');
      const menu = await menuEntries(page);
      expect(menu).toEqual(['工作台', '工作清单', '本单位干部', '农户', '包村/帮乡', '行政区划', '修改密码']);

      await openFromMenu(page, '本单位干部', '/cadres');
      const cadres = await tableRows(page, '党支部');
      expect(cadres.length).toBeGreaterThan(0);
      // Only the unit's cadres: every row names 县农业局.
      expect(cadres.every((r) => r.includes('县农业局'))).toBe(true);
      await screenshot(page, 'roles-unithead-cadres');

      await openFromMenu(page, '农户', '/households');
      // The unit's households only: the demo's 县农业局 takes on no village and its cadres help no
      // household yet, so the list is empty where the county administrator's has hundreds.
      await page.locator('.ant-table-thead th', { hasText: '帮扶责任人' }).first().waitFor({ timeout: 60_000 });
      await page.locator('.ant-table-tbody .ant-empty, .ant-table-tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
      expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(0);
      await screenshot(page, 'roles-unithead-households');

      await openFromMenu(page, '包村/帮乡', '/pairings');
      await openFromMenu(page, '工作清单', '/worklists');
      const work = await tableRows(page, '已走访');
      expect(work.every((r) => r.includes('县农业局'))).toBe(true);
      expectNoProblems(tab);
    });
  });

  // The journeys share one server: when the field-work journey has run first, the cadre's month is
  // already accepted and locked, and the entry opens read-only instead of in the editor.
  it('the cadre’s diary on a phone: the editor, or the entry locked once accepted (screenshots)', async () => {
    const tab: Tab = await openTab(browser, { width: 390, height: 844 });
    await journey(tab, 'roles-phone', async (page) => {
      slow(page);
      await login(page, 'cadre');
      await page.goto('/diaries');
      await page.getByTestId('start-entry').click();
      await page.waitForURL(/\/diaries\/[0-9a-f-]{36}/);
      const editor = page.locator('textarea').first();
      await editor.or(page.getByText('已通过查阅，本月日记已锁定')).first().waitFor();
      await screenshot(page, (await editor.isVisible()) ? 'roles-phone-diary-editor' : 'roles-phone-diary-locked');
    });
  });

  it('the township’s quarterly sample (screenshot)', async () => {
    const tab: Tab = await openTab(browser);
    await journey(tab, 'roles-sample', async (page) => {
      slow(page);
      await login(page, 'township');
      await page.goto('/diary-audit');
      // Draw this quarter's sample if nobody has yet, then read it by name and open how it was drawn.
      const draw = page.getByRole('button', { name: /抽取 .* 样本/ });
      await page.getByTestId('sample').or(draw).first().waitFor({ timeout: 60_000 });
      if (await draw.isVisible()) await draw.click();
      await page.getByTestId('sample-entry').first().waitFor({ timeout: 60_000 });
      await page.getByText('这份样本是怎么抽的？').first().click();
      await page.getByTestId('sample').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${screenshotDir}/roles-sample.png` });
    });
  });
});
