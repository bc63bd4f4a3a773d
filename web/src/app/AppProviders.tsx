import { useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { makeQueryClient } from '../api/queryClient';
import { SessionBridge } from './SessionBridge';
import { QueryErrors } from './QueryErrors';

const theme = {
  token: {
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/**
 * Everything a page needs around it: data cache, antd locale and theme, messages, i18n. Buttons keep
 * their words as written (antd spaces out two Chinese characters: 查 询, 通 过).
 */
export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [qc] = useState(() => client ?? makeQueryClient());
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={qc}>
      <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <SessionBridge />
          <QueryErrors />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
