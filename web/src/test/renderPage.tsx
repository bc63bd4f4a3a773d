import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { meKey } from '../api/auth';
import { makeQueryClient } from '../api/queryClient';
import type { Me } from '../api/types';
import { AppProviders } from '../app/AppProviders';

export const township: Me = {
  user: {
    id: '01a2081f-30db-7215-be8c-5e8892204b19',
    username: 'township',
    displayName: '龙文斌（补抽乡党委）',
    role: 'township_admin',
    regionCode: '433124213000',
    regionName: '补抽乡',
    unitId: null,
    locale: 'zh-CN',
    mustChangePassword: false,
    permissions: { assignableRoles: ['branch_secretary', 'unit_head', 'cadre', 'leader'] },
  },
  csrfToken: 'test-token',
} as Me;

/** Shows the address, so a test can see the filters written into it. */
function Location() {
  const l = useLocation();
  return <div data-testid="location">{l.pathname + l.search}</div>;
}

/** A page as a signed-in user sees it, at `path` matched by `route`. */
export function renderPage(page: ReactNode, { path, route, me = township }: { path: string; route: string; me?: Me }) {
  const client = makeQueryClient();
  client.setQueryData(meKey, me);
  return render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={route} element={page} />
        </Routes>
        <Location />
      </MemoryRouter>
    </AppProviders>,
  );
}

/** antd's breakpoints as on a screen `width` pixels wide (the setup's stub matches nothing: a phone). */
export function screenWidth(width: number) {
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+)(?:\.\d+)?px/.exec(query);
    const matches = (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
    return { ...original(query), matches, media: query };
  }) as typeof window.matchMedia;
  return () => {
    window.matchMedia = original;
  };
}
