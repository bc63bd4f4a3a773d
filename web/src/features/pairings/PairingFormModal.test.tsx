import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Programme } from '../../api/programmes';
import { json, mockApi } from '../../test/fetchMock';
import { renderPage } from '../../test/renderPage';
import { PairingFormModal } from './PairingFormModal';

const programme = {
  id: '019b76da-a800-7d2e-b421-9a4a8ab75100',
  name: '部门帮乡·支部结对·干部驻村',
  rounds: [
    {
      id: '019b76da-a800-7d2e-b421-9a4a8ab75101',
      no: 2,
      name: '第二轮',
      startOn: '2012-09-29',
      endOn: '2013-09-29',
      plannedCount: 1170,
      version: 1,
    },
  ],
} as unknown as Programme;

function api() {
  mockApi((req) => {
    const url = new URL(req.url);
    if (url.pathname.endsWith('/participants')) return json(200, { items: [], total: 0, page: 1, pageSize: 500 });
    if (url.pathname === '/api/households') return json(200, { items: [], total: 0, page: 1, pageSize: 20, masked: true });
    if (url.pathname.startsWith('/api/regions')) return json(200, { items: [], total: 0, page: 1, pageSize: 50 });
    throw new Error(`unexpected ${req.method} ${req.url}`);
  });
}

async function chooseRole(label: string) {
  fireEvent.mouseDown(screen.getByLabelText('结对形式'));
  fireEvent.click(await screen.findByTitle(label));
}

describe('the pairing form follows the role’s shape', () => {
  it('一帮一 asks for a cadre and a household; 几帮一 adds the lead; 驻村 a village and the round; 领导挂点 the kind of target', async () => {
    api();
    renderPage(<PairingFormModal programme={programme} onClose={() => {}} />, { path: '/', route: '/' });
    await screen.findByLabelText('帮扶方');
    expect(screen.getByText('帮扶对象（农户）')).toBeTruthy();
    expect(screen.queryByLabelText('牵头联系人')).toBeNull();
    expect(screen.queryByLabelText('轮次')).toBeNull();

    await chooseRole('几帮一');
    await waitFor(() => expect(screen.getByLabelText('牵头联系人')).toBeTruthy());

    await chooseRole('驻村');
    await waitFor(() => expect(screen.getByText('帮扶对象（村）')).toBeTruthy());
    expect(screen.getByLabelText('轮次')).toBeTruthy();
    expect(screen.queryByLabelText('牵头联系人')).toBeNull();

    await chooseRole('领导挂点');
    await waitFor(() => expect(screen.getByLabelText('对象类型')).toBeTruthy());
    expect(screen.getByText('帮扶对象（乡镇）')).toBeTruthy();
  });
});
