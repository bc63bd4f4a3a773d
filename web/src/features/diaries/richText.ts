/**
 * The diary's simple rich text, edited as plain text on a phone with no markup to learn: a blank
 * line between paragraphs; a visit's date (12月1日) alone on the first line of its paragraph is the
 * visit's heading (kept bold); the month's title line (2026年12月民情日记) is the entry's heading;
 * "- " and "1. " lines are lists, as people write them on paper. The server sanitises what is saved
 * (p, br, strong, em, u, s, ul/ol/li, blockquote, h3, h4); here its HTML becomes that text and back.
 * (The first editor showed "### " and "**…**": markup a cadre should not have to see.)
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of text as inline HTML: escaped, **bold** (typed by habit) made strong. */
function inline(line: string): string {
  return escapeHtml(line).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

/** A visit's date as the draft writes it: 12月1日, or 2026-12-01 in English. */
const dateLine = /^(\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2})$/;
/** The entry's title line: 2026年12月民情日记 (Diary for 2026-12). */
const titleLine = /^(\d{4}年\d{1,2}月民情日记|Diary for \d{4}-\d{2})$/;

/** Plain text with the conventions above, as the HTML the server keeps. */
export function textToHtml(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return blocks
    .map((lines) => {
      if (lines.length === 1 && titleLine.test(lines[0]!.trim())) return `<h3>${inline(lines[0]!.trim())}</h3>`;
      if (lines.length > 1 && dateLine.test(lines[0]!.trim()))
        return `<p><strong>${escapeHtml(lines[0]!.trim())}</strong> ${lines.slice(1).map(inline).join('<br>')}</p>`;
      if (lines.length === 1 && /^#{3,4}\s+/.test(lines[0]!)) {
        const level = lines[0]!.startsWith('####') ? 4 : 3;
        return `<h${level}>${inline(lines[0]!.replace(/^#{3,4}\s+/, ''))}</h${level}>`;
      }
      if (lines.every((l) => /^\s*[-*]\s+/.test(l)))
        return `<ul>${lines.map((l) => `<li>${inline(l.replace(/^\s*[-*]\s+/, ''))}</li>`).join('')}</ul>`;
      if (lines.every((l) => /^\s*\d+[.、]\s*/.test(l)))
        return `<ol>${lines.map((l) => `<li>${inline(l.replace(/^\s*\d+[.、]\s*/, ''))}</li>`).join('')}</ol>`;
      return `<p>${lines.map(inline).join('<br>')}</p>`;
    })
    .join('');
}

function inlineText(node: Node): string {
  let out = '';
  node.childNodes.forEach((c) => {
    if (c.nodeType === 3) out += (c.textContent ?? '').replace(/\n/g, ' ');
    else if (c.nodeType === 1) {
      const tag = (c as Element).tagName.toLowerCase();
      if (tag === 'br') out += '\n';
      else out += inlineText(c);
    }
  });
  return out;
}

/** The server's HTML as editable text (the inverse of textToHtml for what it makes). */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks: string[] = [];
  let loose = '';
  const flush = () => {
    if (loose.trim()) blocks.push(loose.trim());
    loose = '';
  };
  doc.body.childNodes.forEach((n) => {
    if (n.nodeType !== 1) {
      loose += n.textContent ?? '';
      return;
    }
    const el = n as Element;
    const tag = el.tagName.toLowerCase();
    if (tag === 'ul' || tag === 'ol') {
      flush();
      const items = Array.from(el.children).filter((c) => c.tagName.toLowerCase() === 'li');
      blocks.push(items.map((li, i) => `${tag === 'ul' ? '-' : `${i + 1}.`} ${inlineText(li).replace(/\n/g, ' ')}`).join('\n'));
    } else if (tag === 'h3' || tag === 'h4') {
      flush();
      const text = inlineText(el).trim();
      if (text) blocks.push(text);
    } else if (tag === 'p' || tag === 'blockquote' || tag === 'div') {
      flush();
      // A visit's paragraph opens with its date in bold: the date becomes the paragraph's own first line.
      const first = el.firstChild;
      const date = first && first.nodeType === 1 && /^(strong|b)$/i.test((first as Element).tagName) ? (first.textContent ?? '').trim() : '';
      const text = inlineText(el).trim();
      if (date && dateLine.test(date) && text.startsWith(date)) blocks.push(`${date}\n${text.slice(date.length).trim()}`);
      else if (text) blocks.push(text);
    } else loose += inlineText(el);
  });
  flush();
  return blocks.join('\n\n');
}
