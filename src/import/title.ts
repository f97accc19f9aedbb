/**
 * The report's title and the organization that publishes it. A title is often set on two
 * lines, the organization above the year (澄川市水务局 / 2024年政府信息公开工作年度报告): the
 * two are joined. When the title names no organization, it is taken from the page's <title>,
 * a 来源：/发布机构： line under the title, or the signature — and the import says so.
 */

import type { Block, Loc } from './blocks.js';

export const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;
/** A paragraph that is a report's title (or its line with the year). */
export const isTitle = (text: string) => TITLE_YEAR.test(text) && /报告/.test(text) && /政府信息公开|政务公开|信息公开/.test(text) && text.length <= 80;

/** How an organization is named at its end. */
const ORGANIZATION = /(?:局|委|委员会|办|办公室|政府|院|中心|厅|部|会|所|站|队|处|署|室|馆|社|团|公司|集团|街道|管委会|管理区|研究院|学校|大学)$/;
/** Lines of a page that name who published it. */
const SOURCE = /(?:来源|信息来源|发布机构|发布单位|发文机关|发布机关)\s*[:：]\s*([^\s\u3000|｜]+)/;

/** Something the import took from elsewhere than where a report says it: what, the value, and from where. */
export interface Inferred {
  readonly field: 'title' | 'organization';
  readonly from: 'title-lines' | 'page-title' | 'source-line' | 'signature';
  readonly value: string;
  readonly loc: Loc;
}

/** The title found: its text (two lines joined by a line break), where it starts and ends among the blocks. */
export interface TitleFound {
  readonly title?: string;
  /** Index of its first and last block (-1 when none). */
  readonly first: number;
  readonly last: number;
  readonly inferred: Inferred[];
}

/** Whether a paragraph looks like the organization a title's first line names. */
function looksLikeOrganization(block: Block | undefined, titleBlock: Block): boolean {
  if (block?.kind !== 'text' || titleBlock.kind !== 'text' || block.chrome) return false;
  const text = block.text;
  if (text.length > 30 || /[。；，：:,;！？!?]/.test(text) || /\d/.test(text) || isTitle(text)) return false;
  const look = titleBlock.look;
  const sameLook = Boolean(look && (look.bold || look.centered) && block.look?.bold === look.bold && block.look?.centered === look.centered);
  return ORGANIZATION.test(text) || sameLook;
}

/** Finds the title among the blocks, joining an organization set on the line above a title starting with its year. */
export function findTitle(blocks: readonly Block[]): TitleFound {
  const at = blocks.findIndex((b) => b.kind === 'text' && !b.chrome && isTitle(b.text));
  if (at < 0) return { first: -1, last: -1, inferred: [] };
  const block = blocks[at] as Extract<Block, { kind: 'text' }>;
  const above = blocks[at - 1];
  if (TITLE_YEAR.exec(block.text)?.index === 0 && looksLikeOrganization(above, block)) {
    const first = (above as { text: string }).text;
    const title = `${first}\n${block.text}`;
    return { title, first: at - 1, last: at, inferred: [{ field: 'title', from: 'title-lines', value: `${first}${block.text}`, loc: above!.loc }] };
  }
  return { title: block.text, first: at, last: at, inferred: [] };
}

/** The organization a page names outside the report's title: its <title>, or a 来源： line near the title. */
export function organizationElsewhere(blocks: readonly Block[], page: Block | undefined, title: TitleFound): Inferred | undefined {
  if (page?.kind === 'page-title') {
    const parts = page.text.split(/\s*[-_|｜—–·]+\s*/).map((p) => p.trim()).filter(Boolean);
    for (const part of parts) {
      const year = TITLE_YEAR.exec(part);
      const before = year ? part.slice(0, year.index).trim() : part;
      if (before && before.length <= 30 && ORGANIZATION.test(before) && !isTitle(before)) return { field: 'organization', from: 'page-title', value: before, loc: page.loc };
    }
  }
  const near = [...range(Math.max(0, title.first - 3), title.first), ...range(title.last + 1, title.last + 4)];
  for (const i of near) {
    const b = blocks[i];
    const name = b?.kind === 'text' ? SOURCE.exec(b.text)?.[1] : undefined;
    if (name && ORGANIZATION.test(name)) return { field: 'organization', from: 'source-line', value: name, loc: b!.loc };
  }
  return undefined;
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
