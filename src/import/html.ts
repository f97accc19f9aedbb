/**
 * A web page (or the HTML mammoth makes of a Word document) as blocks. The page is parsed as a
 * browser parses it (parse5), so Word's markup reads as it shows: `<!--[if …]>` conditional
 * comments are comments, `<![if !supportLists]>` content shows, `<o:p>` and nested `<span
 * style='mso-…'>` are inline text. Paragraph elements and `<br>` end a paragraph; tables keep
 * their merged cells; images, attachment links and embedded objects become `lost` blocks.
 */

import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { RUN_IN_END, tidyText, type Block, type ImportedChart, type Loc, type SourceCell, type TextLook } from './blocks.js';

type Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];

/** How block locations are counted. */
export interface HtmlOptions {
  /** The HTML came from a Word document: count its paragraphs and tables instead of lines. */
  readonly docx?: boolean;
}

const SKIP = new Set(['head', 'script', 'style', 'template', 'title', 'meta', 'link', 'xml', 'noscript', 'select', 'textarea', 'svg', 'math']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'main', 'nav', 'aside', 'blockquote', 'center', 'address', 'pre', 'form', 'fieldset', 'figure', 'figcaption', 'hr', 'body', 'html']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
const OBJECT = new Set(['iframe', 'object', 'embed', 'video', 'audio', 'canvas']);
/** Links to files a report page attaches (the report as PDF, a spreadsheet, an archive). */
const ATTACHMENT = /\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|pptx?|txt|csv)(?:[?#].*)?$/i;

const isElement = (node: Node): node is Element => 'tagName' in node;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const BOLD = new Set(['b', 'strong', 'h1', 'h2', 'h3']);
/** Words of an id or class that name the page's furniture, and words that name its content (printContent is the report). */
const CHROME_WORD = /^(footer|foot|nav|navbar|navigation|menu|share|bdshare|print|breadcrumb|crumb|crumbs)$/;
const CONTENT_WORD = /^(content|article|body|main|text|con|detail|zoom|doc|info)$/;

/** Whether an element is the page's furniture: <footer>, <nav> (not an article's own: its signature, its contents), or a container its id or class names so. */
function isChrome(el: Element, tag: string, inArticle: boolean): boolean {
  if (tag === 'footer' || tag === 'nav') return !inArticle;
  return `${attr(el, 'id') ?? ''} ${attr(el, 'class') ?? ''}`.split(/\s+/).some((name) => {
    const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/);
    return words.some((w) => CHROME_WORD.test(w)) && !words.some((w) => CONTENT_WORD.test(w));
  });
}

/** Whether an element centres its text (align=center, text-align: center, <center>). */
function centres(el: Element, tag: string): boolean {
  return tag === 'center' || /^center$/i.test(attr(el, 'align') ?? '') || /text-align\s*:\s*center/i.test(attr(el, 'style') ?? '');
}

/** Reads `html` into blocks, in reading order. Pure. */
export function htmlBlocks(html: string, options: HtmlOptions = {}): Block[] {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const out: Block[] = [];
  const counters = { paragraph: 0, table: 0 };
  let buffer = '';
  let linkText = '';
  let bufferLoc: Loc | undefined;
  let runIn = false;
  let pending: Block[] = [];
  let pageTitle: Block | undefined;
  // Text set bold or centred, and whether the walk is inside the page's furniture.
  const depth = { bold: 0, centered: 0, chrome: 0, article: 0 };
  let bold = '';
  let centered = '';

  const lineOf = (node: Node): Loc => ({ line: ('sourceCodeLocation' in node && node.sourceCodeLocation?.startLine) || 1 });
  const here = (node: Node): Loc => (options.docx ? { paragraph: Math.max(counters.paragraph, 1) } : lineOf(node));
  const flush = () => {
    const text = tidyText(buffer);
    // A paragraph that is only an attachment link (附件：…pdf) lives on in its `lost` block.
    const rest = linkText ? tidyText(text.replace(tidyText(linkText), '')) : text;
    const look: TextLook = { ...(tidyText(bold) === text ? { bold: true } : {}), ...(tidyText(centered) === text ? { centered: true } : {}) };
    const marks = { ...(runIn ? { runIn: true } : {}), ...(Object.keys(look).length ? { look } : {}), ...(depth.chrome ? { chrome: true } : {}) };
    if (text && !(linkText && /^(附件\s*\d*\s*[:：.、]?\s*)?$/.test(rest))) out.push({ kind: 'text', text, loc: bufferLoc ?? { line: 1 }, ...marks });
    out.push(...pending);
    buffer = linkText = bold = centered = '';
    bufferLoc = undefined;
    runIn = false;
    pending = [];
  };
  const lost = (what: 'image' | 'attachment' | 'object', detail: string, node: Node): void => {
    pending.push({ kind: 'lost', what, detail, loc: here(node) });
  };

  const walk = (node: Node, inRunIn: boolean): void => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value;
      if (!bufferLoc && value.trim()) bufferLoc = here(node);
      buffer += value;
      if (depth.bold) bold += value;
      if (depth.centered) centered += value;
      return;
    }
    if (!isElement(node)) {
      if ('childNodes' in node) for (const child of node.childNodes) walk(child, inRunIn);
      return;
    }
    const tag = node.tagName.toLowerCase();
    const titleEl = tag === 'title' ? node : tag === 'head' ? descendants(node, 'title')[0] : undefined;
    if (titleEl && !pageTitle) {
      const text = tidyText(titleEl.childNodes.map(textOf).join(''));
      if (text) pageTitle = { kind: 'page-title', text, loc: lineOf(titleEl) };
    }
    if (SKIP.has(tag) || attr(node, 'hidden') !== undefined) return;
    if (tag === 'table') {
      flush();
      if (options.docx) counters.table++;
      out.push(readTable(node, options.docx ? { table: counters.table } : undefined, lost));
      out.push(...pending);
      pending = [];
      return;
    }
    // nianbao's own chart: its figure carries what it drew; its drawing is no text to read.
    const drawn = tag === 'figure' ? chartOf(node) : undefined;
    if (drawn) {
      flush();
      out.push({ kind: 'chart', chart: drawn, loc: here(node) });
      return;
    }
    if (tag === 'img') return lost('image', attr(node, 'alt') || shorten(attr(node, 'src') ?? ''), node);
    if (OBJECT.has(tag)) return lost('object', `<${tag}> ${shorten(attr(node, 'src') ?? attr(node, 'data') ?? '')}`.trim(), node);
    if (tag === 'br' && !inRunIn) return flush();
    if (tag === 'a' && ATTACHMENT.test(attr(node, 'href') ?? '')) {
      const text = tidyText(textOf(node));
      lost('attachment', `${text}${text ? ' ' : ''}(${attr(node, 'href')})`, node);
      linkText += text;
    }
    const classes = ` ${attr(node, 'class') ?? ''} `;
    const block = BLOCK.has(tag) && !inRunIn;
    if (block) flush();
    if (options.docx && PARAGRAPH.has(tag) && !inRunIn) counters.paragraph++;
    if (block && !bufferLoc) bufferLoc = here(node);
    // nianbao's own pages print a run-in heading and its first paragraph in one box.
    const startsRunIn = block && classes.includes(' run-in ');
    const marks = { bold: BOLD.has(tag), centered: centres(node, tag), chrome: isChrome(node, tag, depth.article > 0), article: tag === 'article' };
    if (marks.chrome && !block) flush();
    for (const key of ['bold', 'centered', 'chrome', 'article'] as const) if (marks[key]) depth[key]++;
    for (const child of node.childNodes) walk(child, inRunIn || startsRunIn);
    // Where the run-in heading ends and its text begins (the heading need not end in 。).
    if (inRunIn && /^h[1-6]$/.test(tag)) buffer += RUN_IN_END;
    if (startsRunIn) runIn = true;
    if (block || marks.chrome) flush();
    for (const key of ['bold', 'centered', 'chrome', 'article'] as const) if (marks[key]) depth[key]--;
  };
  walk(doc, false);
  flush();
  return pageTitle ? [pageTitle, ...out] : out;
}

/** A table's rows as written: each `<td>`/`<th>` once, with its spans. */
function readTable(table: Element, loc: Loc | undefined, lost: (what: 'image', detail: string, node: Node) => void): Block {
  const rows: SourceCell[][] = [];
  const rowLocs: Loc[] = [];
  let caption: string | undefined;
  const line = (node: Element): Loc => loc ?? { line: node.sourceCodeLocation?.startLine ?? 1 };
  const visit = (node: Element) => {
    for (const child of node.childNodes) {
      if (!isElement(child)) continue;
      const tag = child.tagName.toLowerCase();
      if (tag === 'caption') caption = tidyText(textOf(child));
      else if (tag === 'tr') {
        const cells: SourceCell[] = [];
        for (const cell of child.childNodes) {
          if (!isElement(cell) || !['td', 'th'].includes(cell.tagName.toLowerCase())) continue;
          for (const img of descendants(cell, 'img')) lost('image', attr(img, 'alt') || shorten(attr(img, 'src') ?? ''), img);
          cells.push({ text: tidyText(textOf(cell)), rowspan: span(attr(cell, 'rowspan')), colspan: span(attr(cell, 'colspan')) });
        }
        rows.push(cells);
        rowLocs.push(line(child));
      } else if (tag !== 'table') visit(child);
    }
  };
  visit(table);
  return { kind: 'table', rows, rowLocs, loc: line(table), ...(caption ? { caption } : {}) };
}

/** A span attribute; rowspan="0" (to the end of the group) and junk count as 1. */
function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** The text an element shows, its paragraphs joined without a break (a table cell's lines). */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (!isElement(node) && !('childNodes' in node)) return '';
  if (isElement(node) && SKIP.has(node.tagName.toLowerCase())) return '';
  return ('childNodes' in node ? node.childNodes : []).map(textOf).join('');
}

function descendants(node: Element, tag: string): Element[] {
  return node.childNodes.filter(isElement).flatMap((child) => (child.tagName.toLowerCase() === tag ? [child] : descendants(child, tag)));
}

/** A data: URI is shown by its type only. */
function shorten(src: string): string {
  return src.startsWith('data:') ? `${src.slice(0, src.indexOf(';') > 0 ? src.indexOf(';') : 20)}…` : src;
}

/** The chart a figure of nianbao's own pages drew (`data-chart`), if it is one. */
function chartOf(node: Element): ImportedChart | undefined {
  const data = attr(node, 'data-chart');
  if (!data || !` ${attr(node, 'class') ?? ''} `.includes(' chart ')) return undefined;
  try {
    const parsed = JSON.parse(data) as { unit?: unknown; compared?: unknown; bars?: unknown };
    const caption = node.childNodes.find((c) => isElement(c) && c.tagName === 'figcaption');
    const bars = Array.isArray(parsed.bars) ? parsed.bars.filter((b): b is ImportedChart['bars'][number] => typeof b?.label === 'string' && typeof b?.value === 'number') : [];
    if (!bars.length) return undefined;
    return { title: caption ? tidyText(textOf(caption)) : '', unit: typeof parsed.unit === 'string' ? parsed.unit : '', compared: parsed.compared === true, bars };
  } catch {
    return undefined;
  }
}
