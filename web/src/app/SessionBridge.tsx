import { useEffect } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meKey } from '../api/auth';
import { setApiLanguage, setCsrfToken, setOnUnauthenticated } from '../api/client';
import { currentLanguage } from './i18n';

/**
 * Connects the API client to the app: the language sent as x-lang, and what happens when the
 * session ends mid-work (a 401 on any request): forget the user, say so, and the route guard
 * shows the login page.
 */
export function SessionBridge() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t, i18n } = useTranslation();

  useEffect(() => {
    setApiLanguage(currentLanguage());
  }, [i18n.language]);

  useEffect(() => {
    setOnUnauthenticated(() => {
      if (!qc.getQueryData(meKey)) return;
      setCsrfToken(null);
      qc.setQueryData(meKey, null);
      void message.warning(t('app.sessionExpired'));
    });
  }, [qc, message, t]);

  return null;
}
