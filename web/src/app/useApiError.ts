import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError, formFieldErrors } from '../api/errors';

export interface ErrorOptions {
  /** Put the server's field messages under the form's fields. */
  form?: FormInstance;
  /** A 409 stale_version: reload the record (the message is shown here). */
  onStale?: () => void;
}

/** One way to show any failed request: the server's own (localised) words, fields on the form. */
export function useApiError() {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, opts: ErrorOptions = {}) => {
      if (err instanceof NetworkError) {
        void message.error(t('app.networkError'));
        return;
      }
      if (!(err instanceof ApiError)) {
        void message.error(err instanceof Error ? err.message : String(err));
        return;
      }
      if (err.isUnauthenticated) return; // the app signs out and shows the login page
      if (err.isStale) {
        notification.warning({ title: err.message, description: t('app.staleReloaded'), duration: 8 });
        opts.onStale?.();
        return;
      }
      let extra: string[] = [];
      if (opts.form && err.fields.length > 0) {
        const known = Object.keys(opts.form.getFieldsValue() as Record<string, unknown>);
        const { fields, unmatched } = formFieldErrors(err, known);
        opts.form.setFields(fields);
        extra = unmatched.map((f) => f.message);
      } else {
        extra = err.fields.map((f) => f.message);
      }
      void message.error([err.message, ...extra].join(' · '));
    },
    [message, notification, t],
  );
}
