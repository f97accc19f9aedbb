/** What the diagnostics about a file and its YAML say (NB1xxx: the file; NB2xxx: YAML, keys and types), side by side. */

import { yamlReasonZh } from './yaml-reasons.js';
import type { SideBySide } from './lang.js';
import { q, suggestEn, suggestZh, type Template } from './phrasing.js';

const typeNamesZh: Record<string, string> = {
  string: '文本', integer: '整数', number: '数字', boolean: 'true 或 false', object: '键值映射（“键: 值”）',
  array: '列表（每项以“- ”开头）', null: '空值',
};
const typeZh = (t: unknown): string => String(t).split(',').map((x) => typeNamesZh[x] ?? x).join('或');
const typeEn = (t: unknown): string =>
  String(t).split(',').map((x) => (x === 'object' ? 'a mapping (key: value)' : x === 'array' ? 'a list (items starting with "- ")' : x)).join(' or ');

/** What to change in a number typed as text: the 年, full-width digits, thousands separators. */
function hintZh(typed: string): string {
  const hints = [/年/.test(typed) ? '去掉“年”' : '', /[０-９]/.test(typed) ? '全角数字改为半角' : '', /[,，]/.test(typed) ? '去掉千位分隔符' : ''].filter(Boolean);
  return hints.length ? `${hints.join('、')}，` : '';
}

/** NB1xxx and NB2xxx. */
export const inputMessages: Record<string, SideBySide<Template>> = {
  NB1001: {
    'zh-CN': () => ({ message: '找不到这个文件。', expected: '检查文件名和路径是否写对。' }),
    en: () => ({ message: 'File not found.', expected: 'Check the file name and path.' }),
  },
  NB1002: {
    'zh-CN': () => ({ message: '这是一个文件夹，不是报告文件。', expected: '给出一个 .yaml 文件；批量生成时请直接给出文件夹下的各个文件。' }),
    en: () => ({ message: 'This is a folder, not a report file.', expected: 'Name a .yaml file.' }),
  },
  NB1003: {
    'zh-CN': (p) => ({ message: `无法读取这个文件（${p.reason}）。`, expected: '检查文件的读取权限。' }),
    en: (p) => ({ message: `Cannot read this file (${p.reason}).`, expected: 'Check the file permissions.' }),
  },
  NB1004: {
    'zh-CN': () => ({ message: '文件是空的。', expected: '可以从 examples/ 中复制一份示例报告开始填写。' }),
    en: () => ({ message: 'The file is empty.', expected: 'Start from a copy of a report in examples/.' }),
  },
  NB1005: {
    'zh-CN': (p) => ({
      message: `文件不是 UTF-8 编码，已按 ${p.encoding} 读取。`,
      expected: '请另存为 UTF-8：记事本“另存为”时编码选“UTF-8”，WPS/VS Code 在右下角选择编码后保存。',
    }),
    en: (p) => ({ message: `The file is not UTF-8; it was read as ${p.encoding}.`, expected: 'Save it as UTF-8 (Notepad: Save As, Encoding: UTF-8).' }),
  },
  NB1006: {
    'zh-CN': () => ({
      message: '文件不是文本文件，或编码无法识别。',
      expected: '报告必须是 UTF-8 编码的 YAML 文本文件。用记事本打开后“另存为”，编码选“UTF-8”。',
    }),
    en: () => ({ message: 'This is not a text file, or its encoding is unknown.', expected: 'A report is a UTF-8 YAML text file.' }),
  },
  NB1007: {
    'zh-CN': (p) => ({ message: `文件过大（${p.size}），超过 ${p.limit} 的上限。`, expected: '一份年度报告的 YAML 文件通常不超过几百 KB。' }),
    en: (p) => ({ message: `The file is too large (${p.size}; the limit is ${p.limit}).`, expected: 'A report file is usually a few hundred KB at most.' }),
  },
  NB1008: {
    'zh-CN': () => ({ message: '没有找到报告文件（.yaml）。', expected: '检查文件夹或通配符是否写对。' }),
    en: () => ({ message: 'No report files (.yaml) matched.', expected: 'Check the folder or the pattern.' }),
  },
  NB1009: {
    'zh-CN': (p) => ({
      message: `无法读取表格文件 ${q(p.file)}：${{ missing: '找不到这个文件', unreadable: `文件无法读取${p.detail ? `（${p.detail}）` : ''}`, 'too-large': '文件过大', 'not-xlsx': `不是 Excel 工作簿（.xlsx）${p.detail ? `（${p.detail}）` : ''}` }[String(p.reason)] ?? String(p.reason)}。`,
      expected: p.reason === 'not-xlsx' ? '用 Excel 或 WPS 打开后“另存为” Excel 工作簿（.xlsx），或用 nianbao tables export 重新生成。' : '“tables:” 写的是相对于报告所在文件夹的路径；可用 nianbao tables export 生成这个文件。',
    }),
    en: (p) => ({
      message: `Cannot read the tables file "${p.file}": ${{ missing: 'file not found', unreadable: `cannot read it${p.detail ? ` (${p.detail})` : ''}`, 'too-large': 'the file is too large', 'not-xlsx': `not an Excel workbook (.xlsx)${p.detail ? ` (${p.detail})` : ''}` }[String(p.reason)] ?? String(p.reason)}.`,
      expected: p.reason === 'not-xlsx' ? 'Save it as an Excel workbook (.xlsx), or write it again with `nianbao tables export`.' : '`tables:` names a file relative to the report\'s folder; `nianbao tables export` writes one.',
    }),
  },
  NB2001: {
    'zh-CN': (p) => ({ message: `YAML 格式错误：${yamlReasonZh(String(p.reason))}。`, expected: '检查这一行及上一行的缩进、冒号和引号。' }),
    en: (p) => ({ message: `YAML syntax error: ${p.reason === 'colon in a plain value' ? 'a colon and a space inside a plain value; put the value in quotes' : p.reason}.`, expected: 'Check the indentation, colons and quotes on this line and the one before.' }),
  },
  NB2002: {
    'zh-CN': () => ({ message: '同一层级中重复出现了同一个键。', expected: '每个键在同一层级只能出现一次；删除或合并重复的一项。' }),
    en: () => ({ message: 'A key appears twice in the same mapping.', expected: 'Each key may appear once per level; remove or merge the duplicate.' }),
  },
  NB2003: {
    'zh-CN': () => ({ message: '缩进中使用了制表符（Tab）。', expected: 'YAML 只能用空格缩进；把 Tab 换成空格（通常每级两个空格）。' }),
    en: () => ({ message: 'A tab character is used for indentation.', expected: 'YAML indents with spaces only (usually two per level).' }),
  },
  NB2004: {
    'zh-CN': () => ({ message: '一个文件中有多份 YAML 文档（“---”分隔）。', expected: '每个文件只写一份报告；把其余的报告放到单独的文件中。' }),
    en: () => ({ message: 'The file holds more than one YAML document ("---").', expected: 'Put one report in each file.' }),
  },
  NB2005: {
    'zh-CN': (p) => ({ message: `别名（*引用）过多：${p.reason}。`, expected: '报告中不需要 YAML 别名，请直接写出内容。' }),
    en: (p) => ({ message: `Too many aliases: ${p.reason}.`, expected: 'A report needs no YAML aliases; write the content out.' }),
  },
  NB2006: {
    'zh-CN': () => ({ message: '键后面用了全角冒号“：”。', expected: '改为半角冒号加一个空格，例如“year: 2025”（切换到英文输入法再输入冒号）。' }),
    en: () => ({ message: 'A full-width colon "：" follows a key.', expected: 'Use an ASCII colon and a space, e.g. "year: 2025".' }),
  },
  NB2007: {
    'zh-CN': () => ({ message: '缩进中有全角空格。', expected: '缩进只能用半角空格：删除这里的全角空格，改用英文输入法下的空格。' }),
    en: () => ({ message: 'A full-width space is used for indentation.', expected: 'Indent with ASCII spaces only.' }),
  },
  NB2008: {
    'zh-CN': (p) => ({ message: '这一行像是段落文字，但缩进比上面以“|”开始的段落少，已不属于那一段。', expected: `把这一行的缩进改为 ${p.indent} 个空格，与上面的段落对齐。` }),
    en: (p) => ({ message: 'This line looks like paragraph text, but it is indented less than the "|" paragraph above, so it is no longer part of it.', expected: `Indent this line by ${p.indent} spaces, like the paragraph above.` }),
  },
  NB2101: {
    'zh-CN': (p) =>
      p.rewrite !== undefined
        ? { message: `${p.key} 要写成数字，这里写的是 ${q(p.typed)}。`, expected: `${hintZh(String(p.typed))}写成 ${p.rewrite}。` }
        : { message: `${p.key || '整个文件'} 的类型不对：这里是${typeZh(p.found)}。`, expected: `应为${typeZh(p.expected)}。` },
    en: (p) =>
      p.rewrite !== undefined
        ? { message: `${p.key} takes a number; found "${p.typed}".`, expected: `Write ${p.rewrite}.` }
        : { message: `Wrong type for ${p.key || 'the document'}: found ${typeEn(p.found)}.`, expected: `Expected ${typeEn(p.expected)}.` },
  },
  NB2102: {
    'zh-CN': (p) => ({ message: `未知的键 ${q(p.key)}。${suggestZh(p)}`, expected: `此处可用的键：${p.allowed}。` }),
    en: (p) => ({ message: `Unknown key "${p.key}". ${suggestEn(p)}`.trim(), expected: `Keys allowed here: ${p.allowed}.` }),
  },
  NB2103: {
    'zh-CN': (p) => ({ message: `缺少必填项 ${q(p.key)}。`, expected: `在这里加上“${p.key}: …”。` }),
    en: (p) => ({ message: `Missing required key "${p.key}".`, expected: `Add "${p.key}: …" here.` }),
  },
  NB2104: {
    'zh-CN': (p) => ({ message: `${p.key} 的值 ${q(p.found)} 不在可选范围内。`, expected: `可选的值：${p.allowed}。` }),
    en: (p) => ({ message: `Invalid value "${p.found}" for ${p.key}.`, expected: `Allowed values: ${p.allowed}.` }),
  },
  NB2109: {
    'zh-CN': (p) => ({
      message: p.profile ? `报告格式 ${q(p.profile)} 没有统一的统计表格，这里的 tables 不会打印出来。` : '没有写报告格式（profile），这里的 tables 不会打印出来。',
      expected: '2019 年及以后的报告请用 profile: gov-2021（或 gov-2019）；自由格式的报告，把表格写在某一部分的 table: 下（columns 和 rows，见 README“Tables of a section”）。',
    }),
    en: (p) => ({
      message: p.profile ? `Profile "${p.profile}" has no national tables: these tables would not be printed.` : 'No profile is given: these tables would not be printed.',
      expected: 'Use profile: gov-2021 (or gov-2019) for 2019 and later; in the free form, put the table under a section as table: with columns and rows (see "Tables of a section" in the README).',
    }),
  },
  NB2105: {
    'zh-CN': (p) =>
      p.rewrite
        ? { message: `${p.key} 的日期 ${q(p.found)} 要写成“年-月-日”的格式（YYYY-MM-DD）。`, expected: `应写成 ${p.rewrite}。` }
        : { message: `${p.key} 的值 ${q(p.found)} 不是有效日期。`, expected: '日期写成 YYYY-MM-DD，例如 2024-01-25。' },
    en: (p) =>
      p.rewrite
        ? { message: `The date "${p.found}" for ${p.key} must be written as YYYY-MM-DD.`, expected: `Write it as ${p.rewrite}.` }
        : { message: `"${p.found}" is not a valid date for ${p.key}.`, expected: 'Write dates as YYYY-MM-DD, e.g. 2024-01-25.' },
  },
  NB2106: {
    'zh-CN': (p) => ({ message: `${p.key} 的值 ${p.found} 超出范围。`, expected: `应${p.comparison === '>=' ? '不小于' : '不大于'} ${p.limit}。` }),
    en: (p) => ({ message: `${p.found} is out of range for ${p.key}.`, expected: `Expected a value ${p.comparison} ${p.limit}.` }),
  },
  NB2107: {
    'zh-CN': (p) => ({ message: `${p.key} 不能为空。`, expected: '填写内容，或删除这一项。' }),
    en: (p) => ({ message: `${p.key} must not be empty.`, expected: 'Fill it in, or remove the key.' }),
  },
  NB2108: {
    'zh-CN': (p) => ({ message: `名称 ${q(p.found)} 不合规。`, expected: '名称只用英文字母、数字和下划线，且不以数字开头，例如 portal_items。' }),
    en: (p) => ({ message: `Invalid name "${p.found}".`, expected: 'Use ASCII letters, digits and underscores, not starting with a digit, e.g. portal_items.' }),
  },
};
