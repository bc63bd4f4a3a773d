import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data } from './client';
import type { CreateUserBody, UpdateUserBody, UserQuery } from './types';

export const userKeys = {
  all: ['users'] as const,
  list: (q: UserQuery) => ['users', 'list', q] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const useUsers = (query: UserQuery) =>
  useQuery({
    queryKey: userKeys.list(query),
    queryFn: () => data(api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Every user write also adds to the audit log. */
function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: userKeys.all }), qc.invalidateQueries({ queryKey: ['audit'] })]);
}

export function useCreateUser() {
  const done = useInvalidateUsers();
  return useMutation({ mutationFn: (body: CreateUserBody) => data(api.POST('/api/users', { body })), onSuccess: done });
}

export function useUpdateUser() {
  const done = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserBody & { id: string }) =>
      data(api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}

export function useSetUserStatus() {
  const done = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; status: 'active' | 'disabled' }) =>
      data(api.POST('/api/users/{id}/status', { params: { path: { id } }, body })),
    onSuccess: done,
  });
}

export function useResetPassword() {
  const done = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      data(api.POST('/api/users/{id}/password', { params: { path: { id } }, body: { newPassword } })),
    onSuccess: done,
  });
}
