import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage, screenWidth } from '../../test/renderPage';
import { HouseholdsPage } from './HouseholdsPage';

const household = {
  id: '019b76da-a800-7d2e-b421-9a4a8ab75143',
  householdNo: '2132010129',
  regionCode: '433124213201002',
  villageCode: '433124213201',
  villageName: '大卡村',
  groupName: '二组',
  headMemberId: '019b76da-a800-7d2e-b421-9a4a8ab75144',
  headName: '石万正',
  headIdNumber: '433124********8436',
  phone: '188****7812',
  memberCount: 6,
  helpers: [{ cadreId: '019b76da-a800-7d2e-b421-9a4a8ab75150', name: '麻春花' }],
  categories: ['poor'],
  povertyCauses: ['no_water'],
  status: 'active',
  income: { year: 2025, perCapitaNetFen: 327500 },
  version: 1,
  updatedAt: '2026-01-15T02:00:00Z',
};

const catalog = {
  items: [
    {
      id: '1',
      kind: 'category',
      code: 'poor',
      nameZh: '贫困户',
      nameEn: 'Poor',
      regionCode: null,
      builtIn: true,
      active: true,
      version: 1,
    },
    {
      id: '2',
      kind: 'poverty_cause',
      code: 'no_water',
      nameZh: '缺水',
      nameEn: 'Lack of water',
      regionCode: null,
      builtIn: true,
      active: true,
      version: 1,
    },
  ],
  total: 2,
};

function api() {
  mockApi((req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/households/catalog') return json(200, catalog);
    if (url.pathname === '/api/households') return json(200, { items: [household], total: 1, page: 1, pageSize: 20, masked: true });
    throw new Error(`unexpected ${req.method} ${req.url}`);
  });
}

const listQueries = () => requests.filter((r) => new URL(r.url).pathname === '/api/households').map((r) => new URL(r.url).searchParams);

describe('HouseholdsPage', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('lists the households with names from the catalogue, yuan from fen, and the masking notice', async () => {
    restore = screenWidth(1600);
    api();
    renderPage(<HouseholdsPage />, { path: '/households', route: '/households' });
    const row = (await screen.findByText('石万正')).closest('tr')!;
    expect(within(row).getByText('大卡村 · 二组')).toBeTruthy();
    expect(await within(row).findByText('贫困户')).toBeTruthy();
    expect(within(row).getByText('缺水')).toBeTruthy();
    expect(within(row).getByText('3,275.00')).toBeTruthy();
    expect(within(row).getByText('433124********8436')).toBeTruthy();
    // 帮扶责任人, a link to the cadre.
    expect(screen.getByRole('columnheader', { name: '帮扶责任人' })).toBeTruthy();
    expect(within(row).getByText('麻春花').closest('a')!.getAttribute('href')).toBe('/cadres/019b76da-a800-7d2e-b421-9a4a8ab75150');
    expect(screen.getByText('身份证号和电话已部分隐藏')).toBeTruthy();
    expect(screen.getByRole('button', { name: /新增农户/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeTruthy();
  });

  it('folds a row into one cell on a phone', async () => {
    api();
    renderPage(<HouseholdsPage />, { path: '/households', route: '/households' });
    const row = (await screen.findByText('石万正')).closest('tr')!;
    expect(within(row).getByText('大卡村 · 二组 · 6 人')).toBeTruthy();
    expect(within(row).queryByText('433124********8436')).toBeNull();
    expect(row.querySelectorAll('td')).toHaveLength(2);
  });

  it('puts the search and the income range (in fen) into the address and the query', async () => {
    api();
    renderPage(<HouseholdsPage />, { path: '/households?incomeMin=2500&incomeMax=3500.5&status=active', route: '/households' });
    await screen.findByText('石万正');
    expect(listQueries()[0]!.get('incomeMinFen')).toBe('250000');
    expect(listQueries()[0]!.get('incomeMaxFen')).toBe('350050');
    expect(listQueries()[0]!.get('status')).toBe('active');

    const search = screen.getByPlaceholderText('户主姓名、拼音首字母、身份证号、电话或户编号');
    fireEvent.change(search, { target: { value: ' swz ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toContain('q=swz'));
    await waitFor(() => expect(listQueries().some((q) => q.get('q') === 'swz')).toBe(true));
    expect(screen.getByTestId('location').textContent).toContain('incomeMin=2500');
  });
});
