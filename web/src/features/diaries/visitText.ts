import type { Visit } from '../visits/api';

type Lang = 'zh-CN' | 'en';
const kindNames: Record<Visit['kind'], [string, string]> = {
  home_visit: ['入户走访', 'Home visit'],
  meeting: ['座谈', 'Meeting'],
  condolence: ['慰问', 'Condolence'],
  farm_help: ['帮耕帮畜', 'Farm help'],
  volunteer_labour: ['义务劳动', 'Volunteer labour'],
  lecture: ['宣讲', 'Lecture'],
  other: ['其他', 'Other'],
};

const stop = (s: string) => s.replace(/[。.]+$/, '');

/**
 * A visit as a paragraph of the diary's editable text, in the words the server's draft uses, so a
 * visit recorded after the entry was drafted is added without typing it again.
 */
export function visitParagraph(
  v: Pick<Visit, 'visitedOn' | 'kind' | 'households' | 'regionName' | 'discussed' | 'production' | 'life' | 'mood'>,
  lang: Lang = 'zh-CN',
): string {
  const zh = lang !== 'en';
  const whom = v.households.length
    ? v.households.map((h) => (zh ? `${h.headName ?? ''}家` : (h.headName ?? ''))).join(zh ? '、' : ', ')
    : (v.regionName ?? '');
  const [, m, d] = v.visitedOn.split('-').map(Number);
  const parts: string[] = [];
  if (zh) {
    parts.push(`${kindNames[v.kind][0]}${whom ? `：${whom}` : ''}。`);
    if (v.discussed) parts.push(`谈了${stop(v.discussed)}。`);
    if (v.production) parts.push(`生产：${stop(v.production)}。`);
    if (v.life) parts.push(`生活：${stop(v.life)}。`);
    if (v.mood) parts.push(`思想：${stop(v.mood)}。`);
  } else {
    parts.push(`${kindNames[v.kind][1]}${whom ? `: ${whom}` : ''}.`);
    if (v.discussed) parts.push(`Discussed ${stop(v.discussed)}.`);
    if (v.production) parts.push(`Production: ${stop(v.production)}.`);
    if (v.life) parts.push(`Life: ${stop(v.life)}.`);
    if (v.mood) parts.push(`Mood: ${stop(v.mood)}.`);
  }
  // The day on its own first line: the visit's heading in the plain editor (richText.ts).
  return `${zh ? `${m}月${d}日` : v.visitedOn}\n${parts.join(' ').replace(/\n+/g, ' ')}`;
}

/** The text with the visits' paragraphs added: before the closing 体会与下步打算 line if the draft has one. */
export function withVisits(text: string, paragraphs: string[]): string {
  if (paragraphs.length === 0) return text;
  const blocks = text.split(/\n\s*\n/);
  const closing = blocks.findIndex((b) => /^(体会与下步打算|Reflections and next steps)/.test(b.trim()));
  if (closing === -1) return [...blocks.filter((b) => b.trim() !== ''), ...paragraphs].join('\n\n');
  return [...blocks.slice(0, closing), ...paragraphs, ...blocks.slice(closing)].join('\n\n');
}
