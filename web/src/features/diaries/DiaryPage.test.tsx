import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage, township } from '../../test/renderPage';
import { DiaryPage } from './DiaryPage';

const id = '019b76da-a800-7d2e-b421-9a4a8ab75150';
const cited = '019b76da-a800-7d2e-b421-9a4a8ab75160';
const late = '019b76da-a800-7d2e-b421-9a4a8ab75161';
const entry = {
  id,
  cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75151',
  cadreName: '麻春花',
  month: '2026-11',
  body: '<h3>2026年11月民情日记</h3><p><strong>11月3日</strong> 入户走访：杨英家。</p><p>体会与下步打算：</p>',
  visitIds: [cited],
  householdIds: [],
  status: 'returned',
  submittedAt: '2026-11-20T02:00:00Z',
  reviewedAt: '2026-11-21T02:00:00Z',
  published: false,
  publishedAt: null,
  publicBody: null,
  regionCode: '433124213000',
  countyCode: '433124',
  version: 4,
  createdAt: '2026-11-19T02:00:00Z',
  updatedAt: '2026-11-21T02:00:00Z',
};
const visit = (vid: string, day: string, head: string) => ({
  id: vid,
  kind: 'home_visit',
  kindName: '入户走访',
  visitedOn: day,
  cadres: [{ id: entry.cadreId, name: '麻春花' }],
  households: [{ id: '019b76da-a800-7d2e-b421-9a4a8ab75170', headName: head, regionCode: '433124213209001' }],
  villageCode: null,
  regionCode: '433124213209001',
  regionName: '一组',
  countyCode: '433124',
  discussed: '明年扩种烤烟',
  production: null,
  life: null,
  mood: null,
  location: null,
  status: 'recorded',
  confirmed: false,
  confirmedAt: null,
  confirmMethod: null,
  confirmedByName: null,
  photos: [],
  recordedBy: null,
  version: 1,
  createdAt: '2026-11-03T02:00:00Z',
  updatedAt: '2026-11-03T02:00:00Z',
});
const cadre = { ...township, user: { ...township.user, role: 'cadre', username: 'cadre' } } as Me;

function api(patch: (body: Record<string, unknown>) => Response) {
  mockApi(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === `/api/diary-entries/${id}` && req.method === 'GET') return json(200, entry);
    if (url.pathname === `/api/diary-entries/${id}` && req.method === 'PATCH') return patch((await req.json()) as Record<string, unknown>);
    if (url.pathname === `/api/diary-entries/${id}/reviews`)
      return json(200, {
        items: [
          {
            id: '019b76da-a800-7d2e-b421-9a4a8ab75180',
            entryId: id,
            reviewerId: township.user.id,
            reviewerName: '麻永成',
            action: 'return',
            comment: '请写清帮扶措施',
            sampleId: null,
            at: '2026-11-21T02:00:00Z',
          },
        ],
      });
    if (url.pathname === '/api/visits')
      return json(200, {
        items: [visit(late, '2026-11-23', '隆正万'), visit(cited, '2026-11-03', '杨英')],
        total: 2,
        page: 1,
        pageSize: 100,
      });
    throw new Error(`unexpected ${req.method} ${req.url}`);
  });
}

describe('DiaryPage', () => {
  it('shows the reviewer’s comment on a returned entry, adds a late visit in the draft’s words and cites it on save', async () => {
    let sent: Record<string, unknown> | null = null;
    api((body) => {
      sent = body;
      return json(200, { ...entry, version: 5, body: String(body.body), visitIds: body.visitIds });
    });
    renderPage(<DiaryPage />, { path: `/diaries/${id}`, route: '/diaries/:id', me: cadre });
    expect((await screen.findByTestId('returned-notice')).textContent).toContain('请写清帮扶措施');
    const text = (await screen.findByTestId('entry-text')) as HTMLTextAreaElement;
    await waitFor(() => expect(text.value).toContain('11月3日\n入户走访：杨英家。'));
    const uncited = await screen.findByTestId('uncited');
    expect(uncited.textContent).toContain('本月还有 1 次走访未写入日记');
    fireEvent.click(screen.getByRole('button', { name: '写入日记' }));
    // Before the closing line, in the words of the server's draft.
    expect(text.value).toBe(
      '2026年11月民情日记\n\n11月3日\n入户走访：杨英家。\n\n11月23日\n入户走访：隆正万家。 谈了明年扩种烤烟。\n\n体会与下步打算：',
    );
    expect(screen.queryByTestId('uncited')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /保存草稿/ }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toMatchObject({ version: 4, visitIds: [cited, late] });
    expect(String(sent!['body'])).toContain(
      '<p><strong>11月23日</strong> 入户走访：隆正万家。 谈了明年扩种烤烟。</p><p>体会与下步打算：</p>',
    );
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });
});
