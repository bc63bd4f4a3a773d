import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entityColumns, regionOwnedColumns } from '../../platform/columns.js';
import { units } from '../units/tables.js';
import { roles } from '../../platform/roles.js';

/** Accounts. region_code is the root of the subtree the user may see (their scope). */
export const users = pgTable(
  'users',
  {
    ...entityColumns,
    ...regionOwnedColumns,
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: roles }).notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    phone: text('phone'),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull().default('zh-CN'),
    /** Set when an administrator resets the password: the user must choose a new one. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [index('users_region_idx').on(t.regionCode.op('text_pattern_ops'))],
);
