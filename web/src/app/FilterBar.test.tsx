import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CadreFilterBar } from '../features/cadres/CadreFilterBar';
import { useCadreFilters } from '../features/cadres/useCadreFilters';
import { UserFilterBar } from '../features/users/UserFilterBar';
import { useUserFilters } from '../features/users/useUserFilters';
import { json, mockApi } from '../test/fetchMock';
import { renderPage } from '../test/renderPage';

/** A list page's filter part: the bar on the filters the address holds. */
function Cadres() {
  const { filters, update, reset } = useCadreFilters();
  return <CadreFilterBar filters={filters} onChange={update} onReset={reset} />;
}
function Users() {
  const { filters, update, reset } = useUserFilters();
  return <UserFilterBar filters={filters} onChange={update} onReset={reset} />;
}

const empty = () => mockApi(() => json(200, { items: [], total: 0, page: 1, pageSize: 20 }));
const location = () => screen.getByTestId('location').textContent ?? '';

describe('FilterBar', () => {
  it('searches on Enter, trimmed, and writes it to the address', async () => {
    empty();
    renderPage(<Users />, { path: '/users?status=active', route: '/users' });
    const search = screen.getByPlaceholderText('用户名、姓名或手机号');
    fireEvent.change(search, { target: { value: ' lwb ' } });
    expect(location()).not.toContain('q=');
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(location()).toBe('/users?q=lwb&status=active'));
  });

  it('applies a choice at once and clears everything on 重置', async () => {
    empty();
    renderPage(<Cadres />, { path: '/cadres?q=lwb&page=3', route: '/cadres' });
    expect((screen.getByPlaceholderText('姓名、拼音首字母或电话') as HTMLInputElement).value).toBe('lwb');
    fireEvent.mouseDown(screen.getByLabelText('类别'));
    fireEvent.click(await screen.findByText('驻村干部/第一书记'));
    await waitFor(() => expect(location()).toBe('/cadres?q=lwb&rank=resident'));
    fireEvent.click(screen.getByRole('button', { name: /重\s*置/ }));
    await waitFor(() => expect(location()).toBe('/cadres'));
    expect((screen.getByPlaceholderText('姓名、拼音首字母或电话') as HTMLInputElement).value).toBe('');
  });

  it('folds the rarer fields under 更多筛选, open at once when one of them is set', async () => {
    empty();
    const { unmount } = renderPage(<Cadres />, { path: '/cadres', route: '/cadres' });
    expect(screen.queryByLabelText('登录账号')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /更多筛选/ }));
    expect(await screen.findByLabelText('登录账号')).toBeTruthy();
    unmount();
    renderPage(<Cadres />, { path: '/cadres?account=false', route: '/cadres' });
    expect(await screen.findByLabelText('登录账号')).toBeTruthy();
    expect(screen.getByText('未开通账号')).toBeTruthy();
  });

  it('has no 更多筛选 when every field is shown', () => {
    empty();
    renderPage(<Users />, { path: '/users', route: '/users' });
    expect(screen.queryByRole('button', { name: /更多筛选/ })).toBeNull();
  });
});
