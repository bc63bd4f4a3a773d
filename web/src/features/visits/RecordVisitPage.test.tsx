import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage, township } from '../../test/renderPage';
import { RecordVisitPage } from './RecordVisitPage';

const household = '019b76da-a800-7d2e-b421-9a4a8ab75150';
const cadre = { ...township, user: { ...township.user, role: 'cadre', username: 'cadre' } } as Me;

function api(create: () => Response) {
  mockApi((req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/me/households')
      return json(200, {
        cadreId: null,
        items: [
          {
            pairingId: '019b76da-a800-7d2e-b421-9a4a8ab75152',
            householdId: household,
            headName: '龙德华',
            regionCode: '433124213209001',
            villageName: '吉久村',
            groupName: '一组',
            categories: [],
            categoryNames: [],
            phone: null,
            role: 'one_to_one',
            lead: true,
            programmeId: null,
            programmeName: null,
            startOn: '2026-01-01',
            lastContactOn: null,
          },
        ],
        total: 1,
        page: 1,
        pageSize: 100,
      });
    if (url.pathname === '/api/households') return json(200, { items: [], total: 0, page: 1, pageSize: 20, masked: true });
    if (url.pathname === '/api/visits' && req.method === 'POST') return create();
    throw new Error(`unexpected ${req.method} ${req.url}`);
  });
}

afterEach(() => localStorage.clear());

describe('RecordVisitPage', () => {
  it('starts from the household chosen on the work list (named with its village and group) and today, in antd’s picker', async () => {
    api(() => json(500, {}));
    renderPage(<RecordVisitPage />, { path: `/visits/new?household=${household}`, route: '/visits/new', me: cadre });
    expect(await screen.findByText('龙德华 · 吉久村一组')).toBeTruthy();
    const today = new Intl.DateTimeFormat('en-CA').format(new Date());
    const day = screen.getByLabelText('走访日期') as HTMLInputElement;
    expect(day.value).toBe(today);
    expect(day.type).not.toBe('date');
    expect(day.closest('.ant-picker')).toBeTruthy();
  });

  it('keeps what was typed when the save fails, and retries with the same id', async () => {
    api(() => new Response('bad gateway', { status: 502 }));
    renderPage(<RecordVisitPage />, { path: `/visits/new?household=${household}`, route: '/visits/new', me: cadre });
    await screen.findByText('龙德华 · 吉久村一组');
    fireEvent.change(screen.getByLabelText('谈了什么'), { target: { value: '明年扩种烤烟' } });
    fireEvent.click(screen.getByRole('button', { name: /保存走访/ }));
    await waitFor(() => expect(requests.map((r) => r.method + ' ' + new URL(r.url).pathname)).toContain('POST /api/visits'), {
      timeout: 5000,
    });
    expect(await screen.findByText('保存未成功，您填写的内容已保留，请检查网络后重试', {}, { timeout: 5000 })).toBeTruthy();
    expect((screen.getByLabelText('谈了什么') as HTMLTextAreaElement).value).toBe('明年扩种烤烟');
    // Also across a reload: the draft stays in the browser until the visit is saved.
    expect(JSON.parse(localStorage.getItem('lianhu.visitDraft') ?? '{}')).toMatchObject({
      discussed: '明年扩种烤烟',
      householdIds: [household],
    });
    fireEvent.click(screen.getByRole('button', { name: /保存走访/ }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2));
    const [a, b] = await Promise.all(requests.filter((r) => r.method === 'POST').map((r) => r.clone().json() as Promise<{ id: string }>));
    expect(a!.id).toBe(b!.id);
  });
});
