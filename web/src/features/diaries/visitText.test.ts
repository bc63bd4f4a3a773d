import { describe, expect, it } from 'vitest';
import { visitParagraph, withVisits } from './visitText';

const visit = {
  visitedOn: '2026-11-03',
  kind: 'home_visit' as const,
  households: [{ id: '019b76da-a800-7d2e-b421-9a4a8ab75150', headName: '龙德华', regionCode: '433124213209001' }],
  regionName: '吉久村',
  discussed: '烤烟育苗的技术。',
  production: '烤烟长势良好',
  life: null,
  mood: '有信心',
};

describe('a visit added to the diary', () => {
  it('reads like the server draft: the day on its own line (the visit’s heading), the kind, whom, what was discussed and the situation', () => {
    expect(visitParagraph(visit)).toBe('11月3日\n入户走访：龙德华家。 谈了烤烟育苗的技术。 生产：烤烟长势良好。 思想：有信心。');
    expect(visitParagraph({ ...visit, households: [], kind: 'meeting', discussed: null, production: null, mood: null })).toBe(
      '11月3日\n座谈：吉久村。',
    );
    expect(visitParagraph(visit, 'en')).toBe(
      '2026-11-03\nHome visit: 龙德华. Discussed 烤烟育苗的技术. Production: 烤烟长势良好. Mood: 有信心.',
    );
  });

  it('goes before the closing 体会与下步打算, or at the end when there is none', () => {
    expect(withVisits('### 标题\n\n**11月1日** 慰问。\n\n体会与下步打算：', ['新的一段'])).toBe(
      '### 标题\n\n**11月1日** 慰问。\n\n新的一段\n\n体会与下步打算：',
    );
    expect(withVisits('只有一段', ['a', 'b'])).toBe('只有一段\n\na\n\nb');
    expect(withVisits('x', [])).toBe('x');
  });
});
