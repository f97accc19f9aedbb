/** What `nianbao import` says: its help, what it wrote, the parts it could not place, and why a source cannot be read. Side by side. */

import type { SideBySide } from './lang.js';
import type { Loc, UnplacedKind } from '../import/blocks.js';
import type { Inferred } from '../import/title.js';

type Reason = 'unsupported' | 'missing' | 'folder' | 'binary' | 'unknown-encoding' | 'docx' | 'io';

/** The import command's texts, each in both languages. */
export const importText = {
  command: {
    'zh-CN': '把从政府网站保存的年报网页（.html）、Word 文档（.docx）或复制下来的文字（.txt）转换为 YAML 报告文件，再检查它',
    en: 'turn a report saved from a government website (.html), a Word document (.docx) or copied text (.txt) into a YAML report file, then check it',
  },
  source: { 'zh-CN': '要导入的文件（.html、.htm、.docx 或 .txt）', en: 'the file to import (.html, .htm, .docx or .txt)' },
  out: { 'zh-CN': '要写入的报告文件（默认同一文件夹下同名的 .yaml）', en: 'the report file to write (default: the same name with .yaml, beside it)' },
  profile: { 'zh-CN': '报告格式（默认按标题中的年度：2021 年起 gov-2021，2019–2020 年 gov-2019，更早 free-form）', en: 'profile (default by the year in the title: gov-2021 from 2021, gov-2019 for 2019–2020, free-form before)' },
  wrote: {
    'zh-CN': (from: string, to: string, encoding?: string) => `已从 ${from}${encoding && encoding !== 'utf-8' ? `（${encoding.toUpperCase()} 编码）` : ' '}导入，写入 ${to}。`,
    en: (from: string, to: string, encoding?: string) => `Imported ${from}${encoding && encoding !== 'utf-8' ? ` (${encoding.toUpperCase()})` : ''} into ${to}.`,
  },
  unplacedHeader: {
    'zh-CN': (n: number) => `未能放入报告的内容 ${n} 处，已作为注释保留在文件中相应的位置：`,
    en: (n: number) => `${n} part${n === 1 ? '' : 's'} could not be placed; each is kept as a comment where it stood:`,
  },
  allPlaced: { 'zh-CN': '原文的全部内容都已放入报告。', en: 'Every part of the source was placed.' },
  where: {
    'zh-CN': (loc: Loc) => (loc.line !== undefined ? `第 ${loc.line} 行` : loc.table !== undefined ? `第 ${loc.table} 张表格` : `第 ${loc.paragraph ?? 1} 段`),
    en: (loc: Loc) => (loc.line !== undefined ? `line ${loc.line}` : loc.table !== undefined ? `table ${loc.table}` : `paragraph ${loc.paragraph ?? 1}`),
  },
  kind: {
    'zh-CN': {
      image: '图片',
      attachment: '附件链接',
      object: '嵌入内容',
      table: '未能识别的表格',
      'row-run-together': '表格行的数字连在一起（单元格边界已丢失），未拆分',
      'row-unknown': '未能识别的表格行',
      'cell-text': '不是数字的单元格',
      'row-duplicate': '重复的表格行',
      'before-title': '标题之前的文字',
      'after-signature': '落款之后的文字',
      'page-footer': '网页的页脚、导航或按钮',
      'values-unfit': '表头下只有数字的一行，个数与表格不符，未填入',
      chart: '图表',
    } as Record<UnplacedKind, string>,
    en: {
      image: 'image',
      attachment: 'attachment link',
      object: 'embedded object',
      table: 'table not recognised',
      'row-run-together': 'table row with its numbers run together (cell boundaries lost), not split',
      'row-unknown': 'table row not recognised',
      'cell-text': 'cell that is not a number',
      'row-duplicate': 'table row given twice',
      'before-title': 'text before the title',
      'after-signature': 'text after the signature',
      'page-footer': "the site's footer, navigation or buttons",
      'values-unfit': 'a line of numbers alone under a table header whose count does not fit the table, not filled in',
      chart: 'a chart',
    } as Record<UnplacedKind, string>,
  },
  inferred: {
    'zh-CN': (i: Inferred, where: string) =>
      ({
        'title-lines': `标题分两行排，已把上一行（${where}）并入标题：${i.value}`,
        'page-title': `标题中没有发布机关，取自网页标题（${where}）：${i.value}`,
        'source-line': `标题中没有发布机关，取自“来源”一行（${where}）：${i.value}`,
        signature: `标题中没有发布机关，取自落款（${where}）：${i.value}`,
      })[i.from],
    en: (i: Inferred, where: string) =>
      ({
        'title-lines': `The title was set on two lines; the line above (${where}) was joined to it: ${i.value}`,
        'page-title': `The title names no organization; taken from the page's <title> (${where}): ${i.value}`,
        'source-line': `The title names no organization; taken from the 来源 line (${where}): ${i.value}`,
        signature: `The title names no organization; taken from the signature (${where}): ${i.value}`,
      })[i.from],
  },
  inferredHeader: { 'zh-CN': '推断的内容（请核对）：', en: 'Inferred (please check):' },
  checking: { 'zh-CN': (f: string) => `检查 ${f}：`, en: (f: string) => `Checking ${f}:` },
  unreadable: {
    'zh-CN': (f: string, reason: Reason, detail?: string) =>
      ({
        unsupported: `无法导入 ${f}：只能导入 .html、.htm、.docx 和 .txt 文件${detail === '.doc' ? '（.doc 请先在 Word 中另存为 .docx）' : ''}。`,
        missing: `找不到文件 ${f}。`,
        folder: `${f} 是文件夹，请给出一个文件。`,
        binary: `${f} 不是文本文件。`,
        'unknown-encoding': `无法识别 ${f} 的编码：请另存为 UTF-8。`,
        docx: `${f} 不是有效的 Word 文档（.docx）：请在 Word 中打开并另存为 .docx。${detail ? `\n详细信息（英文）：${detail}` : ''}`,
        io: `无法读取 ${f}（${detail ?? ''}）。`,
      })[reason],
    en: (f: string, reason: Reason, detail?: string) =>
      ({
        unsupported: `Cannot import ${f}: import reads .html, .htm, .docx and .txt files${detail === '.doc' ? ' (save a .doc as .docx in Word first)' : ''}.`,
        missing: `File not found: ${f}.`,
        folder: `${f} is a folder; name a file.`,
        binary: `${f} is not a text file.`,
        'unknown-encoding': `Cannot tell the encoding of ${f}: save it as UTF-8.`,
        docx: `${f} is not a valid Word document (.docx): open it in Word and save it as .docx again${detail ? `: ${detail}` : '.'}`,
        io: `Cannot read ${f} (${detail ?? ''}).`,
      })[reason],
  },
} satisfies Record<string, SideBySide<unknown>>;
