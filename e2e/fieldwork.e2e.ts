import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectNoProblems, journey, launch, login, openTab, screenshot, type Tab } from './helpers';

const phone = { width: 360, height: 740 };
/** How far the page can scroll sideways (0 = none). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
  .format(new Date())
  .slice(0, 7);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Buffer) {
  let c = 0xffffffff;
  for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** A small real PNG (a green field under a blue sky), made here so the test needs no fixture file. */
function photo(w = 96, h = 64): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) rows.push(...(y < h / 2 ? [90, 150, 230] : [60, 160 + (x % 40), 70]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A phone tab with more patience than the default: other engineers' tests share this 2-core machine. */
async function phoneTab(browser: Browser): Promise<Tab> {
  const tab = await openTab(browser, phone);
  tab.page.setDefaultTimeout(30_000);
  return tab;
}

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  expect(await sideways(page), `${name}: no sideways scrolling`).toBe(0);
  await screenshot(page, name);
}

/** The cadre's home: the households still to visit (ids) and this month's diary state. */
async function cadreHome(page: Page) {
  await page.goto('/');
  await page.getByTestId('cadre-work').waitFor();
  await page.getByTestId('diary-state').waitFor();
  const links = await page
    .getByTestId('to-visit-item')
    .locator('a[href^="/visits/new"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const returned = await page.getByTestId('returned-item').allTextContents();
  const drafts = await page.getByTestId('diary-due').locator('a[href^="/diaries/"]').allTextContents();
  return {
    toVisit: links.map((h) => new URLSearchParams(h.split('?')[1]).get('household')!),
    diaryState: await page.getByTestId('diary-state').getAttribute('data-state'),
    returned: returned.filter((x) => x.includes(month)).length,
    drafts: drafts.filter((x) => x.includes(month)).length,
  };
}

/** The reviewer's home: the entries of 麻春花 for this month awaiting review. */
async function reviewerHome(page: Page) {
  await page.goto('/');
  await page.getByTestId('reviewer-work').waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="reviewer-work"] .ant-skeleton, [data-testid="reviewer-work"] .ant-card-loading-content'),
  );
  const items = await page.getByTestId('reviewer-work-item').allTextContents();
  return items.filter((x) => x.includes('麻春花') && x.includes(month)).length;
}

describe('field work on a 360 px phone: a visit with a photo, the diary drafted from it, returned, revised and accepted', () => {
  let browser: Browser;
  let cadre: Tab;
  let secretary: Tab;
  let entryUrl = '';
  let visitedId = '';
  beforeAll(async () => {
    browser = await launch();
    cadre = await phoneTab(browser);
    secretary = await phoneTab(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the cadre records a visit with a photo and the family confirms it by the QR link', async () => {
    await journey(cadre, 'fw-1', async (page) => {
      await login(page, 'cadre');
      const before = await cadreHome(page);
      expect(before.toVisit.length).toBeGreaterThan(0);
      await shot(page, 'fw-1-cadre-home');
      visitedId = before.toVisit[0]!;

      await page.getByTestId('to-visit-item').locator(`a[href="/visits/new?household=${visitedId}"]`).click();
      await page.waitForURL('**/visits/new?household=*');
      await page.getByLabel('谈了什么').fill('今年的烤烟收成和明年扩种的打算');
      await page.getByLabel('生产').fill('烤烟收完，准备种油菜');
      await page.getByLabel('思想').fill('有信心');
      await page.getByTestId('photo-input').setInputFiles({ name: 'field.png', mimeType: 'image/png', buffer: photo() });
      await page.getByTestId('photo-thumb').waitFor();
      await shot(page, 'fw-1-record-visit');

      const confirmation = page.waitForResponse((r) => r.url().endsWith('/confirmation') && r.request().method() === 'POST');
      await page.getByRole('button', { name: '保存走访' }).click();
      await page.waitForURL(/\/visits\/[0-9a-f-]{36}\?confirm=1$/);
      const { confirmUrl } = (await (await confirmation).json()) as { confirmUrl: string };
      await page.getByTestId('confirm-qr').waitFor();
      await page.getByTestId('visit-photos').locator('img').first().waitFor();
      expect(await page.getByTestId('visit-photos').locator('img').count()).toBe(1);
      await shot(page, 'fw-1-visit-qr');

      // A family member's phone scans the code: no login.
      const family = await phoneTab(browser);
      await journey(family, 'fw-1-family', async (fp) => {
        await fp.goto(confirmUrl);
        await fp.getByText('麻春花', { exact: false }).first().waitFor();
        await shot(fp, 'fw-1-family-confirm');
        await fp.getByRole('button', { name: '确认属实' }).click();
        await fp.getByText('谢谢，已确认本次走访。').waitFor();
      });
      expectNoProblems(family);
      await family.page.context().close();

      await page.getByRole('button', { name: /已扫码/ }).click();
      await page.getByTestId('visit-confirmed').waitFor();
      await shot(page, 'fw-1-visit-confirmed');

      const after = await cadreHome(page);
      expect(after.toVisit).not.toContain(visitedId);
      expect(after.toVisit.length).toBe(before.toVisit.length - 1);
    });
    expectNoProblems(cadre);
  });

  it('the month’s entry is drafted from the visit and submitted', async () => {
    await journey(cadre, 'fw-2', async (page) => {
      const before = await cadreHome(page);
      await page.goto('/diaries');
      await page.getByTestId('start-entry').click();
      await page.waitForURL(/\/diaries\/[0-9a-f-]{36}/);
      entryUrl = new URL(page.url()).pathname;
      const text = page.getByTestId('entry-text');
      await text.waitFor();
      // A draft made before today's visit offers to add it; a new one was drafted with it.
      if (await page.getByTestId('uncited').isVisible()) await page.getByTestId('uncited').getByRole('button').click();
      await expect.poll(() => text.inputValue()).toContain('今年的烤烟收成和明年扩种的打算');
      expect(await page.getByTestId('uncited').count()).toBe(0);
      await shot(page, 'fw-2-diary-draft');
      expect(before.diaryState).not.toBe('met');

      await page.getByTestId('submit-entry').click();
      await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('待查阅');
      await page.getByTestId('entry-visit').first().waitFor();
      await shot(page, 'fw-2-diary-submitted');

      const after = await cadreHome(page);
      expect(after.diaryState).toBe('met');
      expect(after.drafts).toBe(0);
    });
    expectNoProblems(cadre);
  });

  it('the branch secretary returns it with a comment', async () => {
    await journey(secretary, 'fw-3', async (page) => {
      await login(page, 'secretary');
      expect(await reviewerHome(page)).toBe(1);
      await shot(page, 'fw-3-secretary-home');
      await page.getByTestId('reviewer-work-item').filter({ hasText: '麻春花' }).filter({ hasText: month }).getByRole('link').click();
      await page.waitForURL(`**/reviews/${entryUrl.split('/').pop()}`);
      await page.getByText('今年的烤烟收成和明年扩种的打算', { exact: false }).first().waitFor();
      await page.getByTestId('entry-visit').first().waitFor();
      await page.getByLabel('意见').fill('请写清下一步的帮扶措施');
      await page.getByTestId('review-return').click();
      await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('退回修改');
      await page.getByTestId('review-trail').getByText('请写清下一步的帮扶措施').waitFor();
      await shot(page, 'fw-3-returned');
      expect(await reviewerHome(page)).toBe(0);
    });
    expectNoProblems(secretary);
  });

  it('the cadre sees the comment, revises and resubmits', async () => {
    await journey(cadre, 'fw-4', async (page) => {
      const before = await cadreHome(page);
      expect(before.returned).toBe(1);
      expect(before.diaryState).not.toBe('met');
      await shot(page, 'fw-4-cadre-home-returned');
      await page.getByTestId('returned-item').filter({ hasText: month }).getByRole('link').click();
      await page.waitForURL(`**${entryUrl}`);
      expect(await page.getByTestId('returned-notice').textContent()).toContain('请写清下一步的帮扶措施');
      const text = page.getByTestId('entry-text');
      await text.fill(`${await text.inputValue()}\n\n下一步：联系农技员上门指导油菜种植。`);
      await shot(page, 'fw-4-revising');
      await page.getByTestId('submit-entry').click();
      await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('待查阅');
      const after = await cadreHome(page);
      expect(after.returned).toBe(0);
      expect(after.diaryState).toBe('met');
    });
    expectNoProblems(cadre);
  });

  it('the branch secretary accepts it, and the month is locked', async () => {
    await journey(secretary, 'fw-5', async (page) => {
      expect(await reviewerHome(page)).toBe(1);
      await page.getByTestId('reviewer-work-item').filter({ hasText: '麻春花' }).filter({ hasText: month }).getByRole('link').click();
      await page.getByText('联系农技员上门指导油菜种植', { exact: false }).first().waitFor();
      await page.getByTestId('review-accept').click();
      await expect.poll(() => page.getByTestId('entry-status').textContent()).toBe('已通过');
      await shot(page, 'fw-5-accepted');
      expect(await reviewerHome(page)).toBe(0);
    });
    expectNoProblems(secretary);
    await journey(cadre, 'fw-5-cadre', async (page) => {
      await page.goto(entryUrl);
      await page.getByText('已通过查阅，本月日记已锁定').waitFor();
      expect(await page.getByTestId('entry-text').count()).toBe(0);
      await shot(page, 'fw-5-cadre-locked');
      // Accepted, so it may be published: the public page shows it without a login.
      await page.getByRole('button', { name: '公开发布' }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s*定/ })
        .click();
      await page.getByText('已公开发布').first().waitFor();
      const visitor = await phoneTab(browser);
      await journey(visitor, 'fw-5-public', async (vp) => {
        await vp.goto('/public/diary');
        await vp
          .getByTestId('public-entry')
          .filter({ hasText: `麻春花 · ${month}` })
          .getByText('联系农技员上门指导油菜种植', { exact: false })
          .waitFor();
        await shot(vp, 'fw-5-public-diary');
      });
      expectNoProblems(visitor);
      await visitor.page.context().close();
      const home = await cadreHome(page);
      expect(home.diaryState).toBe('met');
      expect(home.returned).toBe(0);
      // The bell: unread notices (the return raised one), one marked read.
      const badge = page.locator('.ant-badge:has([data-testid="bell"]) .ant-scroll-number');
      const unread = async () => ((await badge.count()) ? Number(await badge.getAttribute('title')) : 0);
      const before = await unread();
      expect(before).toBeGreaterThan(0);
      await page.getByTestId('bell').click();
      await page.getByTestId('notifications').getByText('请写清下一步的帮扶措施', { exact: false }).first().waitFor();
      await shot(page, 'fw-5-cadre-bell');
      await page.getByTestId('notifications').getByRole('button', { name: '标为已读' }).first().click();
      await expect.poll(unread).toBe(before - 1);
    });
    expectNoProblems(cadre);
  });

  it('the township sees the work list on a phone', async () => {
    const township = await phoneTab(browser);
    await journey(township, 'fw-6', async (page) => {
      await login(page, 'township');
      await page.goto('/worklists');
      // The administrator's list counts every cadre of the township: give it time on a busy machine.
      await page.getByTestId('admin-totals').waitFor({ timeout: 60_000 });
      await shot(page, 'fw-6-worklist');
    });
    expectNoProblems(township);
  });
});
