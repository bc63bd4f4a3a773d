/**
 * A lean streaming reader of .xlsx sheets. The zip is read by its central directory (the stored
 * upload is read by byte ranges): first the small parts (workbook.xml and its relations,
 * styles.xml for the date formats, sharedStrings.xml — which Excel and exceljs both write AFTER
 * the sheets), then the one sheet wanted, unpacked by native zlib as it streams. Its XML is
 * scanned with indexOf for <row>, <c>, <v> and <is><t> rather than fed to a general XML parser:
 * a few µs a row where exceljs's streaming reader spends ~110 µs. Memory holds the shared strings
 * (as Excel keeps them) and a chunk of the sheet, never the sheet.
 */
import { Readable, Transform } from 'node:stream';
import { posix } from 'node:path';
import zlib from 'node:zlib';
import { excelSerialToIso, type Cell, type SheetRow } from './excel.js';

// ── limits ──

/**
 * What an upload may unpack to. A 299 KB file whose sharedStrings.xml unpacked to 300 MB held the
 * event loop for seconds and grew the process by half a gigabyte; an 80 KB file with one 80 MB
 * unclosed <row> was scanned again at every chunk. Real registers: a 100k-row sheet unpacks to
 * ~50 MB at 5–20× its packed size, its shared strings to ~15 MB, a row to a few KB.
 */
export const xlsxLimits = {
  /** workbook.xml, its relations, styles.xml, sharedStrings.xml: each read whole, so kept small. */
  partBytes: 32 * 1024 * 1024,
  sheetBytes: 512 * 1024 * 1024,
  /** Unpacked bytes per packed byte, beyond the first `ratioAllowance` bytes of a part. */
  ratio: 100,
  ratioAllowance: 4 * 1024 * 1024,
  /** Sheet text held waiting for a row to close (one row, or what comes before <sheetData>). */
  pendingChars: 4 * 1024 * 1024,
};

// ── XML text ──

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character data → text: the five named entities and numeric references. */
export function xmlText(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n <= 0x10ffff ? String.fromCodePoint(n) : all;
    }
    return entities[e] ?? all;
  });
}

/** The value of attribute `name` within an open tag's text, or null. */
function attr(tag: string, name: string): string | null {
  let at = 0;
  for (;;) {
    const i = tag.indexOf(name, at);
    if (i < 0) return null;
    const before = tag.charCodeAt(i - 1);
    // a whole attribute name: preceded by a space (or a prefix's colon), followed by = and a quote
    if ((before === 32 || before === 9 || before === 10 || before === 13 || before === 58) && tag.charCodeAt(i + name.length) === 61) {
      const q = tag[i + name.length + 1];
      const end = tag.indexOf(q!, i + name.length + 2);
      return end < 0 ? null : xmlText(tag.slice(i + name.length + 2, end));
    }
    at = i + name.length;
  }
}

/** Index of `<name` as a whole tag name (followed by space, > or /) from `from`, or -1. */
function openTag(xml: string, name: string, from: number, to = xml.length): number {
  for (let i = xml.indexOf(name, from); i >= 0 && i < to; i = xml.indexOf(name, i + 1)) {
    const c = xml.charCodeAt(i + name.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return i;
  }
  return -1;
}

/**
 * The text of a string item (<si> of sharedStrings, <is> of an inline string): every <t> joined
 * (rich text runs), phonetic runs (<rPh>) left out.
 */
function itemText(whole: string, from: number, to: number, p: string): string {
  // searched within the item only (indexOf on the whole document would make it quadratic)
  const xml = whole.slice(from, to);
  to = xml.length;
  const tOpen = `<${p}t`;
  const tClose = `</${p}t>`;
  const phon = `<${p}rPh`;
  const phonEnd = `</${p}rPh>`;
  let out = '';
  let i = 0;
  for (;;) {
    const t = openTag(xml, tOpen, i, to);
    if (t < 0) break;
    const ph = openTag(xml, phon, i, t);
    if (ph >= 0) {
      const e = xml.indexOf(phonEnd, ph);
      i = e < 0 ? to : e + phonEnd.length;
      continue;
    }
    const gt = xml.indexOf('>', t);
    if (xml.charCodeAt(gt - 1) === 47) {
      i = gt + 1; // <t/>
      continue;
    }
    const e = xml.indexOf(tClose, gt);
    if (e < 0 || e > to) break;
    out += xml.slice(gt + 1, e);
    i = e + tClose.length;
  }
  return xmlText(out);
}

/** The namespace prefix ('' or 'x:') of the document element named `root`. */
function prefixOf(xml: string, root: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>]`).exec(xml);
  return m ? (m[1] ?? '') : null;
}

// ── the small parts ──

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ones). */
const builtInDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format is a date when it has date or time letters outside quotes and brackets (as exceljs decides). */
export const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Which cell styles (the s="" index) show numbers as dates. */
export function dateStyles(xml: string): boolean[] {
  const p = prefixOf(xml, 'styleSheet') ?? '';
  const custom = new Map<number, boolean>();
  for (let i = openTag(xml, `<${p}numFmt`, 0); i >= 0; i = openTag(xml, `<${p}numFmt`, i + 1)) {
    const tag = xml.slice(i, xml.indexOf('>', i));
    custom.set(Number(attr(tag, 'numFmtId')), isDateFormat(attr(tag, 'formatCode') ?? ''));
  }
  const out: boolean[] = [];
  const start = openTag(xml, `<${p}cellXfs`, 0);
  if (start < 0) return out;
  const end = xml.indexOf(`</${p}cellXfs>`, start);
  for (let i = openTag(xml, `<${p}xf`, start, end); i >= 0; i = openTag(xml, `<${p}xf`, i + 1, end)) {
    const id = Number(attr(xml.slice(i, xml.indexOf('>', i)), 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? builtInDateFormats.has(id));
  }
  return out;
}

/** Shared strings, in order. */
export function sharedStrings(xml: string): string[] {
  const p = prefixOf(xml, 'sst') ?? '';
  const out: string[] = [];
  const si = `<${p}si`;
  const siEnd = `</${p}si>`;
  for (let i = openTag(xml, si, 0); i >= 0;) {
    const gt = xml.indexOf('>', i);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push('');
      i = openTag(xml, si, gt);
      continue;
    }
    const e = xml.indexOf(siEnd, gt);
    if (e < 0) break;
    out.push(itemText(xml, gt + 1, e, p));
    i = openTag(xml, si, e);
  }
  return out;
}

interface SheetEntry {
  name: string;
  path: string;
  hidden: boolean;
}

/** The workbook's sheets in order, with their part paths; and whether dates count from 1904. */
export function workbookSheets(
  workbookXml: string,
  relsXml: string,
): { sheets: SheetEntry[]; date1904: boolean; sharedStrings: string | null; styles: string | null } {
  const targets = new Map<string, string>();
  let strings: string | null = null;
  let styles: string | null = null;
  for (let i = openTag(relsXml, '<Relationship', 0); i >= 0; i = openTag(relsXml, '<Relationship', i + 1)) {
    const tag = relsXml.slice(i, relsXml.indexOf('>', i));
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (!target) continue;
    const path = posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    if (id) targets.set(id, path);
    const type = attr(tag, 'Type') ?? '';
    if (type.endsWith('/sharedStrings')) strings = path;
    else if (type.endsWith('/styles')) styles = path;
  }
  const p = prefixOf(workbookXml, 'workbook') ?? '';
  const sheets: SheetEntry[] = [];
  for (let i = openTag(workbookXml, `<${p}sheet`, 0); i >= 0; i = openTag(workbookXml, `<${p}sheet`, i + 1)) {
    const tag = workbookXml.slice(i, workbookXml.indexOf('>', i));
    const rid = attr(tag, 'r:id') ?? /\s[\w]+:id="([^"]*)"/.exec(tag)?.[1] ?? null;
    const path = rid ? targets.get(rid) : undefined;
    const state = attr(tag, 'state');
    if (path) sheets.push({ name: attr(tag, 'name') ?? '', path, hidden: state === 'hidden' || state === 'veryHidden' });
  }
  const pr = openTag(workbookXml, `<${p}workbookPr`, 0);
  const date1904v = pr >= 0 ? attr(workbookXml.slice(pr, workbookXml.indexOf('>', pr)), 'date1904') : null;
  return { sheets, date1904: date1904v === '1' || date1904v === 'true', sharedStrings: strings, styles };
}

// ── the sheet ──

export interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

const blank = (s: string): Cell => (s.trim() === '' ? null : s);

/**
 * Scans a sheet's XML as it arrives: push text, take the complete rows found so far. Cells become
 * plain JSON as platform/excel plainCell makes exceljs's values: shared, inline and formula
 * strings; numbers; booleans; numbers in a date style as YYYY-MM-DD; errors and blanks as null.
 */
export class SheetScanner {
  private buf = '';
  private p: string | null = null;
  private inData = false;
  private done = false;
  private nextRow = 1;
  private tags: { c: string; cEnd: string; is: string; v: string; vEnd: string; f: string } | null = null;
  /** The shared strings as cells (blank ones null). */
  private shared: Cell[] | null = null;
  /** Where in buf the search for the open row's end resumes: each char is searched once (linear). */
  private searched = 0;

  constructor(
    private readonly ctx: SheetContext,
    private readonly maxPending = xlsxLimits.pendingChars,
  ) {}

  push(text: string): SheetRow[] {
    if (this.done) return [];
    this.buf += text;
    if (this.buf.length > this.maxPending) throw new XlsxError('a row of the sheet is too large');
    const out: SheetRow[] = [];
    if (this.p === null) {
      this.p = prefixOf(this.buf, 'worksheet');
      if (this.p === null) return out;
    }
    const p = this.p;
    if (!this.inData) {
      const i = openTag(this.buf, `<${p}sheetData`, 0);
      if (i < 0) return out;
      const gt = this.buf.indexOf('>', i);
      if (gt < 0) return out;
      if (this.buf.charCodeAt(gt - 1) === 47) {
        this.done = true;
        this.buf = '';
        return out;
      }
      this.inData = true;
      this.buf = this.buf.slice(gt + 1);
    }
    const rowTag = `<${p}row`;
    const rowEnd = `</${p}row>`;
    const dataEnd = `</${p}sheetData>`;
    const xml = this.buf;
    let at = 0;
    for (;;) {
      const r = openTag(xml, rowTag, at);
      if (r < 0) {
        if (xml.indexOf(dataEnd, at) >= 0) {
          this.done = true;
          this.buf = '';
          return out;
        }
        break;
      }
      const gt = xml.indexOf('>', r);
      if (gt < 0) break;
      const open = xml.slice(r, gt);
      const rAttr = attr(open, 'r');
      const number = rAttr ? Number(rAttr) : this.nextRow;
      if (xml.charCodeAt(gt - 1) === 47) {
        this.nextRow = number + 1;
        at = gt + 1;
        continue;
      }
      // Resume where the last push's search for this row's end stopped (less the tag's length).
      const e = xml.indexOf(rowEnd, Math.max(gt, this.searched - rowEnd.length));
      if (e < 0) {
        this.searched = xml.length - r;
        this.buf = xml.slice(r);
        return out;
      }
      this.searched = 0;
      this.nextRow = number + 1;
      const cells = this.cells(xml, gt + 1, e, p);
      if (cells) out.push({ rowNumber: number, cells });
      at = e + rowEnd.length;
    }
    this.buf = xml.slice(at);
    return out;
  }

  /** The cells of a row's content xml[from, to); null when none has a value. */
  private cells(xml: string, from: number, to: number, p: string): Cell[] | null {
    const cells: Cell[] = [];
    let any = false;
    let col = -1;
    const tags = (this.tags ??= { c: `<${p}c`, cEnd: `</${p}c>`, is: `<${p}is`, v: `<${p}v`, vEnd: `</${p}v>`, f: `<${p}f` });
    const cTag = tags.c;
    const cEnd = tags.cEnd;
    const plain = p === '';
    for (let i = openTag(xml, cTag, from, to); i >= 0; ) {
      const next = plain ? this.common(xml, i) : -1;
      if (next > 0) {
        col = this.commonCol;
        if (this.commonValue !== null) {
          while (cells.length < col) cells.push(null);
          cells[col] = this.commonValue;
          any = true;
        }
        // the next cell usually starts right here (a search for a multi-char pattern costs more than the cell)
        i = xml.charCodeAt(next) === 60 && xml.charCodeAt(next + 1) === 99 && xml.charCodeAt(next + 2) === 32 && next < to ? next : openTag(xml, cTag, next, to);
        continue;
      }
      const gt = xml.indexOf('>', i);
      // the attributes r (reference), t (type) and s (style), read in place
      let ref = -1;
      let type = '';
      let style = -1;
      for (let k = i + cTag.length; k < gt; ) {
        const eq = xml.indexOf('=', k);
        if (eq < 0 || eq > gt) break;
        const q = xml.charCodeAt(eq + 1);
        if (q !== 34 && q !== 39) break;
        const end = xml.indexOf(q === 34 ? '"' : "'", eq + 2);
        if (end < 0) break;
        // a one-letter name, alone or after a prefix's colon
        const n = xml.charCodeAt(eq - 1);
        const before = xml.charCodeAt(eq - 2);
        if (before === 32 || before === 9 || before === 10 || before === 13 || before === 58) {
          if (n === 114) ref = end > eq + 2 ? columnAt(xml, eq + 2, end) : -1;
          else if (n === 116) type = xml.slice(eq + 2, end);
          else if (n === 115) style = end > eq + 2 ? Number(xml.slice(eq + 2, end)) : -1;
        }
        k = end + 1;
      }
      col = ref >= 0 ? ref : col + 1;
      if (xml.charCodeAt(gt - 1) === 47) {
        i = openTag(xml, cTag, gt, to);
        continue;
      }
      const e = xml.indexOf(cEnd, gt);
      if (e < 0 || e > to) break;
      const value = this.value(xml, gt + 1, e, type, style, p, tags);
      if (value !== null) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
        any = true;
      }
      i = openTag(xml, cTag, e, to);
    }
    return any ? cells : null;
  }

  private commonCol = 0;
  private commonValue: Cell = null;

  /**
   * The common cell, as Excel, WPS and exceljs write it — `<c r="B2" s="3" t="s"><v>12</v></c>`,
   * s and t optional, t only "s" — read char by char into commonCol and commonValue; answers the
   * index after it, or -1 for any other shape (read by the general path).
   */
  private common(xml: string, i: number): number {
    if (xml.charCodeAt(i + 2) !== 32 || xml.charCodeAt(i + 3) !== 114 || xml.charCodeAt(i + 4) !== 61 || xml.charCodeAt(i + 5) !== 34) return -1;
    let k = i + 6;
    let col = 0;
    for (let c = xml.charCodeAt(k); c >= 65 && c <= 90; c = xml.charCodeAt(++k)) col = col * 26 + (c - 64);
    if (col === 0) return -1;
    for (let c = xml.charCodeAt(k); c >= 48 && c <= 57; c = xml.charCodeAt(++k));
    if (xml.charCodeAt(k++) !== 34) return -1;
    let style = -1;
    if (xml.startsWith(' s="', k)) {
      k += 4;
      style = 0;
      for (let c = xml.charCodeAt(k); c >= 48 && c <= 57; c = xml.charCodeAt(++k)) style = style * 10 + (c - 48);
      if (xml.charCodeAt(k++) !== 34) return -1;
    }
    let shared = false;
    if (xml.startsWith(' t="s"', k)) {
      shared = true;
      k += 6;
    }
    if (xml.charCodeAt(k) !== 62 || !xml.startsWith('<v>', k + 1)) return -1;
    const from = k + 4;
    let end = from;
    while (end < from + 40 && xml.charCodeAt(end) !== 60) end++;
    if (!xml.startsWith('</v></c>', end)) return -1;
    if (shared) {
      let n = 0;
      for (k = from; k < end; k++) {
        const d = xml.charCodeAt(k) - 48;
        if (d < 0 || d > 9) return -1;
        n = n * 10 + d;
      }
      if (end === from) return -1;
      this.commonValue = (this.shared ??= this.ctx.strings.map(blank))[n] ?? null;
    } else {
      const v = xml.slice(from, end);
      const n = v.trim() === '' ? NaN : Number(v);
      // a value in a date style is a date (no formula here: its <f> would come before <v>)
      this.commonValue = !Number.isFinite(n) ? null : style >= 0 && this.ctx.dates[style] ? serialDate(n, this.ctx.date1904) : n;
    }
    this.commonCol = col - 1;
    return end + 8;
  }

  private value(xml: string, from: number, to: number, t: string, style: number, p: string, tags: NonNullable<SheetScanner['tags']>): Cell {
    if (t === 'inlineStr') {
      const is = openTag(xml, tags.is, from, to);
      return is < 0 ? null : blank(itemText(xml, is, to, p));
    }
    const vOpen = openTag(xml, tags.v, from, to);
    if (vOpen < 0) return null;
    const gt = xml.indexOf('>', vOpen);
    if (xml.charCodeAt(gt - 1) === 47) return null;
    const vEnd = xml.indexOf(tags.vEnd, gt);
    if (t === 's') {
      // a shared string's index, read digit by digit
      let n = 0;
      let k = gt + 1;
      for (; k < vEnd; k++) {
        const d = xml.charCodeAt(k) - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (k !== vEnd || k === gt + 1) n = Number(xml.slice(gt + 1, vEnd));
      return (this.shared ??= this.ctx.strings.map(blank))[n] ?? null;
    }
    const v = xml.slice(gt + 1, vEnd);
    switch (t) {
      case 'str':
        return blank(xmlText(v));
      case 'b':
        return v.trim() === '' ? null : Number(v) !== 0;
      case 'e':
        return null;
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
      default: {
        if (v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return null;
        // formulas keep their number, as exceljs does; a value in a date style is a date
        if (style >= 0 && this.ctx.dates[style] && openTag(xml, tags.f, from, to) < 0) return serialDate(n, this.ctx.date1904);
        return n;
      }
    }
  }
}

/** The column of a cell reference (A1, AB12) in xml[from, to) → 0-based index. */
function columnAt(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

/** A date cell's serial number → YYYY-MM-DD (exceljs rounds to the millisecond, then the UTC day). */
function serialDate(n: number, date1904: boolean): string | null {
  const ms = Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? excelSerialToIso(n) : d.toISOString().slice(0, 10);
}

// ── the zip ──

export class XlsxError extends Error {}

/** A stored file read by byte ranges (end inclusive, as fs.createReadStream takes it). */
export interface RangeSource {
  size: number;
  read(start: number, end: number): Readable;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

async function bytes(src: RangeSource, start: number, length: number): Promise<Buffer> {
  if (length <= 0) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  for await (const c of src.read(start, start + length - 1)) parts.push(c as Buffer);
  const out = Buffer.concat(parts);
  if (out.length < length) throw new XlsxError('truncated zip');
  return out;
}

/**
 * The zip's table of contents, from its central directory at the end of the file (as yauzl and
 * Excel read it): exact sizes and offsets, whatever the writer put in its local headers.
 */
export async function zipEntries(src: RangeSource): Promise<Map<string, ZipEntry>> {
  const tailLength = Math.min(src.size, 22 + 0xffff);
  const tail = await bytes(src, src.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxError('not a zip: no end of central directory');
  const count = tail.readUInt16LE(eocd + 10);
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new XlsxError('zip64 workbooks are not supported');
  if (cdOffset + cdSize > src.size) throw new XlsxError('truncated zip');
  const cd = await bytes(src, cdOffset, cdSize);
  const entries = new Map<string, ZipEntry>();
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) throw new XlsxError('bad central directory');
    const nameLength = cd.readUInt16LE(at + 28);
    const name = cd.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name.replace(/\\/g, '/'), {
      name,
      method: cd.readUInt16LE(at + 10),
      compressedSize: cd.readUInt32LE(at + 20),
      localOffset: cd.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + cd.readUInt16LE(at + 30) + cd.readUInt16LE(at + 32);
  }
  return entries;
}

/** Fails the stream once it unpacks past `limit` bytes or past the ratio to its packed size. */
function bounded(stream: Readable, e: ZipEntry, limit: number): Readable {
  let total = 0;
  const out = new Transform({
    transform(chunk: Buffer, _enc, done) {
      total += chunk.length;
      if (total > limit) return done(new XlsxError(`${e.name} unpacks to more than ${limit} bytes`));
      if (total > xlsxLimits.ratioAllowance && total > xlsxLimits.ratio * Math.max(1, e.compressedSize)) return done(new XlsxError(`${e.name} unpacks to more than ${xlsxLimits.ratio} times its size`));
      done(null, chunk);
    },
  });
  stream.on('error', (err) => out.destroy(err));
  out.on('close', () => stream.destroy());
  return stream.pipe(out);
}

/** An entry's bytes, unpacked as they stream (native zlib, off the main thread), at most `limit` of them. */
async function entryStream(src: RangeSource, e: ZipEntry, limit: number): Promise<Readable> {
  const local = await bytes(src, e.localOffset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new XlsxError('bad local header');
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + e.compressedSize > src.size) throw new XlsxError('truncated zip');
  const raw = e.compressedSize === 0 ? Readable.from([]) : src.read(start, start + e.compressedSize - 1);
  if (e.method === 0) return bounded(raw, e, limit);
  if (e.method !== 8) throw new XlsxError(`unsupported compression ${e.method}`);
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  raw.on('error', (err) => inflate.destroy(err));
  return bounded(raw.pipe(inflate), e, limit);
}

async function entryText(src: RangeSource, e: ZipEntry | undefined): Promise<string | null> {
  if (!e) return null;
  const parts: Buffer[] = [];
  for await (const c of await entryStream(src, e, xlsxLimits.partBytes)) parts.push(c as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** A workbook opened: what its cells refer to, its visible sheets by name, and each sheet's XML as it is unpacked. */
export interface Book {
  context: SheetContext;
  sheets: string[];
  text(sheet: number): Promise<AsyncGenerator<string>>;
}

/**
 * Opens a workbook: its visible worksheets in order and what their cells refer to (shared strings,
 * date styles). Throws XlsxError when the file is not a readable workbook.
 */
export async function openBook(src: RangeSource): Promise<Book> {
  let parts: ZipEntry[];
  let names: string[];
  let context: SheetContext;
  try {
    const entries = await zipEntries(src);
    // parts by the name the workbook's relations give them (some writers capitalise), else the usual one
    const lower = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
    const find = (name: string) => entries.get(name) ?? lower.get(name.toLowerCase());
    const [workbook, rels] = await Promise.all(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'].map((name) => entryText(src, find(name))));
    if (!workbook || !rels) throw new XlsxError('not a workbook: no xl/workbook.xml');
    const book = workbookSheets(workbook, rels);
    const [styles, strings] = await Promise.all([
      entryText(src, find(book.styles ?? 'xl/styles.xml')),
      entryText(src, find(book.sharedStrings ?? 'xl/sharedStrings.xml')),
    ]);
    const visible = book.sheets.filter((s) => !s.hidden);
    parts = visible.map((s) => {
      const e = find(s.path);
      if (!e) throw new XlsxError(`no ${s.path} in the workbook`);
      return e;
    });
    names = visible.map((s) => s.name);
    context = { strings: strings ? sharedStrings(strings) : [], dates: styles ? dateStyles(styles) : [], date1904: book.date1904 };
  } catch (err) {
    throw err instanceof XlsxError ? err : new XlsxError(err instanceof Error ? err.message : String(err));
  }
  const text = async (i: number) => {
    const input = await entryStream(src, parts[i]!, xlsxLimits.sheetBytes);
    return (async function* () {
      const decoder = new TextDecoder('utf-8');
      try {
        for await (const chunk of input) yield decoder.decode(chunk as Buffer, { stream: true });
        yield decoder.decode();
      } catch (err) {
        throw new XlsxError(err instanceof Error ? err.message : String(err));
      } finally {
        input.destroy();
      }
    })();
  };
  return { context, sheets: names, text };
}

/** Rows of one sheet of an opened book, a chunk's worth at a time. Rows with no value at all are skipped. */
export async function* bookSheetBatches(book: Book, sheet: number): AsyncGenerator<SheetRow[]> {
  const scanner = new SheetScanner(book.context);
  for await (const text of await book.text(sheet)) {
    const rows = scanner.push(text);
    if (rows.length) yield rows;
  }
}

/**
 * Rows of the first visible worksheet, streamed a chunk's worth at a time (a promise per chunk of
 * the unpacked sheet, not per row). Rows with no value at all are skipped.
 */
export async function* readSheetBatches(src: RangeSource): AsyncGenerator<SheetRow[]> {
  const book = await openBook(src);
  if (book.sheets.length === 0) return;
  yield* bookSheetBatches(book, 0);
}

/** Rows of the first visible worksheet, one at a time (readSheetBatches). */
export async function* readSheetRows(src: RangeSource): AsyncGenerator<SheetRow> {
  for await (const rows of readSheetBatches(src)) yield* rows;
}
