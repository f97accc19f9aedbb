/** The text of every diagnostic code, in each language the tool speaks. */

import type { Params } from '../diagnostics.js';
import { yamlReasonZh } from '../source/yaml-reasons.js';

export type Lang = 'zh-CN' | 'en';

/** What a diagnostic says: the problem, and (when known) what would be right. */
export interface MessageText {
  readonly message: string;
  readonly expected?: string;
}

type Template = (p: Params) => MessageText;

const q = (s: unknown): string => `“${String(s)}”`;
const suggestZh = (p: Params): string => (p.suggestion ? `你是不是想写 ${q(p.suggestion)}？` : '');
const suggestEn = (p: Params): string => (p.suggestion ? `Did you mean "${p.suggestion}"?` : '');

const typeNamesZh: Record<string, string> = {
  string: '文本', integer: '整数', number: '数字', boolean: 'true 或 false', object: '键值映射（“键: 值”）',
  array: '列表（每项以“- ”开头）', null: '空值',
};
const typeZh = (t: unknown): string => String(t).split(',').map((x) => typeNamesZh[x] ?? x).join('或');
const typeEn = (t: unknown): string =>
  String(t).split(',').map((x) => (x === 'object' ? 'a mapping (key: value)' : x === 'array' ? 'a list (items starting with "- ")' : x)).join(' or ');

const cellZh = (p: Params): string => `“${p.row}”${p.column ? `“${p.column}”` : ''}`;
const cellEn = (p: Params): string => `"${p.row}"${p.column ? ` / "${p.column}"` : ''}`;
const kindZh = (k: unknown): string =>
  k === 'amount' ? '应为不小于 0 的数字（单位：万元，可有小数）。' : k === 'signed' ? '应为整数（可为负数）。' : '应为不小于 0 的整数；没有的填 0。';
const kindEn = (k: unknown): string =>
  k === 'amount' ? 'Expected a number ≥ 0 (in 万元; decimals allowed).' : k === 'signed' ? 'Expected a whole number (may be negative).' : 'Expected a whole number ≥ 0; write 0 for none.';

const zh: Record<string, Template> = {
  NB1001: () => ({ message: '找不到这个文件。', expected: '检查文件名和路径是否写对。' }),
  NB1002: () => ({ message: '这是一个文件夹，不是报告文件。', expected: '给出一个 .yaml 文件；批量生成时请直接给出文件夹下的各个文件。' }),
  NB1003: (p) => ({ message: `无法读取这个文件（${p.reason}）。`, expected: '检查文件的读取权限。' }),
  NB1004: () => ({ message: '文件是空的。', expected: '可以从 examples/ 中复制一份示例报告开始填写。' }),
  NB1005: (p) => ({
    message: `文件不是 UTF-8 编码，已按 ${p.encoding} 读取。`,
    expected: '请另存为 UTF-8：记事本“另存为”时编码选“UTF-8”，WPS/VS Code 在右下角选择编码后保存。',
  }),
  NB1006: () => ({
    message: '文件不是文本文件，或编码无法识别。',
    expected: '报告必须是 UTF-8 编码的 YAML 文本文件。用记事本打开后“另存为”，编码选“UTF-8”。',
  }),
  NB1007: (p) => ({ message: `文件过大（${p.size}），超过 ${p.limit} 的上限。`, expected: '一份年度报告的 YAML 文件通常不超过几百 KB。' }),
  NB1008: () => ({ message: '没有找到报告文件（.yaml）。', expected: '检查文件夹或通配符是否写对。' }),
  NB2001: (p) => ({ message: `YAML 格式错误：${yamlReasonZh(String(p.reason))}。`, expected: '检查这一行及上一行的缩进、冒号和引号。' }),
  NB2002: () => ({ message: '同一层级中重复出现了同一个键。', expected: '每个键在同一层级只能出现一次；删除或合并重复的一项。' }),
  NB2003: () => ({ message: '缩进中使用了制表符（Tab）。', expected: 'YAML 只能用空格缩进；把 Tab 换成空格（通常每级两个空格）。' }),
  NB2004: () => ({ message: '一个文件中有多份 YAML 文档（“---”分隔）。', expected: '每个文件只写一份报告；把其余的报告放到单独的文件中。' }),
  NB2005: (p) => ({ message: `别名（*引用）过多：${p.reason}。`, expected: '报告中不需要 YAML 别名，请直接写出内容。' }),
  NB2006: () => ({ message: '键后面用了全角冒号“：”。', expected: '改为半角冒号加一个空格，例如“year: 2025”（切换到英文输入法再输入冒号）。' }),
  NB2007: () => ({ message: '缩进中有全角空格。', expected: '缩进只能用半角空格：删除这里的全角空格，改用英文输入法下的空格。' }),
  NB2008: (p) => ({ message: '这一行像是段落文字，但缩进比上面以“|”开始的段落少，已不属于那一段。', expected: `把这一行的缩进改为 ${p.indent} 个空格，与上面的段落对齐。` }),
  NB2101: (p) => ({ message: `${p.key || '整个文件'} 的类型不对：这里是${typeZh(p.found)}。`, expected: `应为${typeZh(p.expected)}。` }),
  NB2102: (p) => ({ message: `未知的键 ${q(p.key)}。${suggestZh(p)}`, expected: `此处可用的键：${p.allowed}。` }),
  NB2103: (p) => ({ message: `缺少必填项 ${q(p.key)}。`, expected: `在这里加上“${p.key}: …”。` }),
  NB2104: (p) => ({ message: `${p.key} 的值 ${q(p.found)} 不在可选范围内。`, expected: `可选的值：${p.allowed}。` }),
  NB2105: (p) => ({ message: `${p.key} 的值 ${q(p.found)} 不是有效日期。`, expected: '日期写成 YYYY-MM-DD，例如 2024-01-25。' }),
  NB2106: (p) => ({ message: `${p.key} 的值 ${p.found} 超出范围。`, expected: `应${p.comparison === '>=' ? '不小于' : '不大于'} ${p.limit}。` }),
  NB2107: (p) => ({ message: `${p.key} 不能为空。`, expected: '填写内容，或删除这一项。' }),
  NB2108: (p) => ({ message: `名称 ${q(p.found)} 不合规。`, expected: '名称只用英文字母、数字和下划线，且不以数字开头，例如 portal_items。' }),
  NB3001: (p) => ({
    message: `缺少必需的一级标题 ${q(p.title)}。`,
    expected: p.after ? `应在 ${q(p.after)} 之后加上这一部分。` : '应在报告开头加上这一部分。',
  }),
  NB3002: (p) => ({ message: `一级标题 ${q(p.title)} 的位置不对。`, expected: `应放在 ${q(p.before)} 之前。` }),
  NB3003: (p) => ({
    message: `标题中手写的序号 ${q(p.found)} 与它的位置不符，这里应为 ${q(p.expected)}。`,
    expected: '标题序号由 nianbao 按层级自动编排（一、（一）1.（1）），请删除手写的序号。',
  }),
  NB3004: (p) => ({ message: `标题 ${q(p.found)} 是非标准写法。`, expected: `标准写法为 ${q(p.title)}。` }),
  NB3005: (p) => ({ message: `标题层级过深（第 ${p.level} 级）。`, expected: '公文结构层次最多四级：一、（一）1.（1）。' }),
  NB3006: (p) => ({ message: `找不到报告格式 ${q(p.profile)}。`, expected: `可用的格式：${p.available}；或给出自定义格式文件夹的路径。` }),
  NB3007: (p) => ({ message: `报告格式文件有误：${p.reason}。`, expected: '检查格式文件夹中的 profile.yaml 与模板。' }),
  NB3008: (p) => ({ message: `多出了一级标题 ${q(p.found)}。`, expected: `统一格式只有六个部分：${p.titles}。可把这部分内容并入相应的部分。` }),
  NB3009: (p) => ({ message: `${p.year} 年的报告使用了格式 ${q(p.profile)}，它适用于 ${p.range}。`, expected: `应使用 ${q(p.suggested)}。` }),
  NB4001: (p) => ({ message: `引用了不存在的数据 ${q(p.name)}。${suggestZh(p)}`, expected: p.defined ? `已定义的数据：${p.defined}。` : '先在 figures 下定义这项数据。' }),
  NB4002: (p) => ({ message: `无法识别的引用 ${q(p.found)}，将按原文显示。`, expected: '引用数据请写成 {{figures.名称}}。' }),
  NB4003: (p) => ({ message: `引用了不存在的表格数据 ${q(p.name)}。${suggestZh(p)}`, expected: '写成 {{tables.表格.行.列}}，例如 {{tables.requests.new.total}}。' }),
  NB5001: (p) => ({
    message: p.row ? `表格“${p.table}”缺少 ${cellZh(p)}。` : `缺少表格“${p.table}”。`,
    expected: p.row ? '每个单元格都要填写，没有的填 0（不能留空）。' : '用 nianbao init 生成的骨架中有完整的表格，可从中复制。',
  }),
  NB5002: (p) => ({ message: `表格“${p.table}”中${cellZh(p)}的值 ${q(p.found)} 无效。`, expected: kindZh(p.kind) }),
  NB5003: (p) => ({ message: `表格“${p.table}”中${cellZh(p)}填的是 ${p.given}，但各项相加为 ${p.expected}。`, expected: `${p.parts} = ${p.expected}。` }),
  NB5004: (p) => ({
    message: `表格“${p.table}”“${p.column}”一列不平衡（应有：${p.identity}）。`,
    expected: `左边 ${p.left}；右边 ${p.right}。两边应当相等。`,
  }),
  NB5006: (p) => ({ message: `正文中的“${p.found}”与表格不符：${p.what}在表格中为 ${p.expected}。`, expected: `改为 ${p.expected}，或用 {{tables.${p.ref}}} 引用表格中的数字。` }),
  NB6009: (p) => ({ message: `无法读取上一年度报告 ${q(p.file)}（${p.reason}），跳过与上年数据的核对。`, expected: '检查 previous 中的路径（相对于本文件）。' }),
  NB6010: () => ({ message: '这一行的注释中还有 TODO：这一项可能还没有改为实际内容。', expected: '改好这一项后，删除注释中的 TODO。' }),
  NB6001: () => ({ message: '正文中还有待填写的 TODO 标记。', expected: '填写这部分内容，并删除 TODO。' }),
  NB6002: (p) => ({ message: `“二、上年结转”${p.column}为 ${p.found}，而上一年度报告的“四、结转下年度继续办理”为 ${p.expected}。`, expected: '两者通常应当相等；请核对本年或上年的数据。' }),
  NB6003: (p) => ({ message: `行政规范性文件现行有效件数 ${p.found} 与上年 ${p.previous} + 本年制发 ${p.issued} − 本年废止 ${p.repealed} = ${p.expected} 不符。`, expected: '如有失效、清理等情况可忽略此提示；否则请核对。' }),
  NB6004: (p) => ({ message: `“${p.organization}”看来不是可以制定规章的机关，但表中规章数不为 0。`, expected: '只有国务院部门、省级政府和设区的市、自治州政府可以制定规章；请核对是否应填 0。' }),
  NB6005: (p) => ({ message: `${p.where === 'title' ? '标题' : '导语'}中的年份 ${p.found} 与报告年度 ${p.year} 不一致。`, expected: `应为 ${p.year}年。` }),
  NB6006: (p) => ({ message: `发布日期 ${p.published} 晚于法定期限 ${p.deadline}（《中华人民共和国政府信息公开条例》第四十九条）。`, expected: p.publisher === 'government' ? '县级以上地方人民政府的年度报告应在每年3月31日前公布。' : '县级以上人民政府部门的年度报告应在每年1月31日前公布。' }),
  NB6007: (p) => ({ message: `行政事业性收费金额 ${p.found} 万元（即 ${p.yuan} 元）异常地大。`, expected: '该栏单位是“万元”；如果填的是元，请除以 10000。' }),
  NB6008: (p) => ({ message: `导语说全文包括六部分，但没有提到：${p.missing}。`, expected: '导语应依次列出六个部分的名称。' }),
};

const en: Record<string, Template> = {
  NB1001: () => ({ message: 'File not found.', expected: 'Check the file name and path.' }),
  NB1002: () => ({ message: 'This is a folder, not a report file.', expected: 'Name a .yaml file.' }),
  NB1003: (p) => ({ message: `Cannot read this file (${p.reason}).`, expected: 'Check the file permissions.' }),
  NB1004: () => ({ message: 'The file is empty.', expected: 'Start from a copy of a report in examples/.' }),
  NB1005: (p) => ({ message: `The file is not UTF-8; it was read as ${p.encoding}.`, expected: 'Save it as UTF-8 (Notepad: Save As, Encoding: UTF-8).' }),
  NB1006: () => ({ message: 'This is not a text file, or its encoding is unknown.', expected: 'A report is a UTF-8 YAML text file.' }),
  NB1007: (p) => ({ message: `The file is too large (${p.size}; the limit is ${p.limit}).`, expected: 'A report file is usually a few hundred KB at most.' }),
  NB1008: () => ({ message: 'No report files (.yaml) matched.', expected: 'Check the folder or the pattern.' }),
  NB2001: (p) => ({ message: `YAML syntax error: ${p.reason === 'colon in a plain value' ? 'a colon and a space inside a plain value; put the value in quotes' : p.reason}.`, expected: 'Check the indentation, colons and quotes on this line and the one before.' }),
  NB2002: () => ({ message: 'A key appears twice in the same mapping.', expected: 'Each key may appear once per level; remove or merge the duplicate.' }),
  NB2003: () => ({ message: 'A tab character is used for indentation.', expected: 'YAML indents with spaces only (usually two per level).' }),
  NB2004: () => ({ message: 'The file holds more than one YAML document ("---").', expected: 'Put one report in each file.' }),
  NB2005: (p) => ({ message: `Too many aliases: ${p.reason}.`, expected: 'A report needs no YAML aliases; write the content out.' }),
  NB2006: () => ({ message: 'A full-width colon "：" follows a key.', expected: 'Use an ASCII colon and a space, e.g. "year: 2025".' }),
  NB2007: () => ({ message: 'A full-width space is used for indentation.', expected: 'Indent with ASCII spaces only.' }),
  NB2008: (p) => ({ message: 'This line looks like paragraph text, but it is indented less than the "|" paragraph above, so it is no longer part of it.', expected: `Indent this line by ${p.indent} spaces, like the paragraph above.` }),
  NB2101: (p) => ({ message: `Wrong type for ${p.key || 'the document'}: found ${typeEn(p.found)}.`, expected: `Expected ${typeEn(p.expected)}.` }),
  NB2102: (p) => ({ message: `Unknown key "${p.key}". ${suggestEn(p)}`.trim(), expected: `Keys allowed here: ${p.allowed}.` }),
  NB2103: (p) => ({ message: `Missing required key "${p.key}".`, expected: `Add "${p.key}: …" here.` }),
  NB2104: (p) => ({ message: `Invalid value "${p.found}" for ${p.key}.`, expected: `Allowed values: ${p.allowed}.` }),
  NB2105: (p) => ({ message: `"${p.found}" is not a valid date for ${p.key}.`, expected: 'Write dates as YYYY-MM-DD, e.g. 2024-01-25.' }),
  NB2106: (p) => ({ message: `${p.found} is out of range for ${p.key}.`, expected: `Expected a value ${p.comparison} ${p.limit}.` }),
  NB2107: (p) => ({ message: `${p.key} must not be empty.`, expected: 'Fill it in, or remove the key.' }),
  NB2108: (p) => ({ message: `Invalid name "${p.found}".`, expected: 'Use ASCII letters, digits and underscores, not starting with a digit, e.g. portal_items.' }),
  NB3001: (p) => ({
    message: `Missing required top-level heading "${p.title}".`,
    expected: p.after ? `Add this section after "${p.after}".` : 'Add this section at the start of the report.',
  }),
  NB3002: (p) => ({ message: `Top-level heading "${p.title}" is out of order.`, expected: `It belongs before "${p.before}".` }),
  NB3003: (p) => ({
    message: `The hand-typed number "${p.found}" does not match the heading's position; it would be "${p.expected}".`,
    expected: 'nianbao numbers headings by depth (一、 （一） 1. （1）); remove the typed number.',
  }),
  NB3004: (p) => ({ message: `Heading "${p.found}" is a non-standard wording.`, expected: `The standard wording is "${p.title}".` }),
  NB3005: (p) => ({ message: `Heading nested too deep (level ${p.level}).`, expected: 'Official documents use at most four levels: 一、 （一） 1. （1）.' }),
  NB3006: (p) => ({ message: `Unknown report profile "${p.profile}".`, expected: `Available: ${p.available}; or give the path of a profile folder.` }),
  NB3007: (p) => ({ message: `The profile is invalid: ${p.reason}.`, expected: 'Check profile.yaml and the templates in the profile folder.' }),
  NB3008: (p) => ({ message: `Unexpected top-level heading "${p.found}".`, expected: `The national format has six parts: ${p.titles}. Move this content into one of them.` }),
  NB3009: (p) => ({ message: `A ${p.year} report uses profile "${p.profile}", which is for ${p.rangeEn}.`, expected: `Use "${p.suggested}".` }),
  NB4001: (p) => ({ message: `Reference to undefined figure "${p.name}". ${suggestEn(p)}`.trim(), expected: p.defined ? `Defined figures: ${p.defined}.` : 'Define it under figures first.' }),
  NB4002: (p) => ({ message: `Unrecognised reference "${p.found}"; it is shown as typed.`, expected: 'Reference a figure as {{figures.name}}.' }),
  NB4003: (p) => ({ message: `Reference to an unknown table value "${p.name}". ${suggestEn(p)}`.trim(), expected: 'Write {{tables.table.row.column}}, e.g. {{tables.requests.new.total}}.' }),
  NB5001: (p) => ({
    message: p.row ? `Table "${p.table}" is missing ${cellEn(p)}.` : `Table "${p.table}" is missing.`,
    expected: p.row ? 'Every cell must be filled in; write 0 for none (never leave it blank).' : 'The skeleton written by `nianbao init` has every table in full.',
  }),
  NB5002: (p) => ({ message: `Invalid value "${p.found}" for ${cellEn(p)} in table "${p.table}".`, expected: kindEn(p.kind) }),
  NB5003: (p) => ({ message: `In table "${p.table}", ${cellEn(p)} is ${p.given}, but its parts add up to ${p.expected}.`, expected: `${p.parts} = ${p.expected}.` }),
  NB5004: (p) => ({
    message: `Table "${p.table}", column "${p.column}" does not balance (the rule: ${p.identity}).`,
    expected: `Left: ${p.left}; right: ${p.right}. The two sides must be equal.`,
  }),
  NB5006: (p) => ({ message: `The text says ${p.found}, but the table gives ${p.expected} for ${p.what}.`, expected: `Write ${p.expected}, or reference the table as {{tables.${p.ref}}}.` }),
  NB6009: (p) => ({ message: `Cannot read last year's report "${p.file}" (${p.reason}); the checks against last year are skipped.`, expected: 'Check the path in previous (relative to this file).' }),
  NB6010: () => ({ message: 'A comment on this line still says TODO: the value may not be filled in yet.', expected: 'Fill in the value, then remove TODO from the comment.' }),
  NB6001: () => ({ message: 'The text still has a TODO marker.', expected: 'Write this part and remove the TODO.' }),
  NB6002: (p) => ({ message: `Carried over from last year (${p.column}) is ${p.found}, but last year's report carried forward ${p.expected}.`, expected: 'They are normally equal; check this year\'s or last year\'s figures.' }),
  NB6003: (p) => ({ message: `Normative documents in force (${p.found}) differ from last year's ${p.previous} + issued ${p.issued} − repealed ${p.repealed} = ${p.expected}.`, expected: 'Ignore this if documents expired or were cleaned up; otherwise check.' }),
  NB6004: (p) => ({ message: `"${p.organization}" does not look like a body that can make 规章, yet the table counts some.`, expected: 'Only State Council departments, provincial governments and governments of cities with districts make 规章; check whether this should be 0.' }),
  NB6005: (p) => ({ message: `The year ${p.found} in ${p.where === 'title' ? 'the title' : 'the introduction'} differs from the report's year ${p.year}.`, expected: `Expected ${p.year}.` }),
  NB6006: (p) => ({ message: `Published ${p.published}, after the legal deadline ${p.deadline} (条例 第四十九条).`, expected: p.publisher === 'government' ? 'A local government publishes its report by 31 March.' : 'A government department publishes its report by 31 January.' }),
  NB6007: (p) => ({ message: `The fee of ${p.found} 万元 (${p.yuan} yuan) is unusually large.`, expected: 'The column is in 万元 (10,000 yuan); if you typed yuan, divide by 10,000.' }),
  NB6008: (p) => ({ message: `The introduction says the report has six parts but does not name: ${p.missing}.`, expected: 'The introduction lists the six parts by name.' }),
};

const catalogs: Record<Lang, Record<string, Template>> = { 'zh-CN': zh, en };

/** Localized text of a diagnostic code. Unknown codes fall back to the code itself. */
export function messageFor(code: string, params: Params, lang: Lang): MessageText {
  const template = catalogs[lang][code] ?? catalogs['zh-CN'][code];
  return template ? template(params) : { message: code };
}
