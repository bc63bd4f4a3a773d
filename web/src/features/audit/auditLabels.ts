import type { TFunction } from 'i18next';
import zhCN, { type Messages } from '../../app/i18n/zh-CN';

export type AuditAction = keyof Messages['audit']['actions'];
export type AuditEntity = keyof Messages['audit']['entities'];

/** Every action and record type the server writes today, in the order the filters offer them. */
export const auditActions = Object.keys(zhCN.audit.actions) as AuditAction[];
export const auditEntities = Object.keys(zhCN.audit.entities) as AuditEntity[];

const isAction = (a: string): a is AuditAction => (auditActions as string[]).includes(a);
const isEntity = (e: string): e is AuditEntity => (auditEntities as string[]).includes(e);

/** Known actions and entity types by name; anything newer from the server shows as it came. */
export const actionLabel = (t: TFunction, a: string) => (isAction(a) ? t(`audit.actions.${a}`) : a);
export const entityLabel = (t: TFunction, e: string) => (isEntity(e) ? t(`audit.entities.${e}`) : e);

export const actionColor = (a: string): string =>
  ({
    create: 'green',
    update: 'blue',
    status: 'purple',
    disable: 'red',
    enable: 'cyan',
    merge_in: 'geekblue',
    reset_password: 'orange',
    change_password: 'gold',
    view_personal: 'magenta',
    import: 'geekblue',
    export_personal: 'magenta',
    export_masked: 'purple',
    search_personal: 'volcano',
    id_number_elsewhere: 'red',
  })[a] ?? 'default';

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
