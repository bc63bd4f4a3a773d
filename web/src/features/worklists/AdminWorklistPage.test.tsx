import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage } from '../../test/renderPage';
import { AdminWorklistPage } from './AdminWorklistPage';

const counts = { cadres: 2, behindVisits: 1, behindDiary: 1, householdsNotVisited: 3 };
const work = {
  month: '2026-10',
  regionCode: '433124213209',
  cadres: [
    {
      cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75150',
      cadreName: '麻春花',
      villageCode: '433124213209',
      villageName: '吉久村',
      unitId: null,
      unitName: null,
      branchName: '吉久村党支部',
      paired: 5,
      visited: 2,
      notVisited: 3,
      diaries: 0,
      diaryRequired: 1,
      visitRequired: 1,
      visitPer: 'month',
      visitDueOn: '2026-10-31',
      visitState: 'overdue',
      diaryPer: 'programme',
      diaryFrom: '2026-01-01',
      diaryDueOn: null,
      diaryState: 'on_track',
      behindVisits: true,
      behindDiary: true,
    },
  ],
  byVillage: [{ ...counts, villageCode: '433124213209', villageName: '吉久村' }],
  byUnit: [{ ...counts, unitId: null, unitName: null }],
  totals: counts,
};

describe('AdminWorklistPage', () => {
  it('asks for the month and region in the address and shows who is behind, with the totals', async () => {
    mockApi((req) => {
      const url = new URL(req.url);
      if (url.pathname === '/api/worklists/admin') return json(200, work);
      if (url.pathname.startsWith('/api/regions')) return json(200, { items: [], total: 0, page: 1, pageSize: 20 });
      throw new Error(`unexpected ${req.method} ${req.url}`);
    });
    renderPage(<AdminWorklistPage />, { path: '/worklists?month=2026-10&regionCode=433124213209&onlyBehind=true', route: '/worklists' });
    expect(await screen.findByText('麻春花')).toBeTruthy();
    expect(screen.getByTestId('admin-totals').textContent).toBe('2026-10：2 名干部，1 人走访到期未完成，1 人日记到期未完成，3 户尚未走访');
    // The numbers link to what they count; each state is named, with a legend of the four.
    expect(screen.getByText('2/5').closest('a')!.getAttribute('href')).toBe('/cadres/019b76da-a800-7d2e-b421-9a4a8ab75150?tab=households');
    expect(screen.getByText('0/1').closest('a')!.getAttribute('href')).toBe('/cadres/019b76da-a800-7d2e-b421-9a4a8ab75150?tab=diaries');
    expect(screen.getByText('1 人走访到期未完成').closest('a')!.getAttribute('href')).toBe('/worklists?regionCode=433124213209&month=2026-10&onlyBehind=true');
    const row = screen.getByText('麻春花').closest('tr')!;
    expect(row.querySelector('[data-testid="cadence-overdue"]')!.textContent).toBe('已逾期');
    expect(row.querySelector('[data-testid="cadence-on_track"]')!.textContent).toBe('进行中');
    expect(screen.getByTestId('cadence-legend').textContent).toContain('即将到期截止前最后一周仍未完成');
    await waitFor(() => {
      const asked = requests.map((r) => new URL(r.url)).find((u) => u.pathname === '/api/worklists/admin')!;
      expect(Object.fromEntries(asked.searchParams)).toEqual({ month: '2026-10', regionCode: '433124213209', onlyBehind: 'true' });
    });
  });
});
