import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage, township } from '../../test/renderPage';
import { ReviewPage } from './ReviewPage';

const id = '019b76da-a800-7d2e-b421-9a4a8ab75150';
const entry = {
  id,
  cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75151',
  cadreName: '麻春花',
  month: '2026-11',
  body: '<h3>2026年11月民情日记</h3><p><strong>11月3日</strong> 入户走访：龙德华家。</p>',
  visitIds: [],
  householdIds: [],
  status: 'submitted',
  submittedAt: '2026-11-20T02:00:00Z',
  reviewedAt: null,
  published: false,
  publishedAt: null,
  publicBody: null,
  regionCode: '433124213000',
  countyCode: '433124',
  version: 2,
  createdAt: '2026-11-19T02:00:00Z',
  updatedAt: '2026-11-20T02:00:00Z',
};
const secretary = { ...township, user: { ...township.user, role: 'branch_secretary', username: 'secretary' } } as Me;

function api(review: (body: Record<string, unknown>) => Response) {
  mockApi(async (req) => {
    const url = new URL(req.url);
    if (url.pathname === `/api/diary-entries/${id}` && req.method === 'GET') return json(200, entry);
    if (url.pathname === `/api/diary-entries/${id}/reviews` && req.method === 'GET') return json(200, { items: [] });
    if (url.pathname === `/api/diary-entries/${id}/reviews` && req.method === 'POST')
      return review((await req.json()) as Record<string, unknown>);
    if (url.pathname === '/api/visits') return json(200, { items: [], total: 0, page: 1, pageSize: 100 });
    if (url.pathname.startsWith('/api/worklists')) return json(200, { awaiting: [], quarter: '2026-Q4', samples: [] });
    throw new Error(`unexpected ${req.method} ${req.url}`);
  });
}

const posts = () => requests.filter((r) => r.method === 'POST');

describe('ReviewPage', () => {
  it('asks for a comment before returning an entry, and sends nothing without one', async () => {
    api(() => json(200, entry));
    renderPage(<ReviewPage />, { path: `/reviews/${id}`, route: '/reviews/:id', me: secretary });
    await screen.findByText('麻春花 · 2026-11');
    fireEvent.click(screen.getByTestId('review-return'));
    expect(await screen.findByText('退回修改时请写明意见')).toBeTruthy();
    expect(posts()).toEqual([]);
  });

  it('returns with the comment and the version read', async () => {
    let sent: Record<string, unknown> | null = null;
    api((body) => {
      sent = body;
      return json(200, { ...entry, status: 'returned', version: 3 });
    });
    renderPage(<ReviewPage />, { path: `/reviews/${id}`, route: '/reviews/:id', me: secretary });
    await screen.findByText('麻春花 · 2026-11');
    fireEvent.change(screen.getByLabelText('意见'), { target: { value: '请写清帮扶措施' } });
    fireEvent.click(screen.getByTestId('review-return'));
    await waitFor(() => expect(screen.getByTestId('entry-status').textContent).toBe('退回修改'));
    expect(sent).toEqual({ version: 2, action: 'return', comment: '请写清帮扶措施', sampleId: null });
  });

  it('on a 409 shows the entry as another reviewer left it, and keeps the comment typed', async () => {
    api(() =>
      json(409, {
        error: { code: 'stale_version', message: '记录已被他人修改', current: { ...entry, status: 'accepted', version: 3 } },
      }),
    );
    renderPage(<ReviewPage />, { path: `/reviews/${id}`, route: '/reviews/:id', me: secretary });
    await screen.findByText('麻春花 · 2026-11');
    fireEvent.change(screen.getByLabelText('意见'), { target: { value: '同意' } });
    fireEvent.click(screen.getByTestId('review-accept'));
    expect(await screen.findByTestId('review-conflict')).toBeTruthy();
    expect(screen.getByTestId('entry-status').textContent).toBe('已通过');
    expect((screen.getByLabelText('意见') as HTMLTextAreaElement).value).toBe('同意');
    // Accepted: no accept or return is offered any more.
    expect(screen.queryByTestId('review-accept')).toBeNull();
  });
});
