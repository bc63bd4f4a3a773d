/**
 * The diary's simple rich text, edited as plain text on a phone: a blank line between
 * paragraphs, "### " a heading, "- " a bullet, "1. " a numbered item, **bold**. The server
 * sanitises what is saved (p, br, strong, em, u, s, ul/ol/li, blockquote, h3, h4); here the
 * HTML is turned into that text for editing and back again.
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line of text as inline HTML: escaped, **bold** made strong. */
function inline(line: string): string {
  return escapeHtml(line).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

/** Plain text with the conventions above, as the HTML the server keeps. */
export function textToHtml(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((lines) => lines.length > 0);
  return blocks
    .map((lines) => {
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
      else if (tag === 'strong' || tag === 'b') out += `**${inlineText(c)}**`;
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
      blocks.push(`${tag === 'h3' ? '###' : '####'} ${inlineText(el)}`);
    } else if (tag === 'p' || tag === 'blockquote' || tag === 'div') {
      flush();
      const text = inlineText(el).trim();
      if (text) blocks.push(text);
    } else loose += inlineText(el);
  });
  flush();
  return blocks.join('\n\n');
}
