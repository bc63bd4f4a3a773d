import { describe, expect, it } from 'vitest';
import { afterReview, draftFromVisits, isEditable, newEntryProblem, plainText, sanitizeRichText, stripPersonalData } from './rules.js';

describe('rich text is sanitised to simple tags', () => {
  it('keeps paragraphs and emphasis, drops scripts, handlers, links and styles', () => {
    const dirty =
      '<p onclick="x()">走访<strong>龙</strong><script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)><span style="color:red">红</span></p>';
    expect(sanitizeRichText(dirty)).toBe('<p>走访<strong>龙</strong>链接红</p>');
  });
  it('reads the plain words', () => {
    expect(plainText('<h3>标题</h3><p>一&nbsp;二</p>')).toBe('标题一 二');
  });
});

describe('a draft from the month’s visits', () => {
  it('writes one paragraph per visit in date order, with the situation, and room for reflections', () => {
    const html = draftFromVisits('2026-11', [
      {
        visitedOn: '2026-11-20',
        kind: 'farm_help',
        householdNames: ['龙文斌家'],
        discussed: null,
        situation: { production: '帮助收玉米' },
      },
      {
        visitedOn: '2026-11-03',
        kind: 'home_visit',
        householdNames: ['石金林家'],
        discussed: '养羊的打算',
        situation: { life: '住房安全', mood: '有信心' },
      },
    ]);
    expect(html).toBe(
      '<h3>2026年11月民情日记</h3><p><strong>11月3日</strong> 入户走访：石金林家。 谈了养羊的打算。 生活：住房安全。 思想：有信心。</p><p><strong>11月20日</strong> 帮耕帮畜：龙文斌家。 生产：帮助收玉米。</p><p>体会与下步打算：</p>',
    );
    expect(sanitizeRichText(html)).toBe(html);
  });
  it('escapes what cadres typed', () => {
    expect(
      draftFromVisits('2026-11', [
        { visitedOn: '2026-11-03', kind: 'meeting', householdNames: [], villageName: '吉久村', discussed: '<b>修路</b>', situation: {} },
      ]),
    ).toContain('谈了&lt;b&gt;修路&lt;/b&gt;');
  });
  it('says so when there were no visits', () => {
    expect(draftFromVisits('2026-02', [])).toContain('本月尚无走访记录');
  });
});

describe('personal data comes out before publication', () => {
  it('removes ID numbers and phones and masks members’ names', () => {
    const text = '<p>龙文斌（433124198001011234）家，电话13907431234，座机0743-5221234，妻子石花说文斌很勤快。</p>';
    expect(stripPersonalData(text, { names: ['龙文斌', '石花', '文斌'] })).toBe(
      '<p>龙某某（［身份证号已隐去］）家，电话［电话已隐去］，座机［电话已隐去］，妻子石某说文某很勤快。</p>',
    );
  });
  it('drops names altogether when the programme allows no surnames', () => {
    expect(stripPersonalData('石花家', { names: ['石花'], allowSurname: false })).toBe('某户家');
  });
  it('leaves other numbers alone', () => {
    expect(stripPersonalData('养羊48只，收入3500元，2026年', { names: [] })).toBe('养羊48只，收入3500元，2026年');
  });
});

describe('the life of an entry', () => {
  it('is edited as a draft or when returned, never once submitted or accepted', () => {
    expect([isEditable('draft'), isEditable('returned'), isEditable('submitted'), isEditable('accepted')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it('is accepted or returned only when submitted; comments change nothing', () => {
    expect(afterReview('submitted', 'accept')).toEqual({ status: 'accepted' });
    expect(afterReview('submitted', 'return')).toEqual({ status: 'returned' });
    expect(afterReview('accepted', 'comment')).toEqual({ status: 'accepted' });
    expect(afterReview('accepted', 'return')).toHaveProperty('problem');
    expect(afterReview('draft', 'accept')).toHaveProperty('problem');
  });
  it('is not begun for a month to come, nor for a past month already accepted', () => {
    expect(newEntryProblem('2026-12', '2026-11', false)).not.toBeNull();
    expect(newEntryProblem('2026-10', '2026-11', true)).not.toBeNull();
    expect(newEntryProblem('2026-11', '2026-11', true)).toBeNull();
    expect(newEntryProblem('2026-10', '2026-11', false)).toBeNull();
  });
});
