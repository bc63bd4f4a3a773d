import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiError } from './useApiError';

/** Failed reads (lists, details) are reported once, in the same words as failed writes. */
export function QueryErrors() {
  const qc = useQueryClient();
  const showError = useApiError();
  useEffect(
    () =>
      qc.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error') showError(event.action.error);
      }),
    [qc, showError],
  );
  return null;
}
