import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { json, mockApi, requests } from '../../test/fetchMock';
import { renderPage, township } from '../../test/renderPage';
import { CadresPage } from './CadresPage';

const cadre = {
  id: '019b76da-a800-7d2e-b421-9a4a8ab75150',
  name: '龙文斌',
  sex: 'male',
  rank: 'township',
  title: '乡党委书记',
  phone: '13907431234',
  unitId: null,
  unitName: null,
  branchId: null,
  branchName: null,
  branchRole: null,
  regionCode: '433124213000',
  regionName: '补抽乡',
  countyCode: '433124',
  userId: null,
  status: 'active',
  version: 1,
  createdAt: '2026-01-15T02:00:00Z',
  updatedAt: '2026-01-15T02:00:00Z',
};

function api() {
  mockApi((req) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/cadres') return json(200, { items: [cadre], total: 1, page: 1, pageSize: 20 });
    if (url.pathname.startsWith('/api/regions') || url.pathname.startsWith('/api/units') || url.pathname.startsWith('/api/branches')) {
      return json(200, { items: [], total: 0, page: 1, pageSize: 20 });
    }
    throw new Error(`unexpected ${req.method} ${req.url}`);
  });
}

describe('CadresPage', () => {
  it('opens 新增干部 for an administrator and checks the ID number as it is typed', async () => {
    api();
    renderPage(<CadresPage />, { path: '/cadres', route: '/cadres' });
    await screen.findByText('龙文斌');
    fireEvent.click(screen.getByRole('button', { name: /新增干部/ }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('新增干部');
    fireEvent.change(screen.getByLabelText('身份证号'), { target: { value: '4331241988' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('身份证号应为 18 位，最后一位可为 X')).toBeTruthy();
    expect(await screen.findByText('请填写姓名')).toBeTruthy();
    // Nothing is sent while the form has errors.
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(false));
  });

  it('offers no 新增干部 to a cadre', async () => {
    api();
    const me = { ...township, user: { ...township.user, role: 'cadre' } } as Me;
    renderPage(<CadresPage />, { path: '/cadres', route: '/cadres', me });
    await screen.findByText('龙文斌');
    expect(screen.queryByRole('button', { name: /新增干部/ })).toBeNull();
  });
});
