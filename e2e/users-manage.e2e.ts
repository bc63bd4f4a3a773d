import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot } from './helpers';

/** Opens the edit dialog of the user whose row shows `name`. */
async function openEdit(page: Page, name: string) {
  await page.goto('/users?q=' + encodeURIComponent(name));
  const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: name });
  await row.waitFor();
  await row.getByRole('button', { name: /编\s*辑/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').waitFor();
  return { row, dialog };
}

describe('a county administrator manages an existing account', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('edits, is told when someone else saved first, disables and enables', async () => {
    const tab = await openTab(browser);
    const other = await openTab(browser);
    await journey(tab, 'e', async (page) => {
      await login(page, 'county');
      await login(other.page, 'township');

      // A wrong phone number is explained under the field.
      const { dialog } = await openEdit(page, '麻春花');
      await dialog.getByLabel('手机号').fill('12345');
      await dialog.getByText('请输入 11 位手机号或带区号的固定电话').waitFor();
      await dialog.getByLabel('手机号').fill('13807431234');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已保存用户“麻春花（帮扶责任人）”').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '13807431234' }).waitFor();

      // Two administrators edit the same account: the second to save is told, and sees the new version.
      const mine = await openEdit(page, '麻春花');
      const theirs = await openEdit(other.page, '麻春花');
      await theirs.dialog.getByLabel('手机号').fill('13907435678');
      await theirs.dialog.getByRole('button', { name: /保\s*存/ }).click();
      await other.page.getByText('已保存用户').waitFor();
      await mine.dialog.getByLabel('手机号').fill('13607439999');
      await mine.dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('该记录已被他人修改').waitFor();
      await mine.dialog.waitFor({ state: 'hidden' });
      await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '13907435678' }).waitFor();
      await screenshot(page, 'e-stale');

      // Disable, with a confirmation, then enable again.
      const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '麻春花' });
      await row.getByRole('button', { name: /停\s*用/ }).click();
      await page.getByText('确定停用“麻春花（帮扶责任人）”的账号？').waitFor();
      await screenshot(page, 'e-disable-confirm');
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await row.getByText('已停用').waitFor();
      await row.getByRole('button', { name: /启\s*用/ }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await row.getByText('正常').waitFor();

      // Reset the password: the account must change it at next login.
      await row.getByRole('button', { name: '重置密码' }).click();
      const reset = page.getByRole('dialog');
      await reset.getByLabel('新密码', { exact: true }).fill('Reset2026a');
      await reset.getByLabel('确认新密码').fill('Reset2026a');
      await reset.getByRole('button', { name: /确\s*定/ }).click();
      await page.getByText('已重置密码').waitFor();
      await row.getByText('待改密码').waitFor();
      await screenshot(page, 'e-users-after');
    });
    tab.problems = tab.problems.filter((p) => !/status of 409/.test(p));
    expectNoProblems(tab);
    expectNoProblems(other);
  });
});
