import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './richText';

describe('the diary text', () => {
  it('makes paragraphs, line breaks, bold, lists and headings', () => {
    const text = '### 2026年11月民情日记\n\n**11月3日** 入户走访\n谈了烤烟\n\n- 修路\n- 饮水\n\n1. 一\n2. 二';
    expect(textToHtml(text)).toBe(
      '<h3>2026年11月民情日记</h3><p><strong>11月3日</strong> 入户走访<br>谈了烤烟</p><ul><li>修路</li><li>饮水</li></ul><ol><li>一</li><li>二</li></ol>',
    );
  });

  it('escapes what is typed, so text never becomes markup', () => {
    expect(textToHtml('a < b & <script>x</script>')).toBe('<p>a &lt; b &amp; &lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('shows the server draft with no markup: the title, a date line heading each visit, paragraphs (a round trip keeps it)', () => {
    const html =
      '<h3>2026年12月民情日记</h3><p><strong>12月1日</strong> 入户走访：龙德华。谈了产业。</p><p><strong>12月2日</strong> 帮耕帮畜：麻玲家。</p><p>体会与下步打算：</p>';
    const text = htmlToText(html);
    expect(text).toBe('2026年12月民情日记\n\n12月1日\n入户走访：龙德华。谈了产业。\n\n12月2日\n帮耕帮畜：麻玲家。\n\n体会与下步打算：');
    expect(text).not.toMatch(/[#*]/);
    expect(textToHtml(text)).toBe(html);
  });

  it('makes a date typed alone on a paragraph’s first line the visit’s heading', () => {
    expect(textToHtml('12月5日\n又去了龙德华家\n看了羊圈')).toBe('<p><strong>12月5日</strong> 又去了龙德华家<br>看了羊圈</p>');
  });

  it('reads lists, line breaks and entities', () => {
    expect(htmlToText('<p>a &amp; b<br>c</p><ul><li>x</li><li><b>y</b></li></ul><ol><li>one</li></ol>')).toBe(
      'a & b\nc\n\n- x\n- y\n\n1. one',
    );
  });

  it('drops empty paragraphs and blank input', () => {
    expect(textToHtml('\n\n  \n')).toBe('');
    expect(htmlToText('<p></p><p>x</p>')).toBe('x');
  });
});
