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
    expect(screen.getByTestId('admin-totals').textContent).toBe('2026-10：2 名干部，1 人走访落后，1 人日记落后，3 户未走访');
    expect(screen.getByText('2/5')).toBeTruthy();
    expect(screen.getByText('走访落后')).toBeTruthy();
    await waitFor(() => {
      const asked = requests.map((r) => new URL(r.url)).find((u) => u.pathname === '/api/worklists/admin')!;
      expect(Object.fromEntries(asked.searchParams)).toEqual({ month: '2026-10', regionCode: '433124213209', onlyBehind: 'true' });
    });
  });
});
