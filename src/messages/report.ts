/** What the diagnostics about a report's content say (NB3xxx headings, NB4xxx references, NB5xxx tables, NB6xxx plausibility), side by side. */

import type { Params } from '../diagnostics.js';
import type { SideBySide } from './lang.js';
import { q, suggestEn, suggestZh, type Template } from './phrasing.js';

const cellZh = (p: Params): string => `“${p.row}”${p.column ? `“${p.column}”` : ''}`;
const cellEn = (p: Params): string => `"${p.row}"${p.column ? ` / "${p.column}"` : ''}`;
const kindZh = (k: unknown): string =>
  k === 'amount' ? '应为不小于 0 的数字（单位：万元，可有小数）。' : k === 'signed' ? '应为整数（可为负数）。' : '应为不小于 0 的整数；没有的填 0。';
const kindEn = (k: unknown): string =>
  k === 'amount' ? 'Expected a number ≥ 0 (in 万元; decimals allowed).' : k === 'signed' ? 'Expected a whole number (may be negative).' : 'Expected a whole number ≥ 0; write 0 for none.';

/** NB3xxx to NB6xxx. */
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
  NB6011: {
    'zh-CN': (p) =>
      p.problem === 'text'
        ? { message: '这条 nianbao-disable 注释写在了正文里：它会被印出来，也不起作用。', expected: '删除它；要接受整段正文的某个警告，把注释写在 text: | 那一行的末尾。' }
        : p.problem === 'error'
        ? { message: `${p.code} 是错误，不能忽略。`, expected: '按错误的提示更正报告；只有警告可以用 nianbao-disable-line 忽略。' }
        : p.problem === 'code'
          ? { message: '忽略警告的注释没有写警告代码。', expected: '写成 # nianbao-disable-line NBxxxx 原因，例如 # nianbao-disable-line NB6007 收费含代收的不动产登记费。' }
        : p.problem === 'reason'
          ? { message: `忽略 ${p.code} 的注释没有写原因。`, expected: `写成 # nianbao-disable-line ${p.code} 原因，说明为什么这一警告可以接受。` }
          : { message: `这一行没有可忽略的 ${p.code} 警告。`, expected: '删除这条注释，或把它移到出现警告的那一行。' },
    en: (p) =>
      p.problem === 'text'
        ? { message: 'This nianbao-disable comment is inside the text: it would be printed, and accepts nothing.', expected: 'Remove it; to accept a warning about a whole text, put the comment at the end of its text: | line.' }
        : p.problem === 'error'
        ? { message: `${p.code} is an error and cannot be suppressed.`, expected: 'Correct the report; only warnings can be accepted with nianbao-disable-line.' }
        : p.problem === 'code'
          ? { message: 'The comment accepting a warning names no code.', expected: 'Write # nianbao-disable-line NBxxxx and the reason, e.g. # nianbao-disable-line NB6007 includes fees collected for others.' }
        : p.problem === 'reason'
          ? { message: `The comment accepting ${p.code} gives no reason.`, expected: `Write # nianbao-disable-line ${p.code} and the reason the warning is acceptable.` }
          : { message: `There is no ${p.code} warning here to accept.`, expected: 'Remove the comment, or move it to the line with the warning.' },
  },
  NB6012: {
    'zh-CN': (p) =>
      p.kind === 'early'
        ? { message: `发布日期 ${p.published} 在 ${p.year} 年结束之前，而报告写的是 ${p.year} 年全年的情况。`, expected: `年度报告在次年公布：核对 published 或 year。` }
        : { message: `成文日期 ${p.date} 晚于发布日期 ${p.published}。`, expected: '报告先成文、后公布：核对 date 和 published。' },
    en: (p) =>
      p.kind === 'early'
        ? { message: `Published ${p.published}, before the end of ${p.year}, the year the report covers.`, expected: 'A year\'s report is published the year after: check published or year.' }
        : { message: `Signed ${p.date}, after it was published (${p.published}).`, expected: 'A report is signed before it is published: check date and published.' },
  },
  NB6013: {
    'zh-CN': (p) => ({ message: `导语说报告由 ${q(p.found)} 编制，与发布机关 ${q(p.organization)} 不是同一个地方的机关。`, expected: '可能是从别的报告复制来的：改为本机关的名称。' }),
    en: (p) => ({ message: `The introduction says "${p.found}" compiled the report, a body of another place than "${p.organization}".`, expected: 'Probably copied from another report: write this body\'s name.' }),
  },
  NB6014: {
    'zh-CN': (p) =>
      p.kind === 'percent'
        ? { message: `这句话中的各项占比相加为 ${p.sum}，超过了 100%。`, expected: '核对各项的占比（四舍五入后最多差 0.1%）。' }
        : { message: `这句话说共 ${p.total}，其中列出的各项却相加为 ${p.sum}，多于总数。`, expected: '核对总数和各项的数字。' },
    en: (p) =>
      p.kind === 'percent'
        ? { message: `The shares in this sentence add up to ${p.sum}, more than 100%.`, expected: 'Check the shares (rounding explains at most 0.1%).' }
        : { message: `This sentence gives a total of ${p.total}, but the parts it lists add up to ${p.sum}, more than the total.`, expected: 'Check the total and its parts.' },
  },
  NB6015: {
    'zh-CN': (p) => ({ message: `这段文字中有 ${p.count} 处半角标点（${p.marks}）夹在汉字之间。`, expected: `中文里应使用全角标点：运行 nianbao fix ${p.file} 即可全部改正（--dry-run 先看改动）。` }),
    en: (p) => ({ message: `${p.count} half-width punctuation mark${Number(p.count) === 1 ? '' : 's'} (${p.marks}) between Chinese characters in this text.`, expected: `Chinese text takes full-width punctuation: nianbao fix ${p.file} rewrites them all (--dry-run shows the changes first).` }),
  },
  NB6016: {
    'zh-CN': (p) => ({ message: `这一段（“${p.start}……”）与上一年度的报告一字不差。`, expected: '按本年的情况改写；照抄上年的文字是常被指出的问题。' }),
    en: (p) => ({ message: `This paragraph ("${p.start}…") is word for word last year's.`, expected: "Rewrite it for this year; copying last year's words is a common finding of reviews." }),
  },
  NB6017: {
    'zh-CN': (p) => ({ message: `表格 ${p.table} 的每一个数字都与上一年度相同。`, expected: '核对是否填成了上年的数字（连续几年数字完全相同曾被审查和媒体指出）。' }),
    en: (p) => ({ message: `Every figure of table ${p.table} is last year's.`, expected: "Check that these are this year's figures (identical tables year after year have been caught by reviews and the press)." }),
  },
  NB6009: {
    'zh-CN': (p) =>
      p.reason === 'tables'
        ? { message: `上一年度报告 ${q(p.file)} 的表格本身有错误，跳过与上年数据的核对。`, expected: '先用 nianbao check 检查并更正上一年度的报告。' }
        : p.reason === 'year'
          ? { message: `previous 指向的 ${q(p.file)} 是 ${p.found} 年的报告，不是上一年度（${p.expected} 年）的，跳过与上年数据的核对。`, expected: `previous 应写 ${p.expected} 年报告的路径。` }
          : { message: `无法读取上一年度报告 ${q(p.file)}（${p.reason}），跳过与上年数据的核对。`, expected: '检查 previous 中的路径（相对于本文件）。' },
    en: (p) =>
      p.reason === 'tables'
        ? { message: `Last year's report "${p.file}" has errors in its tables; the checks against last year are skipped.`, expected: 'Check and correct last year\'s report first (nianbao check).' }
        : p.reason === 'year'
          ? { message: `previous names "${p.file}", a ${p.found} report, not last year's (${p.expected}); the checks against last year are skipped.`, expected: `Give the path of the ${p.expected} report.` }
          : { message: `Cannot read last year's report "${p.file}" (${p.reason}); the checks against last year are skipped.`, expected: 'Check the path in previous (relative to this file).' },
  },
  NB6010: {
    'zh-CN': () => ({ message: '这一行的注释中还有 TODO：这一项可能还没有改为实际内容。', expected: '改好这一项后，删除注释中的 TODO。' }),
    en: () => ({ message: 'A comment on this line still says TODO: the value may not be filled in yet.', expected: 'Fill in the value, then remove TODO from the comment.' }),
  },
  NB6001: {
    'zh-CN': () => ({ message: '正文中还有待填写的 TODO 标记。', expected: '填写这部分内容，并删除 TODO。' }),
    en: () => ({ message: 'The text still has a TODO marker.', expected: 'Write this part and remove the TODO.' }),
  },
  NB6002: {
    'zh-CN': (p) => ({ message: `“二、上年结转”${p.column}为 ${p.found}，而上一年度报告的“四、结转下年度继续办理”为 ${p.expected}。`, expected: '两者通常应当相等；请核对本年或上年的数据。' }),
    en: (p) => ({ message: `Carried over from last year (${p.column}) is ${p.found}, but last year's report carried forward ${p.expected}.`, expected: 'They are normally equal; check this year\'s or last year\'s figures.' }),
  },
  NB6003: {
    'zh-CN': (p) => ({ message: `行政规范性文件现行有效件数 ${p.found} 多于上年 ${p.previous} + 本年制发 ${p.issued} − 本年废止 ${p.repealed} = ${p.expected}。`, expected: '现行有效件数只会因制发而增加；请核对本年或上年的数字。' }),
    en: (p) => ({ message: `Normative documents in force (${p.found}) exceed last year's ${p.previous} + issued ${p.issued} − repealed ${p.repealed} = ${p.expected}.`, expected: 'Documents in force grow only by those issued; check this year\'s or last year\'s figures.' }),
  },
  NB6004: {
    'zh-CN': (p) => ({ message: `“${p.organization}”看来不是可以制定规章的机关，但表中规章数不为 0。`, expected: '只有国务院部门、省级政府和设区的市、自治州政府可以制定规章；请核对是否应填 0。' }),
    en: (p) => ({ message: `"${p.organization}" does not look like a body that can make 规章, yet the table counts some.`, expected: 'Only State Council departments, provincial governments and governments of cities with districts make 规章; check whether this should be 0.' }),
  },
  NB6005: {
    'zh-CN': (p) =>
      p.where === 'year'
        ? { message: `year 写的是 ${p.year}，而标题和导语说的都是 ${p.found} 年。`, expected: `如果这是 ${p.found} 年的报告，把 year 改为 ${p.found}。` }
        : { message: `${p.where === 'title' ? '标题' : p.where === 'text' ? '第一部分开头' : '导语'}中的年份 ${p.found} 与报告年度 ${p.year} 不一致。`, expected: `应为 ${p.year}年（可能是从上一年的报告中留下的）。` },
    en: (p) =>
      p.where === 'year'
        ? { message: `year says ${p.year}, but the title and the introduction both say ${p.found}.`, expected: `If this is the ${p.found} report, set year to ${p.found}.` }
        : { message: `The year ${p.found} in ${p.where === 'title' ? 'the title' : p.where === 'text' ? 'the opening of the first part' : 'the introduction'} differs from the report's year ${p.year}.`, expected: `Expected ${p.year} (perhaps left from last year's report).` },
  },
  NB6006: {
    'zh-CN': (p) => ({ message: `发布日期 ${p.published} 晚于法定期限 ${p.deadline}（${p.law}）。`, expected: `年度报告应在 ${p.deadline} 前公布；如发布日期填错，请更正。` }),
    en: (p) => ({ message: `Published ${p.published}, after the legal deadline ${p.deadline} (${p.law}).`, expected: `The report is due by ${p.deadline}; correct the date if it is wrong.` }),
  },
  NB6007: {
    'zh-CN': (p) => ({
      message: `行政事业性收费金额填的是 ${p.found}，单位是万元，即 ${p.yuan} 元，像是把元填进了万元一栏。`,
      expected: `如果 ${p.found} 是元，应填 ${p.wan}（万元）；如果确实是 ${p.found} 万元，可在这一行加注释 # nianbao-disable-line NB6007 说明原因。`,
    }),
    en: (p) => ({
      message: `The fee is ${p.found} in a column of 万元, i.e. ${p.yuan} yuan: it looks like yuan typed into the 万元 column.`,
      expected: `If ${p.found} is in yuan, write ${p.wan} (万元); if it really is ${p.found} 万元, add # nianbao-disable-line NB6007 with the reason on this line.`,
    }),
  },
  NB6008: {
    'zh-CN': (p) => ({ message: `导语说全文包括六部分，但没有提到：${p.missing}。`, expected: '导语应依次列出六个部分的名称。' }),
    en: (p) => ({ message: `The introduction says the report has six parts but does not name: ${p.missing}.`, expected: 'The introduction lists the six parts by name.' }),
  },
};
