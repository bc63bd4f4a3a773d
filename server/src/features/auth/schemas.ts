import { z } from 'zod';
import { roles } from '../../platform/roles.js';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});

export const me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  unitId: z.uuid().nullable(),
  locale: z.enum(['zh-CN', 'en']),
  mustChangePassword: z.boolean(),
  cadreId: z.uuid().nullable().describe('The cadre record linked to this account (my households, visits, diary); null until an administrator links one'),
  permissions: z.object({
    assignableRoles: z.array(z.enum(roles)).describe('Roles this user may give when creating or editing accounts'),
  }),
});

export const sessionOut = z.object({
  user: me,
  csrfToken: z.string().describe('Send as the x-csrf-token header on every write'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const updateMeBody = z.object({ locale: z.enum(['zh-CN', 'en']) });
