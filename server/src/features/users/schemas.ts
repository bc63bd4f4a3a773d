import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/pagination.js';
import { roles } from '../../platform/roles.js';
import { usernamePattern } from './rules.js';

export const regionCodeSchema = z.string().regex(/^\d{12}(\d{3})?$/, '行政区划代码应为 12 位（组为 15 位）数字');

export const userOut = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  unitId: z.uuid().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locale: z.enum(['zh-CN', 'en']),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
});
export type UserOut = z.infer<typeof userOut>;

export const userList = pageOf(userOut);

export const userListQuery = z.object({
  ...pageQuery,
  q: z.string().trim().max(50).optional(),
  role: z.enum(roles).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  regionCode: regionCodeSchema.optional(),
});

const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不正确');

export const createUserBody = z.object({
  id: z.uuid().optional().describe('Client-made UUIDv7; retrying with the same id returns the same user'),
  username: z.string().trim().toLowerCase().regex(usernamePattern, '用户名为 3–32 位小写字母、数字或 . _ -'),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(roles),
  regionCode: regionCodeSchema,
  unitId: z.uuid().nullable().optional(),
  phone: phone.nullable().optional(),
  password: z.string().min(1).max(128),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const updateUserBody = z.object({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(roles).optional(),
  regionCode: regionCodeSchema.optional(),
  unitId: z.uuid().nullable().optional(),
  phone: phone.nullable().optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
});

export const resetPasswordBody = z.object({ newPassword: z.string().min(1).max(128) });
export const setStatusBody = z.object({ version: z.number().int().positive(), status: z.enum(['active', 'disabled']) });
export const idParams = z.object({ id: z.uuid() });
