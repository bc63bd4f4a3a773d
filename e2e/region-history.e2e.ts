import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot, tablesSettled } from './helpers';

const LINZE = '620723000000';
const NANTAI = '620723107202'; // 南台村, 倪家营镇
const LIYUAN = '620723107201'; // 梨园村, 倪家营镇
const HEAD = '南台老户';

/** A valid GB 11643 ID number of 临泽县 (checksum computed as the server checks it). */
function idNumber(): string {
  const first17 = `620723196503${String(10 + (Date.now() % 18)).padStart(2, '0')}${String(Date.now() % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** A household registered in 南台村 through the API, as the registry would hold one from before the merge. */
async function registerInNantai(page: Page) {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.post('/api/households', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { regionCode: NANTAI, members: [{ name: HEAD, relation: 'head', idNumber: idNumber() }] },
  });
  expect(res.status()).toBe(201);
}

describe('(h) 临泽县 loaded from the national divisions, with the 2012 merge of 南台村 into 梨园村', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads 临泽县, finds 倪家营镇 villages by pinyin initials, records the merge and lists the old household under 梨园村', async () => {
    const tab = await openTab(browser);
    await journey(tab, 'h', async (page) => {
      await login(page, 'admin');
      await page.getByRole('menuitem', { name: '行政区划' }).click();
      await page.waitForURL(/\/regions\/\d{12}/);

      // Load 临泽县 from the cascader: 甘肃省 → 张掖市 → 临泽县.
      await page.getByRole('button', { name: '加载区划数据' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('从全国区划数据加载').waitFor();
      await dialog.locator('.ant-cascader').click();
      for (const name of ['甘肃省', '张掖市', '临泽县']) await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
      await dialog.getByRole('button', { name: /加\s*载/ }).click();
      const report = dialog.getByTestId('load-report');
      await report.waitFor();
      expect(await report.textContent()).toContain('已加载“临泽县”：新增 98 个区划（共 98 个）');
      expect(await report.locator('tr', { hasText: '村（社区）' }).textContent()).toContain('82');
      await screenshot(page, 'h-loaded');
      await dialog.getByRole('button', { name: /确\s*定/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect((await page.request.get(`/api/regions/${LINZE}`)).status()).toBe(200);

      // 倪家营镇 and its villages by pinyin initials.
      const search = page.getByPlaceholder('名称、代码或拼音首字母');
      await search.fill('njyz');
      await page.getByTestId('region-result').filter({ hasText: '倪家营镇' }).click();
      await page.waitForURL('**/regions/620723107000');
      const detail = page.getByTestId('region-detail');
      await detail.locator('tr', { hasText: '南台村村民委员会' }).waitFor();
      await search.fill('ntc');
      const nantai = page.getByTestId('region-result').filter({ hasText: NANTAI });
      await nantai.waitFor();
      expect(await nantai.textContent()).toContain('南台村村民委员会');
      await search.fill('lyc');
      await page.getByTestId('region-result').filter({ hasText: LIYUAN }).click();
      await page.waitForURL(`**/regions/${LIYUAN}`);
      await search.fill('');
      await registerInNantai(page);

      // The merge, recorded from 梨园村: 南台村 and 梨园村 became 梨园村 on 2012-06-01.
      await detail.getByRole('button', { name: '记录合并/拆分' }).click();
      await dialog.getByText('记录“梨园村村民委员会”的合并或拆分').waitFor();
      await dialog.getByLabel('变更日期').fill('2012-06-01');
      await dialog.getByLabel('变更日期').press('Enter');
      await dialog.getByLabel('参与合并的区划').click();
      await dialog.getByLabel('参与合并的区划').fill('南台');
      await page.locator('.ant-select-item-option', { hasText: '南台村村民委员会' }).click();
      await dialog.getByText('记录“梨园村村民委员会”的合并或拆分').click();
      await screenshot(page, 'h-merge-dialog');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已记录“梨园村村民委员会”的合并').waitFor();
      await dialog.waitFor({ state: 'hidden' });
      const history = page.getByTestId('region-history');
      await history.getByText('2012-06-01：南台村村民委员会 合并为 梨园村村民委员会').waitFor();
      await history.getByText('南台村村民委员会', { exact: true }).waitFor();
      await screenshot(page, 'h-history');

      // 南台村's household is listed under 梨园村 with 含撤并前区划, and not without it.
      await page.goto(`/households?region=${LIYUAN}`);
      await tablesSettled(page);
      await page.locator('.ant-table-placeholder').first().waitFor();
      expect(await page.locator('tr', { hasText: HEAD }).count()).toBe(0);
      await page.getByRole('switch', { name: '含撤并前区划' }).click();
      await page.waitForURL(/predecessors=1/);
      const row = page.locator('tr', { hasText: HEAD });
      await row.waitFor();
      expect(await row.textContent()).toContain('南台村村民委员会');
      await screenshot(page, 'h-households-with-predecessors');
      expect(page.url()).toContain(`region=${LIYUAN}`);
    });
    expectNoProblems(tab);
  });
});
