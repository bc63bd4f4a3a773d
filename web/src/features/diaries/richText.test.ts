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

  it('reads the server draft back as the same text (a round trip keeps it)', () => {
    const html = '<h3>2026年11月民情日记</h3><p><strong>11月3日</strong> 入户走访：龙德华。谈了产业。</p><p>体会与下步打算：</p>';
    const text = htmlToText(html);
    expect(text).toBe('### 2026年11月民情日记\n\n**11月3日** 入户走访：龙德华。谈了产业。\n\n体会与下步打算：');
    expect(textToHtml(text)).toBe(html);
  });

  it('reads lists, line breaks and entities', () => {
    expect(htmlToText('<p>a &amp; b<br>c</p><ul><li>x</li><li><b>y</b></li></ul><ol><li>one</li></ol>')).toBe(
      'a & b\nc\n\n- x\n- **y**\n\n1. one',
    );
  });

  it('drops empty paragraphs and blank input', () => {
    expect(textToHtml('\n\n  \n')).toBe('');
    expect(htmlToText('<p></p><p>x</p>')).toBe('x');
  });
});
