import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../test/fetchMock';
import { renderPage } from '../../test/renderPage';
import { ReviewsPage } from './ReviewsPage';

const e1 = '019b76da-a800-7d2e-b421-9a4a8ab75161';
const e2 = '019b76da-a800-7d2e-b421-9a4a8ab75162';
const sample = {
  id: '019b76da-a800-7d2e-b421-9a4a8ab75170',
  quarter: '2026-Q4',
  regionCode: '433124213000',
  countyCode: '433124',
  seed: '37b7e29b0c1d2e3f',
  populationSize: 12,
  populationDigest: '456da817aabbccdd',
  populationIds: [e1, e2],
  entryIds: [e2, e1],
  entries: [
    { id: e2, cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75150', cadreName: '石金林', month: '2026-11', status: 'accepted' },
    { id: e1, cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75151', cadreName: '龙文斌', month: '2026-10', status: 'submitted' },
  ],
  drawnBy: '01a2081f-30db-7215-be8c-5e8892204b19',
  drawnByName: '龙文斌（补抽乡党委）',
  drawnAt: '2026-12-01T02:00:00.000Z',
  verified: true,
};

describe('ReviewsPage: the quarterly sample', () => {
  it('shows the sampled cadres and entries by name, the proof of fairness behind “how was this drawn”', async () => {
    mockApi((req) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/diary-samples') return json(200, { items: [sample], total: 1, page: 1, pageSize: 20 });
      if (path === '/api/worklists/reviewer')
        return json(200, {
          awaiting: [],
          quarter: '2026-Q4',
          samples: [
            {
              id: sample.id,
              regionCode: sample.regionCode,
              quarter: '2026-Q4',
              entries: [
                { id: e2, reviewed: true },
                { id: e1, reviewed: false },
              ],
            },
          ],
        });
      throw new Error(`unexpected ${req.method} ${req.url}`);
    });
    renderPage(<ReviewsPage />, { path: '/diary-audit', route: '/diary-audit' });
    const chips = await screen.findAllByTestId('sample-entry');
    expect(chips.map((c) => c.textContent)).toEqual(['石金林 · 2026-11 · 已阅', '龙文斌 · 2026-10 · 未阅']);
    expect(chips[0]!.getAttribute('href')).toBe(`/reviews/${e2}?sample=${sample.id}`);
    expect(screen.queryByText('37b7e29b0c1d2e3f')).toBeNull();
    fireEvent.click(screen.getByText('这份样本是怎么抽的？'));
    expect(await screen.findByText('37b7e29b0c1d2e3f')).toBeTruthy();
    expect(screen.getByText(/本季度共有 12 篇已提交的日记/)).toBeTruthy();
  });
});
