import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot } from './helpers';

describe('(b) the region tree of 补抽乡', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('expands to 吉久村, finds it by pinyin initials and adds a group under it', async () => {
    const tab = await openTab(browser);
    await journey(tab, 'b', async (page) => {
      await login(page, 'township');
      await page.getByRole('menuitem', { name: '行政区划' }).click();
      await page.waitForURL('**/regions/433124213000');

      // The tree starts at the township, opened on its villages; a village opens on its groups.
      const tree = page.getByRole('tree');
      await tree.getByText('补抽乡', { exact: true }).waitFor();
      await tree.getByText('吉久村', { exact: true }).waitFor();
      await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/regions/433124213209/children') && r.ok()),
        page.locator('.ant-tree-treenode', { hasText: '吉久村' }).locator('.ant-tree-switcher').click(),
      ]);
      await tree.getByText('吉久村', { exact: true }).click();
      await page.waitForURL('**/regions/433124213209');
      const detail = page.getByTestId('region-detail');
      await detail.getByText('433124213209', { exact: true }).waitFor();
      expect(await detail.textContent()).toContain('村（社区）');
      await screenshot(page, 'b-tree');

      // Search by pinyin initials.
      await page.getByPlaceholder('名称、代码或拼音首字母').fill('jjc');
      const result = page.getByTestId('region-result').filter({ hasText: '吉久村' });
      await result.waitFor();
      expect(await result.textContent()).toContain('433124213209');
      await screenshot(page, 'b-search');
      await result.click();
      await page.getByPlaceholder('名称、代码或拼音首字母').fill('');

      // Add 一组 under 吉久村 (or the next free 二组, 三组 … if the demo data already has it).
      const table = detail.locator('.ant-table-tbody');
      await table.locator('tr.ant-table-row').first().waitFor();
      const existing = (await table.locator('tr.ant-table-row td:first-child').allTextContents()).map((x) => x.trim());
      const name = ['一组', '二组', '三组', '四组', '五组', '六组', '七组', '八组', '九组', '十组'].find((n) => !existing.includes(n))!;
      await detail.getByRole('button', { name: '添加组' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('组名称').fill(name);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText(`已添加“${name}”`).waitFor();
      const row = detail.locator('tr', { hasText: name });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/433124213209\d{3}/);
      expect(await row.textContent()).toContain('组（社）');
      await tree.getByText(name, { exact: true }).waitFor();

      // The same name twice is refused, with the reason under the field.
      await detail.getByRole('button', { name: '添加组' }).click();
      await dialog.getByLabel('组名称').fill(name);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.getByText('已存在').waitFor();
      await screenshot(page, 'b-duplicate-group');
      await dialog.getByRole('button', { name: /取\s*消/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await screenshot(page, 'b-group-added');

      // Rename the new group, then give it an end date (as when groups are merged).
      await detail.locator('tr', { hasText: name }).getByText(name, { exact: true }).click();
      await detail.getByRole('button', { name: '重命名' }).waitFor();
      await detail.getByRole('button', { name: '重命名' }).click();
      await dialog.getByLabel('组名称').fill(`${name}（新）`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已重命名').waitFor();
      await detail.getByText(`${name}（新）`).first().waitFor();
      await detail.getByRole('button', { name: '设置有效期' }).click();
      await dialog.getByLabel('失效日期').fill('2030-01-01');
      await dialog.getByLabel('失效日期').press('Enter');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('有效期已保存').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await detail.getByText('2030-01-01 起失效').first().waitFor();
      await tree.getByText(`${name}（新）`, { exact: true }).waitFor();
      await screenshot(page, 'b-group-validity');
    });
    tab.problems = tab.problems.filter((p) => !/status of 409/.test(p));
    expectNoProblems(tab);
  });
});
