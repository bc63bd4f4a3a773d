import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type CadreWork = Json<paths['/api/worklists/cadre']['get']['responses'][200]>;
export type AdminWork = Json<paths['/api/worklists/admin']['get']['responses'][200]>;
export type AdminWorkQuery = NonNullable<paths['/api/worklists/admin']['get']['parameters']['query']>;

/** Only for an account linked to a cadre record: the server refuses the others. */
export const useCadreWork = (enabled = true) =>
  useQuery({ queryKey: ['worklists', 'cadre'], queryFn: () => data(api.GET('/api/worklists/cadre', { params: { query: {} } })), enabled });

export const useAdminWork = (query: AdminWorkQuery) =>
  useQuery({
    queryKey: ['worklists', 'admin', query],
    queryFn: () => data(api.GET('/api/worklists/admin', { params: { query } })),
    placeholderData: keepPreviousData,
  });
