/**
 * A website's furniture around a report: the footer of the site (主办单位, ICP备, 网站标识码,
 * 版权所有), its print, close and share buttons, the links to the previous and next article,
 * view counters and font-size switches. Where it starts, the report's text has ended.
 */

import type { Block } from './blocks.js';

/** Lines of a site's furniture, however long: they never occur in a report's own text. */
const ANYWHERE = [
  /ICP\s*备|网站标识码|公网安备|政府网站标识/i,
  /【\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|纠错)\s*】/,
  /\[\s*(?:打印本页|打印|关闭窗口|关闭)\s*\]/,
];

/** Lines of a site's furniture when they start the line (技术支持 may stand inside a sentence). */
const STARTS = [
  /^(?:主办单位|承办单位|主办|承办|协办单位|技术支持|维护单位|运维单位|联系我们|网站地图|网站声明|联系电话|地址)\s*[:：]/,
  /^(?:分享到|扫一扫|上一篇|下一篇|上一条|下一条)/,
  /^(?:字号|字体)\s*[:：]?\s*【?\s*大\s*】?\s*【?\s*中\s*】?\s*【?\s*小/,
  /^(?:打印|关闭|收藏|返回顶部|打印本页|关闭窗口|\s)+$/,
];

/** Short lines of a site's furniture (a sentence of the report may name these words). */
const SHORT = [/版权所有|Copyright|©/i, /(?:访问量|浏览次数|访问次数|阅读次数|点击数|浏览量)\s*[:：]/];

/** Whether a line of text is a site's furniture, not the report's. */
export function isBoilerplate(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (!t) return false;
  if (ANYWHERE.some((re) => re.test(t)) || STARTS.some((re) => re.test(t))) return true;
  return t.length <= 80 && SHORT.some((re) => re.test(t));
}

/** Whether a block is the page's furniture: its markup says so, or its text. */
export function isFurniture(block: Block): boolean {
  return block.kind === 'text' && (block.chrome === true || isBoilerplate(block.text));
}

/**
 * Where the site's footer starts among `blocks` from `start` on: the first line of furniture
 * after the body has begun (a view counter just under the title is the page's word on the
 * report), or `blocks.length` when there is none.
 */
export function footerStart(blocks: readonly Block[], start: number, isHeading: (text: string) => boolean): number {
  const firstHeading = blocks.findIndex((b, i) => i >= start && b.kind === 'text' && !b.chrome && isHeading(b.text));
  const from = firstHeading >= 0 ? firstHeading + 1 : start;
  for (let i = from; i < blocks.length; i++) if (isFurniture(blocks[i]!)) return i;
  return blocks.length;
}
