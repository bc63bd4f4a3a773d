import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot } from './helpers';

describe('(c) a township administrator opens an account for a cadre', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates the cadre in 补抽乡 and finds the creation in the audit log', async () => {
    const tab = await openTab(browser);
    await journey(tab, 'c', async (page) => {
      await login(page, 'township');
      await page.getByRole('menuitem', { name: '用户与权限' }).click();
      await page.waitForURL('**/users');
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();

      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('用户名').fill('E2E.Cadre');
      await dialog.getByLabel('姓名').fill('石兰芳');

      // Only roles below the township administrator are offered.
      await dialog.getByLabel('角色').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      const offered = await options.allTextContents();
      expect(offered).toEqual(['支部书记', '部门负责人', '帮扶责任人', '领导']);
      await options.filter({ hasText: '帮扶责任人' }).click();

      // The region picker searches the server: pick 补抽乡 by its name.
      await dialog.getByLabel('所属区划').click();
      await dialog.getByLabel('所属区划').fill('补抽乡');
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: '433124213000' }).click();
      expect(await dialog.locator('.ant-form-item', { hasText: '所属区划' }).textContent()).toContain('补抽乡');

      // Passwords are checked while typing.
      await dialog.getByLabel('初始密码').fill('abc');
      await dialog.getByText('密码至少 8 位').waitFor();
      await dialog.getByLabel('初始密码').fill('Cadre2026x');
      await dialog.getByLabel('确认密码').fill('Cadre2026y');
      await dialog.getByText('两次输入的密码不一致').waitFor();
      await dialog.getByLabel('确认密码').fill('Cadre2026x');
      await screenshot(page, 'c-create-user');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已创建用户“石兰芳”').waitFor();
      await dialog.waitFor({ state: 'hidden' });

      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '石兰芳' });
      await row.waitFor();
      expect(await row.textContent()).toContain('e2e.cadre');
      expect(await row.textContent()).toContain('帮扶责任人');
      expect(await row.textContent()).toContain('补抽乡');
      expect(await row.textContent()).toContain('待改密码');
      await screenshot(page, 'c-users');

      // The audit log shows who created whom.
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await page.waitForURL('**/audit');
      await page.getByRole('heading', { name: '审计日志' }).waitFor();
      const entry = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '石兰芳' }).first();
      await entry.waitFor();
      expect(await entry.textContent()).toContain('新建');
      expect(await entry.textContent()).toContain('用户');
      expect(await entry.textContent()).toContain('龙文斌（补抽乡党委）');
      await entry.locator('.ant-table-row-expand-icon').click();
      const changes = page.locator('pre.lh-json').first();
      await changes.waitFor();
      expect(await changes.textContent()).toContain('"username": "e2e.cadre"');
      expect(await changes.textContent()).not.toContain('passwordHash');
      await screenshot(page, 'c-audit');
    });
    expectNoProblems(tab);

    // The new cadre logs in and must first choose their own password.
    const cadre = await openTab(browser);
    await journey(cadre, 'c-first-login', async (page) => {
      await login(page, 'e2e.cadre', 'Cadre2026x');
      await page.waitForURL('**/first-password');
      await page.getByLabel('当前密码').fill('Cadre2026x');
      await page.getByLabel('新密码', { exact: true }).fill('Cadre2026x');
      await page.getByText('新密码不能与当前密码相同').waitFor();
      await page.getByLabel('新密码', { exact: true }).fill('Shilanfang9');
      await page.getByLabel('确认新密码').fill('Shilanfang9');
      await screenshot(page, 'c-first-password');
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByTestId('welcome').waitFor();
      expect(await page.getByTestId('welcome').textContent()).toContain('石兰芳');
      // No cadre record is linked to the new account yet: the home page says so instead of failing.
      await page.getByTestId('not-linked').waitFor();
      // A cadre has no account or audit pages.
      const menu = await page.getByRole('menu').textContent();
      expect(menu).not.toContain('用户与权限');
      expect(menu).not.toContain('审计日志');
      await screenshot(page, 'c-cadre-home');
    });
    expectNoProblems(cadre);
  });
});
