/** What the warnings about a report's plausibility say (NB6xxx: TODO, last year, years and dates, fees, repeats, accepted warnings), side by side. */

import type { SideBySide } from './lang.js';
import { q, type Template } from './phrasing.js';

/** NB6xxx. */
export const plausibilityMessages: Record<string, SideBySide<Template>> = {
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
