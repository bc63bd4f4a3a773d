/**
 * Diary (民情日记) rules, pure: safe rich text, the draft a month's visits make, the life of an
 * entry (draft → submitted → returned/accepted), and taking personal data out before an entry goes
 * on the public diary page.
 */
import sanitizeHtml from 'sanitize-html';
import { visitKindNames, type VisitKind } from '../visits/rules.js';

type Text = { zh: string; en: string };

/** Simple tags only, no attributes, no links or images: what a diary needs and nothing to exploit. */
export const allowedTags = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'h3', 'h4'];

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object'],
  }).trim();
}

/** The words of an entry without tags (for length checks and previews). */
export const plainText = (html: string): string =>
  sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const entryStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type EntryStatus = (typeof entryStatuses)[number];

/** The cadre edits a draft or a returned entry; a submitted one waits for review; an accepted one is locked. */
export const isEditable = (status: EntryStatus): boolean => status === 'draft' || status === 'returned';

export const reviewActions = ['comment', 'accept', 'return'] as const;
export type ReviewAction = (typeof reviewActions)[number];

/** What a review action does to an entry's status, or the reason it cannot. */
export function afterReview(status: EntryStatus, action: ReviewAction): { status: EntryStatus } | { problem: Text } {
  if (action === 'comment') return { status };
  if (status !== 'submitted') {
    return status === 'accepted'
      ? { problem: { zh: '该日记已通过查阅，已锁定', en: 'The entry has been accepted and is locked' } }
      : { problem: { zh: '只能查阅已提交的日记', en: 'Only submitted entries can be accepted or returned' } };
  }
  return { status: action === 'accept' ? 'accepted' : 'returned' };
}

/** A new entry for a month: not for a month to come, nor for a past month whose diary was accepted (locked). */
export function newEntryProblem(month: string, currentMonth: string, monthHasAccepted: boolean): Text | null {
  if (month > currentMonth) return { zh: '不能为尚未到来的月份写日记', en: 'The month has not begun' };
  if (monthHasAccepted && month < currentMonth) return { zh: '该月日记已通过查阅并锁定', en: 'That month has been accepted and is locked' };
  return null;
}

export interface VisitForDraft {
  visitedOn: string;
  kind: VisitKind;
  /** The households' names as the cadre knows them (the head's name + 家). */
  householdNames: string[];
  villageName?: string | null;
  discussed: string | null;
  situation: { production?: string | null; life?: string | null; mood?: string | null };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The draft of a month's entry from its visits, oldest first: one paragraph a visit (day, kind,
 * whom, what was discussed, the situation), then an empty paragraph for the cadre's reflections.
 * The cadre edits this rather than retyping what the visits already say.
 */
export function draftFromVisits(month: string, visits: VisitForDraft[], lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const [y, m] = [month.slice(0, 4), Number(month.slice(5, 7))];
  const zh = lang !== 'en';
  const title = zh ? `<h3>${y}年${m}月民情日记</h3>` : `<h3>Diary for ${month}</h3>`;
  if (visits.length === 0) return `${title}<p>${zh ? '本月尚无走访记录。' : 'No visits recorded this month.'}</p>`;
  const paras = [...visits]
    .sort((a, b) => a.visitedOn.localeCompare(b.visitedOn))
    .map((v) => {
      const d = Number(v.visitedOn.slice(8, 10));
      const whom = v.householdNames.length ? v.householdNames.join('、') : (v.villageName ?? '');
      const kind = visitKindNames[v.kind];
      const parts: string[] = [];
      if (zh) {
        parts.push(`<strong>${m}月${d}日</strong> ${kind.zh}${whom ? `：${esc(whom)}` : ''}。`);
        if (v.discussed) parts.push(`谈了${esc(v.discussed)}。`);
        if (v.situation.production) parts.push(`生产：${esc(v.situation.production)}。`);
        if (v.situation.life) parts.push(`生活：${esc(v.situation.life)}。`);
        if (v.situation.mood) parts.push(`思想：${esc(v.situation.mood)}。`);
      } else {
        parts.push(`<strong>${v.visitedOn}</strong> ${kind.en}${whom ? `: ${esc(whom)}` : ''}.`);
        if (v.discussed) parts.push(`Discussed ${esc(v.discussed)}.`);
        if (v.situation.production) parts.push(`Production: ${esc(v.situation.production)}.`);
        if (v.situation.life) parts.push(`Life: ${esc(v.situation.life)}.`);
        if (v.situation.mood) parts.push(`Mood: ${esc(v.situation.mood)}.`);
      }
      return `<p>${parts.join(' ').replace(/([。.])\1+/g, '$1')}</p>`;
    });
  return [title, ...paras, `<p>${zh ? '体会与下步打算：' : 'Reflections and next steps:'}</p>`].join('');
}

/**
 * Before numbers are looked for, the text is put in the form a reader sees: inline markup removed
 * (<b>4331</b>24… reads as one number), zero-width and direction characters removed, full-width
 * digits and letters folded (４３３１ → 4331). Chinese punctuation is kept as it is.
 */
const inlineTags = /<\/?(?:strong|b|em|i|u|s|span)\s*\/?>/gi;
const invisible = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const fullWidthAlnum = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0B]/g;
export const normaliseForPublication = (html: string): string =>
  html
    .replace(inlineTags, '')
    .replace(invisible, '')
    .replace(fullWidthAlnum, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Between the digits of one written number: spaces, dots, dashes of every width, brackets. */
const sep = "[\\s\\u3000.\\-\\u2010-\\u2015\\uFF0D\\uFF0E\\u00B7\\u30FB/()（）_]";
const numberRun = new RegExp(`(?<![0-9A-Za-z])\\+?\\d(?:${sep}{0,3}\\d)*(?:${sep}{0,3}[Xx])?(?![0-9A-Za-z])`, 'g');

/** What a run of digits is: an ID number (18, or the old 15), a mobile (with or without +86), a landline with its area code. */
function personalKind(digits: string): 'id' | 'phone' | null {
  // An ID number starts with its province (1–8), which keeps "03-12 13907431234" a date and a phone.
  if (/^[1-8]\d{16}[\dXx]$/.test(digits) || /^[1-8]\d{14}$/.test(digits)) return 'id';
  if (/^(?:86)?1[3-9]\d{9}$/.test(digits) || /^0\d{9,11}$/.test(digits)) return 'phone';
  return null;
}

const mark = { id: '［身份证号已隐去］', phone: '［电话已隐去］' };

/**
 * Each run of digits and separators is cut into its groups; the longest consecutive groups that
 * make an ID number or a phone are replaced, so "2026-03-12 13907431234" keeps its date.
 */
function redactNumbers(text: string): string {
  return text.replace(numberRun, (run) => {
    const groups = [...run.matchAll(/\d+(?:[Xx](?!\d))?/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: m[0] }));
    let out = '';
    let at = 0;
    for (let i = 0; i < groups.length; i++) {
      for (let j = groups.length - 1; j >= i; j--) {
        const kind = personalKind(groups.slice(i, j + 1).map((g) => g.digits).join(''));
        if (!kind) continue;
        // A +86 or a bracket before the first group goes with the number.
        const from = i === 0 ? 0 : groups[i]!.start;
        out += run.slice(at, from) + mark[kind];
        at = groups[j]!.end;
        i = j;
        break;
      }
    }
    return out + run.slice(at);
  });
}

export interface StripOptions {
  /** Names of the members of the households the entry speaks of (and their heads). */
  names: string[];
  /** The programme allows surnames with 某 (龙某某) instead of dropping the name; default true. */
  allowSurname?: boolean;
}

/** 龙文斌 → 龙某某; 欧阳明 → 欧阳某 is beyond us: the first character and 某 per remaining one. */
const maskName = (name: string, allowSurname: boolean) => (allowSurname ? name[0] + '某'.repeat(Math.max(1, name.length - 1)) : '某户');

/**
 * The text the public may read: ID numbers and phone numbers removed, members' names replaced by
 * a surname and 某. Longer names first, so 龙文斌 is not half-masked by a member called 文斌. The
 * published text loses its inline emphasis (normaliseForPublication): a name or number split by
 * markup must be seen whole.
 */
export function stripPersonalData(html: string, opts: StripOptions): string {
  let out = redactNumbers(normaliseForPublication(html));
  const names = [...new Set(opts.names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of names) out = out.split(name).join(maskName(name, opts.allowSurname ?? true));
  return out;
}
