/** What the diagnostics about a report's content say (NB3xxx headings, NB4xxx references, NB5xxx tables), side by side; NB6xxx are in plausibility.ts. */

import type { Params } from '../diagnostics.js';
import type { SideBySide } from './lang.js';
import { q, suggestEn, suggestZh, type Template } from './phrasing.js';

const cellZh = (p: Params): string => `“${p.row}”${p.column ? `“${p.column}”` : ''}`;
const cellEn = (p: Params): string => `"${p.row}"${p.column ? ` / "${p.column}"` : ''}`;
const kindZh = (k: unknown): string =>
  k === 'amount' ? '应为不小于 0 的数字（单位：万元，可有小数）。' : k === 'signed' ? '应为整数（可为负数）。' : '应为不小于 0 的整数；没有的填 0。';
const kindEn = (k: unknown): string =>
  k === 'amount' ? 'Expected a number ≥ 0 (in 万元; decimals allowed).' : k === 'signed' ? 'Expected a whole number (may be negative).' : 'Expected a whole number ≥ 0; write 0 for none.';

/** NB3xxx to NB5xxx. */
export const reportMessages: Record<string, SideBySide<Template>> = {
  NB3001: {
    'zh-CN': (p) => ({
      message: `缺少必需的一级标题 ${q(p.title)}。`,
      expected: p.after ? `应在 ${q(p.after)} 之后加上这一部分。` : '应在报告开头加上这一部分。',
    }),
    en: (p) => ({
      message: `Missing required top-level heading "${p.title}".`,
      expected: p.after ? `Add this section after "${p.after}".` : 'Add this section at the start of the report.',
    }),
  },
  NB3002: {
    'zh-CN': (p) => ({ message: `一级标题 ${q(p.title)} 的位置不对。`, expected: `应放在 ${q(p.before)} 之前。` }),
    en: (p) => ({ message: `Top-level heading "${p.title}" is out of order.`, expected: `It belongs before "${p.before}".` }),
  },
  NB3003: {
    'zh-CN': (p) => ({
      message: `标题中手写的序号 ${q(p.found)} 与它的位置不符，这里应为 ${q(p.expected)}。`,
      expected: '标题序号由 nianbao 按层级自动编排（一、（一）1.（1）），请删除手写的序号。',
    }),
    en: (p) => ({
      message: `The hand-typed number "${p.found}" does not match the heading's position; it would be "${p.expected}".`,
      expected: 'nianbao numbers headings by depth (一、 （一） 1. （1）); remove the typed number.',
    }),
  },
  NB3004: {
    'zh-CN': (p) => ({ message: `标题 ${q(p.found)} 是非标准写法。`, expected: `标准写法为 ${q(p.title)}。` }),
    en: (p) => ({ message: `Heading "${p.found}" is a non-standard wording.`, expected: `The standard wording is "${p.title}".` }),
  },
  NB3005: {
    'zh-CN': (p) => ({ message: `标题层级过深（第 ${p.level} 级）。`, expected: '公文结构层次最多四级：一、（一）1.（1）。' }),
    en: (p) => ({ message: `Heading nested too deep (level ${p.level}).`, expected: 'Official documents use at most four levels: 一、 （一） 1. （1）.' }),
  },
  NB3006: {
    'zh-CN': (p) => ({ message: `找不到报告格式 ${q(p.profile)}。`, expected: `可用的格式：${p.available}；或给出自定义格式文件夹的路径。` }),
    en: (p) => ({ message: `Unknown report profile "${p.profile}".`, expected: `Available: ${p.available}; or give the path of a profile folder.` }),
  },
  NB3007: {
    'zh-CN': (p) => ({ message: `报告格式文件有误：${p.reason}。`, expected: '检查格式文件夹中的 profile.yaml 与模板。' }),
    en: (p) => ({ message: `The profile is invalid: ${p.reason}.`, expected: 'Check profile.yaml and the templates in the profile folder.' }),
  },
  NB3008: {
    'zh-CN': (p) => ({ message: `多出了一级标题 ${q(p.found)}。`, expected: `统一格式只有六个部分：${p.titles}。可把这部分内容并入相应的部分。` }),
    en: (p) => ({ message: `Unexpected top-level heading "${p.found}".`, expected: `The national format has six parts: ${p.titles}. Move this content into one of them.` }),
  },
  NB3009: {
    'zh-CN': (p) => ({ message: `${p.year} 年的报告使用了格式 ${q(p.profile)}，它适用于 ${p.range} 年的报告。`, expected: `应使用 ${q(p.suggested)}。` }),
    en: (p) => ({ message: `A ${p.year} report uses profile "${p.profile}", which is for ${p.range} reports.`, expected: `Use "${p.suggested}".` }),
  },
  NB3010: {
    'zh-CN': (p) => ({ message: `一级标题 ${q(p.found)} 与必需的标题 ${q(p.title)} 只差一两个字。`, expected: `是不是想写 ${q(p.title)}？` }),
    en: (p) => ({ message: `Top-level heading "${p.found}" is a character or two off the required "${p.title}".`, expected: `Did you mean "${p.title}"?` }),
  },
  NB3011: {
    'zh-CN': (p) => ({ message: `一级标题 ${q(p.found)} 所在的位置应是 ${q(p.title)} 这一部分。`, expected: `统一格式的各部分标题是固定的：把这个标题改为 ${q(p.title)}。` }),
    en: (p) => ({ message: `The top-level heading "${p.found}" stands where the part "${p.title}" belongs.`, expected: `The national format's headings are fixed: rename it "${p.title}".` }),
  },
  NB4001: {
    'zh-CN': (p) => ({ message: `引用了不存在的数据 ${q(p.name)}。${suggestZh(p)}`, expected: p.defined ? `已定义的数据：${p.defined}。` : '先在 figures 下定义这项数据。' }),
    en: (p) => ({ message: `Reference to undefined figure "${p.name}". ${suggestEn(p)}`.trim(), expected: p.defined ? `Defined figures: ${p.defined}.` : 'Define it under figures first.' }),
  },
  NB4002: {
    'zh-CN': (p) => ({ message: `无法识别的引用 ${q(p.found)}，将按原文显示。`, expected: '引用数据请写成 {{figures.名称}}。' }),
    en: (p) => ({ message: `Unrecognised reference "${p.found}"; it is shown as typed.`, expected: 'Reference a figure as {{figures.name}}.' }),
  },
  NB4003: {
    'zh-CN': (p) => ({ message: `引用了不存在的表格数据 ${q(p.name)}。${suggestZh(p)}`, expected: '写成 {{tables.表格.行.列}}，例如 {{tables.requests.new.total}}。' }),
    en: (p) => ({ message: `Reference to an unknown table value "${p.name}". ${suggestEn(p)}`.trim(), expected: 'Write {{tables.table.row.column}}, e.g. {{tables.requests.new.total}}.' }),
  },
  NB4004: {
    'zh-CN': (p) => ({
      message: p.missing === 'unreadable' ? `${p.found} 引用上年数据，但上一年度报告无法使用（原因见关于 previous 的提示 NB6009）。` : `${p.found} 引用上年数据，但报告没有写 previous（上一年度报告）。`,
      expected: p.missing === 'unreadable' ? '先解决关于 previous 的提示，上年数据才能引用。' : '在报告开头写 previous: 上年报告的路径（相对于本文件），例如 previous: 2024.yaml。',
    }),
    en: (p) => ({
      message: p.missing === 'unreadable' ? `${p.found} quotes last year, but last year's report cannot be used (NB6009 about previous says why).` : `${p.found} quotes last year, but the report names no previous (last year's report).`,
      expected: p.missing === 'unreadable' ? 'Fix the message about previous first.' : "Add previous: <last year's file> (relative to this one), e.g. previous: 2024.yaml.",
    }),
  },
  NB4005: {
    'zh-CN': (p) => ({
      message: p.reason === 'absent' ? `上一年度报告中没有 ${p.found} 引用的数据。` : `${p.found} 无法计算增减：本年或上年的值不是数字。`,
      expected: p.reason === 'absent' ? '改为引用上年报告中有的数据，或直接写出数字。' : '增减只能对数字计算；写成数字，或直接写出变化情况。',
    }),
    en: (p) => ({
      message: p.reason === 'absent' ? `Last year's report has no value for ${p.found}.` : `${p.found}: no change can be computed, this or last year's value is not a number.`,
      expected: p.reason === 'absent' ? "Quote a value last year's report has, or write the number." : 'A change needs two numbers; write the figure as a number, or write the change out.',
    }),
  },
  NB4006: {
    'zh-CN': (p) => ({
      message: ({
        of: `图表的 of: ${p.found} 不是表格中的一组行。`,
        empty: '图表没有可画的条目。',
        both: '图表同时写了 of 和 bars。',
        many: `图表有 ${p.found} 个条目，超过 24 个，一页放不下、也难以阅读。`,
        literal: `条目的数值 ${p.found} 是直接写的数字，没有上年的值可以对比。`,
        previous: `上一年度报告中没有 ${p.found} 的数值，无法对比。`,
      } as Record<string, string>)[String(p.reason)] ?? `图表条目的数值 ${p.found} 不是非负的数字，也不是已有的数据。`,
      expected: ({
        of: '写一组行，如 of: tables.requests.results（各项办理结果）。',
        empty: '写 of: tables.…（一组行）或 bars:（逐条写 label 和 value）。',
        both: '只写其中一个：of（一组行）或 bars（逐条）。',
        many: '只画最主要的几项，或分成几张图。',
        literal: '改写成 tables.…、figures.… 引用，或去掉 previous: true。',
        previous: '去掉 previous: true，或改画上年也有的数据。',
      } as Record<string, string>)[String(p.reason)] ?? '写非负的数字，或 tables.…、figures.… 引用（不加 {{ }}）；文字数据（如 100%）不能画。',
    }),
    en: (p) => ({
      message: ({
        of: `The chart's of: ${p.found} is no group of table rows.`,
        empty: 'The chart has nothing to draw.',
        both: 'The chart gives both of and bars.',
        many: `The chart has ${p.found} bars, over 24: it would neither fit a page nor read well.`,
        literal: `The bar value ${p.found} is a typed number: it has no last year's value to stand beside.`,
        previous: `Last year's report has no value for ${p.found}; nothing to compare.`,
      } as Record<string, string>)[String(p.reason)] ?? `The bar value ${p.found} is neither a number of zero or more nor a defined value.`,
      expected: ({
        of: 'Name a group of rows, e.g. of: tables.requests.results.',
        empty: 'Give of: tables.… (a group of rows) or bars: (label and value each).',
        both: 'Give one of them: of (a group of rows) or bars (one by one).',
        many: 'Chart the main items only, or make several charts.',
        literal: 'Write a tables.…/figures.… path instead, or drop previous: true.',
        previous: 'Drop previous: true, or chart values last year has too.',
      } as Record<string, string>)[String(p.reason)] ?? 'Write a number (zero or more), or a tables.…/figures.… path (without {{ }}); text values (100%) cannot be drawn.',
    }),
  },
  NB5012: {
    'zh-CN': (p) => ({ message: `“${p.found}”与表格不符：${p.what}，本年${p.now}、上年${p.before}。`, expected: `应为${p.expected}；也可写 {{change …}} 自动计算。` }),
    en: (p) => ({ message: `"${p.found}" disagrees with the tables: ${p.what} is ${p.now} this year, ${p.before} last year.`, expected: `Write ${p.expected}, or {{change …}} to have it computed.` }),
  },
  NB5001: {
    'zh-CN': (p) => ({
      message: p.row ? `表格“${p.table}”缺少 ${cellZh(p)}。` : `缺少表格“${p.table}”。`,
      expected: p.row ? '每个单元格都要填写，没有的填 0（不能留空）。' : '用 nianbao init 生成的骨架中有完整的表格，可从中复制。',
    }),
    en: (p) => ({
      message: p.row ? `Table "${p.table}" is missing ${cellEn(p)}.` : `Table "${p.table}" is missing.`,
      expected: p.row ? 'Every cell must be filled in; write 0 for none (never leave it blank).' : 'The skeleton written by `nianbao init` has every table in full.',
    }),
  },
  NB5002: {
    'zh-CN': (p) =>
      p.rewrite !== undefined
        ? { message: `表格“${p.table}”中${cellZh(p)}写的是文本 ${q(p.found)}。`, expected: `${[/[０-９]/.test(String(p.found)) ? '全角数字改为半角' : '', /[,，]/.test(String(p.found)) ? '去掉千位分隔符' : '', /^["']/.test(String(p.found)) ? '去掉引号' : ''].filter(Boolean).join('、') || '去掉引号'}，写成 ${p.rewrite}。` }
        : { message: `表格“${p.table}”中${cellZh(p)}的值 ${q(p.found)} 无效。`, expected: kindZh(p.kind) },
    en: (p) =>
      p.rewrite !== undefined
        ? { message: `In table "${p.table}", ${cellEn(p)} is the text "${p.found}".`, expected: `Write the number ${p.rewrite}.` }
        : { message: `Invalid value "${p.found}" for ${cellEn(p)} in table "${p.table}".`, expected: kindEn(p.kind) },
  },
  NB5003: {
    'zh-CN': (p) => ({ message: `表格“${p.table}”中${cellZh(p)}填的是 ${p.given}，但各项相加为 ${p.expected}。`, expected: `${p.parts} = ${p.expected}。` }),
    en: (p) => ({ message: `In table "${p.table}", ${cellEn(p)} is ${p.given}, but its parts add up to ${p.expected}.`, expected: `${p.parts} = ${p.expected}.` }),
  },
  NB5004: {
    'zh-CN': (p) => ({
      message: `表格“${p.table}”“${p.column}”一列不平衡（应有：${p.identity}）。`,
      expected: `左边 ${p.left}；右边 ${p.right}。两边应当相等。`,
    }),
    en: (p) => ({
      message: `Table "${p.table}", column "${p.column}" does not balance (the rule: ${p.identity}).`,
      expected: `Left: ${p.left}; right: ${p.right}. The two sides must be equal.`,
    }),
  },
  NB5009: {
    'zh-CN': (p) => ({ message: `表格“${p.table}”中“${p.row}”一行有 ${p.cells} 个单元格，而表头有 ${p.columns} 列。`, expected: '每行的单元格数应与表头（columns）相同：行标题加各列的值；没有的写 0 或“—”。' }),
    en: (p) => ({ message: `In table "${p.table}", the row "${p.row}" has ${p.cells} cells, but the header has ${p.columns} columns.`, expected: 'Each row has one cell per column: its label, then a value for each column (0 or "—" for none).' }),
  },
  NB5006: {
    'zh-CN': (p) => ({
      message: `正文中的“${p.found}”与表格不符：${p.what}在表格中为 ${p.expected}。`,
      expected: p.ref ? `改为 ${p.expected}，或用 {{tables.${p.ref}}} 引用表格中的数字。` : `改为 ${p.expected}。`,
    }),
    en: (p) => ({
      message: `The text says ${p.found}, but the table gives ${p.expected} for ${p.what}.`,
      expected: p.ref ? `Write ${p.expected}, or reference the table as {{tables.${p.ref}}}.` : `Write ${p.expected}.`,
    }),
  },
  NB5010: {
    'zh-CN': (p) => ({ message: `正文说“${p.found}”，但表格中${p.what}为 ${p.expected}。`, expected: '核对表格，或改写这句话，写出实际的数字。' }),
    en: (p) => ({ message: `The text says "${p.found}" (none), but the table gives ${p.expected} for ${p.what}.`, expected: 'Check the table, or rewrite the sentence with the actual number.' }),
  },
  NB5011: {
    'zh-CN': (p) => ({ message: `表格“${p.table}”的“${p.row}”分为几行，不能只写一行。`, expected: `按行填写：${p.rows}，每行写各列的数字（没有的写 0）；这一项的合计由 nianbao 计算。` }),
    en: (p) => ({ message: `In table "${p.table}", "${p.row}" has rows of its own: it cannot be written as one row.`, expected: `Write each row: ${p.rows}, with every column (0 for none); the group's total is computed.` }),
  },
  NB5008: {
    'zh-CN': (p) => ({
      message: `正文中的“${p.found}”（${p.what}）与表格“${p.table}”不一致，而这张表格本身有误。`,
      expected: '先按上面的提示更正表格，再核对这里的数字。',
    }),
    en: (p) => ({
      message: `The text says ${p.found} (${p.what}), which differs from table "${p.table}" — and that table is itself wrong.`,
      expected: 'Correct the table first (see the errors above), then check this number.',
    }),
  },
};
