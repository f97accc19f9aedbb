/** The text of every diagnostic code, in each language the tool speaks. */

import type { Params } from './diagnostics.js';
import { yamlReasonZh } from './yaml-reasons.js';

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
  NB2001: (p) => ({ message: `YAML 格式错误：${yamlReasonZh(String(p.reason))}。`, expected: '检查这一行及上一行的缩进、冒号和引号。' }),
  NB2002: () => ({ message: '同一层级中重复出现了同一个键。', expected: '每个键在同一层级只能出现一次；删除或合并重复的一项。' }),
  NB2003: () => ({ message: '缩进中使用了制表符（Tab）。', expected: 'YAML 只能用空格缩进；把 Tab 换成空格（通常每级两个空格）。' }),
  NB2004: () => ({ message: '一个文件中有多份 YAML 文档（“---”分隔）。', expected: '每个文件只写一份报告；把其余的报告放到单独的文件中。' }),
  NB2005: (p) => ({ message: `别名（*引用）过多：${p.reason}。`, expected: '报告中不需要 YAML 别名，请直接写出内容。' }),
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
  NB4001: (p) => ({ message: `引用了不存在的数据 ${q(p.name)}。${suggestZh(p)}`, expected: p.defined ? `已定义的数据：${p.defined}。` : '先在 figures 下定义这项数据。' }),
  NB4002: (p) => ({ message: `无法识别的引用 ${q(p.found)}，将按原文显示。`, expected: '引用数据请写成 {{figures.名称}}。' }),
};

const en: Record<string, Template> = {
  NB1001: () => ({ message: 'File not found.', expected: 'Check the file name and path.' }),
  NB1002: () => ({ message: 'This is a folder, not a report file.', expected: 'Name a .yaml file.' }),
  NB1003: (p) => ({ message: `Cannot read this file (${p.reason}).`, expected: 'Check the file permissions.' }),
  NB1004: () => ({ message: 'The file is empty.', expected: 'Start from a copy of a report in examples/.' }),
  NB1005: (p) => ({ message: `The file is not UTF-8; it was read as ${p.encoding}.`, expected: 'Save it as UTF-8 (Notepad: Save As, Encoding: UTF-8).' }),
  NB1006: () => ({ message: 'This is not a text file, or its encoding is unknown.', expected: 'A report is a UTF-8 YAML text file.' }),
  NB1007: (p) => ({ message: `The file is too large (${p.size}; the limit is ${p.limit}).`, expected: 'A report file is usually a few hundred KB at most.' }),
  NB2001: (p) => ({ message: `YAML syntax error: ${p.reason}.`, expected: 'Check the indentation, colons and quotes on this line and the one before.' }),
  NB2002: () => ({ message: 'A key appears twice in the same mapping.', expected: 'Each key may appear once per level; remove or merge the duplicate.' }),
  NB2003: () => ({ message: 'A tab character is used for indentation.', expected: 'YAML indents with spaces only (usually two per level).' }),
  NB2004: () => ({ message: 'The file holds more than one YAML document ("---").', expected: 'Put one report in each file.' }),
  NB2005: (p) => ({ message: `Too many aliases: ${p.reason}.`, expected: 'A report needs no YAML aliases; write the content out.' }),
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
  NB4001: (p) => ({ message: `Reference to undefined figure "${p.name}". ${suggestEn(p)}`.trim(), expected: p.defined ? `Defined figures: ${p.defined}.` : 'Define it under figures first.' }),
  NB4002: (p) => ({ message: `Unrecognised reference "${p.found}"; it is shown as typed.`, expected: 'Reference a figure as {{figures.name}}.' }),
};

const catalogs: Record<Lang, Record<string, Template>> = { 'zh-CN': zh, en };

/** Localized text of a diagnostic code. Unknown codes fall back to the code itself. */
export function messageFor(code: string, params: Params, lang: Lang): MessageText {
  const template = catalogs[lang][code] ?? catalogs['zh-CN'][code];
  return template ? template(params) : { message: code };
}

/** Every code the catalog knows, for the README table and tests. */
export function knownCodes(): string[] {
  return Object.keys(zh).sort();
}
