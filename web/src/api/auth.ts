import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, setCsrfToken } from './client';
import { ApiError } from './errors';
import type { Me } from './types';

export const meKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await data(api.GET('/api/auth/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const useMe = () => useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Infinity, retry: false });

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => data(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.POST('/api/auth/logout');
      } catch {
        // the session may already be gone; signing out locally is what matters
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => data(api.POST('/api/auth/password', { body })),
    onSuccess: () => {
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, user: { ...me.user, mustChangePassword: false } } : me));
      void qc.invalidateQueries({ queryKey: meKey });
    },
  });
}
