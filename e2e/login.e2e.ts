import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoProblems, launch, login, openTab, screenshot } from './helpers';

describe('(a) a township administrator logs in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a wrong password is explained in Chinese, then the right one opens the layout', async () => {
    const tab = await openTab(browser);
    const { page } = tab;
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByLabel('用户名').fill('township');
    await page.getByLabel('密码').fill('wrong-password1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('用户名或密码错误');
    await screenshot(page, 'a-login-error');

    await login(page, 'township');
    await page.getByTestId('welcome').waitFor();
    expect(await page.getByTestId('welcome').textContent()).toContain('龙文斌（补抽乡党委）');
    const header = page.locator('header');
    expect(await header.textContent()).toContain('龙文斌（补抽乡党委）');
    expect(await header.textContent()).toContain('乡镇管理员（乡党委）');
    expect(await header.textContent()).toContain('补抽乡');
    const menu = page.getByRole('menu');
    for (const item of ['工作台', '行政区划', '用户与权限', '审计日志', '修改密码']) expect(await menu.textContent()).toContain(item);
    await screenshot(page, 'a-home');

    // The language switch turns the interface to English and back.
    await page.getByText('EN', { exact: true }).click();
    await page.getByText('Hello, 龙文斌（补抽乡党委）').waitFor();
    await screenshot(page, 'a-home-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByText('您好，龙文斌（补抽乡党委）').waitFor();
    expectNoProblems(tab);
  });
});
