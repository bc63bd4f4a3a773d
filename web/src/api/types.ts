import type { paths } from './schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Me = Json<paths['/api/auth/me']['get']['responses'][200]>;
export type CurrentUser = Me['user'];
export type Role = CurrentUser['role'];
export type Region = Json<paths['/api/regions/roots']['get']['responses'][200]>['items'][number];
export type RegionDetail = Json<paths['/api/regions/{code}']['get']['responses'][200]>;
export type RegionLevel = Region['level'];
export type RegionPage = Json<paths['/api/regions']['get']['responses'][200]>;
export type User = Json<paths['/api/users/{id}']['get']['responses'][200]>;
export type UserPage = Json<paths['/api/users']['get']['responses'][200]>;
export type UserQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
export type CreateUserBody = paths['/api/users']['post']['requestBody']['content']['application/json'];
export type UpdateUserBody = paths['/api/users/{id}']['patch']['requestBody']['content']['application/json'];
export type UpdateRegionBody = paths['/api/regions/{code}']['patch']['requestBody']['content']['application/json'];
export type AuditPage = Json<paths['/api/audit']['get']['responses'][200]>;
export type AuditEntry = AuditPage['items'][number];
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;
