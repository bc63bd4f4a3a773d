import type { TFunction } from 'i18next';
import type { Messages } from '../../app/i18n/zh-CN';

export type AuditAction = keyof Messages['audit']['actions'];
export type AuditEntity = keyof Messages['audit']['entities'];

export const auditActions: AuditAction[] = [
  'create',
  'update',
  'disable',
  'enable',
  'reset_password',
  'change_password',
  'login',
  'logout',
];
export const auditEntities: AuditEntity[] = ['user', 'region'];

const isAction = (a: string): a is AuditAction => (auditActions as string[]).includes(a);
const isEntity = (e: string): e is AuditEntity => (auditEntities as string[]).includes(e);

/** Known actions and entity types by name; anything newer from the server shows as it came. */
export const actionLabel = (t: TFunction, a: string) => (isAction(a) ? t(`audit.actions.${a}`) : a);
export const entityLabel = (t: TFunction, e: string) => (isEntity(e) ? t(`audit.entities.${e}`) : e);

export const actionColor = (a: string): string =>
  ({ create: 'green', update: 'blue', disable: 'red', enable: 'cyan', reset_password: 'orange', change_password: 'gold' })[a] ?? 'default';

/** A readable name for the record, from what the entry itself carries. */
export function recordName(before: unknown, after: unknown): string | null {
  for (const v of [after, before]) {
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const name = o.displayName ?? o.name ?? o.username;
      if (typeof name === 'string' && name) return name;
    }
  }
  return null;
}
