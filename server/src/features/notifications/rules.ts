import type { Role } from '../../platform/roles.js';
import type { NotificationKind } from './tables.js';

type Text = { zh: string; en: string };
const n = (v: unknown) => (typeof v === 'number' ? v : 0);
const s = (v: unknown) => (typeof v === 'string' ? v : '');

/** The sentence a notification shows, from its kind and data. */
export function notificationText(kind: NotificationKind, data: Record<string, unknown>, dueOn: string): Text {
  switch (kind) {
    case 'visits_due':
      return {
        zh: `本月还有 ${n(data.count)} 户联系户未走访，请在 ${dueOn} 前走访`,
        en: `${n(data.count)} households still to visit by ${dueOn}`,
      };
    case 'visits_overdue':
      return {
        zh: `${s(data.month)} 有 ${n(data.count)} 户联系户未走访`,
        en: `${n(data.count)} households were not visited in ${s(data.month)}`,
      };
    case 'diary_due':
      return { zh: `本月民情日记尚未提交，请在 ${dueOn} 前提交`, en: `This month's diary entry is due by ${dueOn}` };
    case 'diary_overdue':
      return { zh: `${s(data.month)} 的民情日记未按时提交`, en: `The diary entry for ${s(data.month)} was not submitted` };
    case 'entry_returned':
      return {
        zh: `${s(data.month)} 的民情日记被退回修改：${s(data.comment)}`,
        en: `Your diary entry for ${s(data.month)} was returned: ${s(data.comment)}`,
      };
    case 'review_waiting':
      return { zh: `有 ${n(data.count)} 篇民情日记等待查阅`, en: `${n(data.count)} diary entries await your review` };
  }
}

/**
 * Who is reminded of visits and diaries: the accounts whose work is the field work (帮扶责任人 and
 * the branch secretary, whose menus have 记录走访 and 民情日记). A leader or unit head linked to a
 * cadre record is not told to write a diary they have no page for; administrators neither.
 * Reminders of what is due go out in the last week of the period (worklists/rules.ts dueSoonDays).
 */
export const remindsOfFieldWork = (role: Role | undefined): boolean => role === 'cadre' || role === 'branch_secretary';
