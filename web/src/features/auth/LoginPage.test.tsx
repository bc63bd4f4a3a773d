import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../app/AppProviders';
import { json, mockApi, requests } from '../../test/fetchMock';
import { LoginPage } from './LoginPage';

function renderLogin() {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={['/login']}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/" element={<div>首页已打开</div>} />
          <Route path="/first-password" element={<div>请先修改密码</div>} />
        </Routes>
      </MemoryRouter>
    </AppProviders>,
  );
}

const user = {
  id: '01a2081f-30db-7215-be8c-5e8892204b19',
  username: 'township',
  displayName: '龙文斌（补抽乡党委）',
  role: 'township_admin',
  regionCode: '433124213000',
  regionName: '补抽乡',
  unitId: null,
  locale: 'zh-CN',
  mustChangePassword: false,
};

describe('LoginPage', () => {
  it('renders in Chinese and shows the server’s message for a wrong password', async () => {
    mockApi((req) => {
      if (req.url.endsWith('/api/auth/me')) return json(401, { error: { code: 'unauthenticated', message: '请先登录' } });
      return json(401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
    });
    renderLogin();
    fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'township' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong-pass1' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    const alert = await screen.findByText('用户名或密码错误');
    expect(alert.closest('.ant-alert')?.getAttribute('role')).toBe('alert');
    const login = requests.find((r) => r.url.endsWith('/api/auth/login'))!;
    expect(await login.json()).toEqual({ username: 'township', password: 'wrong-pass1' });
  });

  it('asks for both fields before calling the server', async () => {
    mockApi(() => json(401, { error: { code: 'unauthenticated', message: '请先登录' } }));
    renderLogin();
    fireEvent.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
    expect(requests.some((r) => r.url.endsWith('/api/auth/login'))).toBe(false);
  });

  it('goes to the password page first when the password was set by an administrator', async () => {
    mockApi((req) => {
      if (req.url.endsWith('/api/auth/me')) return json(401, { error: { code: 'unauthenticated', message: '请先登录' } });
      return json(200, { user: { ...user, mustChangePassword: true }, csrfToken: 't' });
    });
    renderLogin();
    fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: 'Township ' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'lianhu2026' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByText('请先修改密码')).toBeTruthy());
    const login = requests.find((r) => r.url.endsWith('/api/auth/login'))!;
    expect(await login.json()).toEqual({ username: 'township', password: 'lianhu2026' });
  });
});
