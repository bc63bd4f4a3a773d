import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { initI18n } from '../app/i18n';
import { installFetchMock, resetFetchMock } from './fetchMock';

// antd's responsive helpers (Grid, Table) ask matchMedia, which jsdom lacks.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

// Some antd components measure themselves.
if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserver });
}

installFetchMock();
initI18n('zh-CN');

afterEach(() => {
  cleanup();
  resetFetchMock();
});
