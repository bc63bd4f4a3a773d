import { screen } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../test/fetchMock';
import { renderPage } from '../../test/renderPage';
import { ReviewerWorkCard } from './ReviewerWorkCard';

describe('ReviewerWorkCard', () => {
  it('shows the month and the submission time apart, never run together ("2026-1111-30 01:00")', async () => {
    mockApi((req) => {
      if (new URL(req.url).pathname === '/api/worklists/reviewer')
        return json(200, {
          awaiting: [
            {
              id: '019b76da-a800-7d2e-b421-9a4a8ab75160',
              cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75150',
              cadreName: '石金林',
              month: '2026-11',
              submittedAt: '2026-11-29T17:00:00.000Z',
              version: 2,
            },
          ],
          quarter: '2026-Q4',
          samples: [],
        });
      throw new Error(`unexpected ${req.method} ${req.url}`);
    });
    renderPage(<ReviewerWorkCard />, { path: '/', route: '/' });
    const link = await screen.findByText('石金林 · 2026-11 月日记');
    expect(link.closest('a')!.getAttribute('href')).toBe('/reviews/019b76da-a800-7d2e-b421-9a4a8ab75160');
    // The browser's clock zone (Asia/Shanghai for the county's clerks: 2026-11-30 01:00).
    expect(screen.getByText(`提交于 ${dayjs('2026-11-29T17:00:00.000Z').format('YYYY-MM-DD HH:mm')}`)).toBeTruthy();
    expect(screen.getByTestId('reviewer-work').textContent).not.toContain('2026-1111');
  });
});
