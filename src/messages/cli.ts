/** Everything the command line says besides diagnostics: help, usage errors, notes. Chinese and English side by side. */

import type { SideBySide } from './lang.js';
import type { ProfileSummary } from '../run/api.js';
import type { Finding } from '../run/doctor.js';
import { BROWSER_ENV } from '../print/find-browser.js';

/** The CLI's texts, each in both languages. */
export const cliText = {
  description: {
    'zh-CN': '年报：把 YAML 写成的政府信息公开工作年度报告检查并生成 HTML 与 PDF。',
    en: 'nianbao: check annual government-information-disclosure reports written in YAML and build them to HTML and PDF.',
  },
  check: { 'zh-CN': '检查报告文件（不启动浏览器）', en: 'check report files (no browser is started)' },
  newReport: {
    'zh-CN': '由上一年度的报告生成下一年度的报告：机关、格式、各部分标题和数据名称沿用，年份前移，上年结转取自上年的结转下年度，正文改为 TODO（上年文字留在注释中）',
    en: "write next year's report from last year's: body, format, headings and figure names carry over, years move on, 上年结转 from last year's 结转下年度, the text becomes TODO (last year's in comments)",
  },
  newFrom: { 'zh-CN': '上一年度的报告文件', en: "last year's report file" },
  newYear: { 'zh-CN': '新报告的年度（默认上一年度 + 1）', en: "the new report's year (default: last year's + 1)" },
  newOut: { 'zh-CN': '要写入的文件（默认同一文件夹下的 <年度>.yaml）', en: 'file to write (default <year>.yaml beside last year\'s)' },
  doctor: { 'zh-CN': '检查本机能否生成 PDF：Node、浏览器、沙箱、字体、缓存和输出文件夹；有问题时给出改法', en: 'check that this machine can build PDFs: Node, the browser, the sandbox, fonts, cache and output folders; with the fix for each problem' },
  doctorWhat: {
    'zh-CN': { node: 'Node.js', browser: '浏览器', starts: '浏览器能否启动', sandbox: '沙箱', fonts: '内置字体', official: '本机公文字体（--fonts auto）', cache: '字体缓存', output: '输出文件夹' },
    en: { node: 'Node.js', browser: 'browser', starts: 'browser starts', sandbox: 'sandbox', fonts: 'bundled fonts', official: 'official faces (--fonts auto)', cache: 'font cache', output: 'output folder' },
  },
  doctorFound: {
    'zh-CN': (f: Finding) =>
      f.what === 'sandbox' ? (f.found.startsWith('root') ? '以 root 运行：浏览器不使用沙箱启动（页面不运行脚本、不联网）' : '使用浏览器自己的沙箱')
      : f.what === 'official' ? (f.found === '—' ? '未安装（仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312），用内置字体' : f.found === '?' ? '无法查询（没有 fc-list），用内置字体' : f.found)
      : f.ok ? f.found : `有问题：${f.found}`,
    en: (f: Finding) =>
      f.what === 'sandbox' ? (f.found.startsWith('root') ? 'running as root: the browser starts without its sandbox (the page runs no script and fetches nothing)' : "the browser's own sandbox")
      : f.what === 'official' ? (f.found === '—' ? 'none installed (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312): the bundled stand-ins print' : f.found === '?' ? 'cannot tell (no fc-list): the bundled stand-ins print' : f.found)
      : f.ok ? f.found : `problem: ${f.found}`,
  },
  doctorFix: {
    'zh-CN': {
      node: '改法：安装 Node.js 20 或更新的版本（https://nodejs.org）。',
      'browser-linux': '改法：sudo apt-get install chromium（Debian/Ubuntu），或用 --browser <路径> / 环境变量 NIANBAO_BROWSER 指明浏览器。',
      browser: '改法：安装 Chrome 或 Edge，或用 --browser <路径> / 环境变量 NIANBAO_BROWSER 指明浏览器。',
      starts: '改法：确认这个浏览器能运行（例如加 --headless --version 运行它）；Linux 上可安装发行版的 chromium 软件包以补齐它需要的库。',
      fonts: '改法：运行 npm ci（字体来自 npm）。',
      cache: '改法：把环境变量 NIANBAO_CACHE_DIR 设为一个可写的文件夹。',
      output: '改法：用 -o <文件夹> 换一个可写的输出文件夹。',
    },
    en: {
      node: 'fix: install Node.js 20 or later (https://nodejs.org).',
      'browser-linux': 'fix: sudo apt-get install chromium (Debian/Ubuntu), or name a browser with --browser <path> / NIANBAO_BROWSER.',
      browser: 'fix: install Chrome or Edge, or name a browser with --browser <path> / NIANBAO_BROWSER.',
      starts: "fix: check that the browser runs (e.g. with --headless --version); on Linux the distribution's chromium package brings the libraries it needs.",
      fonts: 'fix: run npm ci (the fonts come from npm).',
      cache: 'fix: set NIANBAO_CACHE_DIR to a writable folder.',
      output: 'fix: choose a writable output folder with -o <folder>.',
    },
  },
  profiles: { 'zh-CN': '列出内置的报告格式：适用年度、必需的一级标题和表格', en: 'list the built-in report formats: their years, required headings and tables' },
  profileLine: {
    'zh-CN': (p: ProfileSummary) =>
      [
        `${p.name}  ${p.description}`,
        `  适用年度：${p.years ? `${p.years.from ?? '……'}–${p.years.to ?? '至今'}` : '不限'}`,
        `  一级标题：${p.headings.join('、')}`,
        ...(p.tables.length ? [`  表格：${p.tables.join('、')}`] : []),
      ].join('\n'),
    en: (p: ProfileSummary) =>
      [
        `${p.name}  ${p.description}`,
        `  years: ${p.years ? `${p.years.from ?? '…'}–${p.years.to ?? 'today'}` : 'any'}`,
        `  headings: ${p.headings.join(' / ')}`,
        ...(p.tables.length ? [`  tables: ${p.tables.join(' / ')}`] : []),
      ].join('\n'),
  },
  fix: { 'zh-CN': '把夹在汉字之间的半角标点（, ; : ? ! ( )）改为全角，文件的其余部分不变', en: 'rewrite half-width punctuation between Chinese characters (, ; : ? ! ( )) to full-width, changing nothing else' },
  fixFiles: { 'zh-CN': '要改正的报告文件（.yaml）', en: 'report files (.yaml) to fix' },
  dryRun: { 'zh-CN': '只显示将要修改的行，不写入文件', en: 'show the lines that would change, write nothing' },
  fixed: {
    'zh-CN': (f: string, n: number, dry: boolean) => (n === 0 ? `${f}：没有需要改正的标点。` : dry ? `${f}：将改正 ${n} 处半角标点（未写入，去掉 --dry-run 即写入）。` : `${f}：已改正 ${n} 处半角标点。`),
    en: (f: string, n: number, dry: boolean) => (n === 0 ? `${f}: no punctuation to fix.` : dry ? `${f}: ${n} half-width mark${n === 1 ? '' : 's'} would be fixed (nothing written; run without --dry-run to write).` : `${f}: fixed ${n} half-width mark${n === 1 ? '' : 's'}.`),
  },
  notFixed: { 'zh-CN': (f: string) => `${f}：未修改。`, en: (f: string) => `${f}: not changed.` },
  build: { 'zh-CN': '检查并生成 PDF 与 HTML', en: 'check report files and write PDF and HTML' },
  files: { 'zh-CN': '报告文件（.yaml）、文件夹或通配符', en: 'report files (.yaml), folders or glob patterns' },
  outDir: { 'zh-CN': '输出文件夹', en: 'output folder' },
  format: { 'zh-CN': '输出格式，逗号分隔：pdf,html', en: 'output formats, comma-separated: pdf,html' },
  browser: { 'zh-CN': `浏览器可执行文件路径（也可用环境变量 ${BROWSER_ENV[0]}）`, en: `path of a Chrome/Chromium executable (or set ${BROWSER_ENV[0]})` },
  profile: { 'zh-CN': '报告格式名称或文件夹，覆盖文件中的 profile', en: 'profile name or folder, overriding the file\'s profile' },
  fonts: {
    'zh-CN': '字体：auto（本机装有公文字体 仿宋_GB2312、方正小标宋简体、黑体、楷体_GB2312 时用它们，否则用内置字体）或 bundled（只用内置字体，默认）',
    en: 'fonts: auto (the official faces 仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 where installed, else the bundled ones) or bundled (only the bundled fonts, the default)',
  },
  badFonts: { 'zh-CN': (v: string) => `--fonts 只能是 auto 或 bundled，而不是“${v}”。`, en: (v: string) => `--fonts takes auto or bundled, not "${v}".` },
  duplex: {
    'zh-CN': '双面印刷：偶数页的左右页边距对调（装订边在内侧），正反面的版心和页码对齐',
    en: 'printed on both sides: even pages mirror the margins (binding edge inside), so both sides register',
  },
  localFonts: {
    'zh-CN': '同 --fonts auto：优先使用本机安装的公文字体，没有时用内置字体',
    en: 'the same as --fonts auto: installed official faces first, then the bundled fonts',
  },
  timeout: { 'zh-CN': '每份文档的打印超时（毫秒，默认 60000）', en: 'print timeout per document, in milliseconds (default: 60000)' },
  jobs: { 'zh-CN': '同时打印的文档数（默认为 CPU 核数）', en: 'documents printed at once (default: the number of cores)' },
  forceBuild: { 'zh-CN': '即使输入和输出都没有变化也重新生成', en: 'rebuild even when inputs and outputs are unchanged' },
  toc: {
    'zh-CN': '每份报告在引言之后加目录（一级标题及页码；与 --toc-depth 2 同用时含二级标题），报告中写 toc: true 也可',
    en: 'a table of contents after each report\'s introduction (level-1 headings and their pages; level 2 too with --toc-depth 2); or write toc: true in a report',
  },
  volume: {
    'zh-CN': '生成之后把各份报告汇编成一个 PDF：封面、带页码的目录、全部报告，页码连续；有错误的报告不收入',
    en: 'after the build, bind the reports into one PDF: a cover, a table of contents with page numbers, every report, numbered straight through; reports with errors are left out',
  },
  volumeTitle: { 'zh-CN': '汇编封面上的标题（默认“<年度>年政府信息公开工作年度报告汇编”）', en: 'the volume\'s title (default: <year>年政府信息公开工作年度报告汇编)' },
  order: {
    'zh-CN': '汇编中报告的顺序：每行一个文件名或机关名称；未列出的报告按机关名称（拼音）排在后面',
    en: 'the order of the volume: a file name or an organization a line; reports not listed follow, by organization (pinyin)',
  },
  tocDepth: { 'zh-CN': '目录的层级：1 只列报告（或一级标题），2 再列一级（或二级）标题', en: 'table of contents depth: 1 the reports (or level-1 headings), 2 also their level-1 (or level-2) headings' },
  badTocDepth: { 'zh-CN': (v: string) => `--toc-depth 只能是 1 或 2，而不是“${v}”。`, en: (v: string) => `--toc-depth takes 1 or 2, not "${v}".` },
  volumeOnly: { 'zh-CN': (f: string, needs: string) => `${f} 只能与 ${needs} 一起使用。`, en: (f: string, needs: string) => `${f} goes with ${needs}.` },
  badOrder: {
    'zh-CN': (file: string, code: string) => `无法读取 --order 顺序文件“${file}”：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : code === 'EACCES' ? '没有读取权限' : code}。`,
    en: (file: string, code: string) => `Cannot read the --order file "${file}": ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : code}.`,
  },
  badVolume: { 'zh-CN': (v: string) => `--volume 应为 .pdf 文件，而不是“${v}”。`, en: (v: string) => `--volume names a .pdf file, not "${v}".` },
  badJobs: { 'zh-CN': (v: string) => `--jobs 应为正整数，而不是“${v}”。`, en: (v: string) => `--jobs takes a positive whole number, not "${v}".` },
  interrupting: {
    'zh-CN': '已中断：不再开始新的文件，正在关闭浏览器……（再按一次 Ctrl-C 立即退出）',
    en: 'Interrupted: no new file starts; closing the browser… (Ctrl-C again to quit at once)',
  },
  lang: { 'zh-CN': '提示语言：zh-CN 或 en（默认随系统语言）', en: 'message language: zh-CN or en (default: from the locale)' },
  noColor: { 'zh-CN': '不使用颜色', en: 'no colours' },
  reporter: {
    'zh-CN': '输出格式：pretty（供人阅读）、json（供程序读取）、github（GitHub Actions 注释）',
    en: 'output: pretty (for people), json (for programs), github (GitHub Actions annotations)',
  },
  shard: { 'zh-CN': '只处理第 k 份（共 n 份，例如 2/3），用于在多个 CI 任务中并行', en: 'only the k-th of n slices of the inputs (e.g. 2/3), for parallel CI jobs' },
  browserWs: {
    'zh-CN': '连接已在运行的浏览器（DevTools WebSocket 地址，也可用环境变量 NIANBAO_BROWSER_WS），而不是启动一个',
    en: 'print with a running browser (its DevTools WebSocket URL, or set NIANBAO_BROWSER_WS) instead of starting one',
  },
  badReporter: {
    'zh-CN': (v: string) => `--reporter 只能是 pretty、json 或 github，而不是“${v}”。`,
    en: (v: string) => `--reporter takes pretty, json or github, not "${v}".`,
  },
  badShard: {
    'zh-CN': (v: string) => `--shard 应写成 k/n（1 ≤ k ≤ n），例如 2/3，而不是“${v}”。`,
    en: (v: string) => `--shard takes k/n with 1 ≤ k ≤ n, e.g. 2/3, not "${v}".`,
  },
  strict: { 'zh-CN': '把警告也当作错误（用于 CI）', en: 'treat warnings as errors (for CI)' },
  init: { 'zh-CN': '生成一份完整的年度报告骨架（全部标题、填 0 的表格和 TODO 标记）', en: 'write a complete report skeleton (every heading, tables of zeros, TODO markers)' },
  initFile: { 'zh-CN': '要写入的文件（默认 <年度>.yaml）', en: 'file to write (default <year>.yaml)' },
  initYear: { 'zh-CN': '报告年度', en: 'the report\'s year' },
  initOrg: { 'zh-CN': '发布机关名称', en: 'name of the publishing body' },
  initProfile: { 'zh-CN': '报告格式（默认按年度：2021 年起 gov-2021，2019–2020 年 gov-2019）', en: 'profile (default by year: gov-2021 from 2021, gov-2019 for 2019–2020)' },
  force: { 'zh-CN': '覆盖已有的文件', en: 'overwrite an existing file' },
  badYear: { 'zh-CN': (v: string) => `--year 应为四位年份，而不是“${v}”。`, en: (v: string) => `--year takes a four-digit year, not "${v}".` },
  exists: {
    'zh-CN': (f: string) => `文件 ${f} 已存在；用 --force 覆盖，或换一个文件名。`,
    en: (f: string) => `${f} exists; use --force to overwrite it, or choose another name.`,
  },
  badProfile: {
    'zh-CN': (p: string, all: string) => `找不到报告格式“${p}”，或它的文件有误；可用的格式：${all}。`,
    en: (p: string, all: string) => `No usable profile "${p}"; available: ${all}.`,
  },
  wrote: {
    'zh-CN': (f: string) => `已生成 ${f}。填写其中的 TODO，然后运行：nianbao check ${f}`,
    en: (f: string) => `Wrote ${f}. Fill in its TODOs, then run: nianbao check ${f}`,
  },
  watch: {
    'zh-CN': '边写边预览：在本机 127.0.0.1 上提供报告页面，每次保存后重新生成并自动刷新；有错误时页面显示错误和所在行',
    en: 'preview while writing: serve the report on 127.0.0.1, rebuild on every save and reload the page by itself; errors are shown in the page with their lines',
  },
  watchFile: { 'zh-CN': '报告文件', en: 'report file' },
  watchPort: { 'zh-CN': '端口（默认 0：任选一个空闲端口）', en: 'port (default 0: any free port)' },
  watchPdf: { 'zh-CN': '每次保存后同时更新 PDF（浏览器保持运行）', en: 'also rewrite the PDF after every save (the browser stays running)' },
  badPort: { 'zh-CN': (v: string) => `--port 应为 0–65535 的整数，而不是“${v}”。`, en: (v: string) => `--port takes a whole number 0–65535, not "${v}".` },
  watching: {
    'zh-CN': (url: string, file: string) => `预览 ${file}：${url}
保存文件后页面自动刷新；按 Ctrl+C 结束。`,
    en: (url: string, file: string) => `Previewing ${file}: ${url}
The page reloads on every save; Ctrl+C ends.`,
  },
  watchUpdated: {
    'zh-CN': (time: string, ms: number, warnings: number) => `${time} 已更新（${ms} 毫秒）${warnings ? `，${warnings} 条警告` : ''}`,
    en: (time: string, ms: number, warnings: number) => `${time} updated (${ms} ms)${warnings ? `, ${warnings} warning(s)` : ''}`,
  },
  watchBroken: {
    'zh-CN': (time: string, errors: number) => `${time} 有 ${errors} 处错误，页面显示错误，改正并保存后恢复：`,
    en: (time: string, errors: number) => `${time} ${errors} error(s); the page shows them until the next good save:`,
  },
  watchPdfWritten: { 'zh-CN': (time: string, path: string, ms: number) => `${time} PDF 已写入 ${path}（保存后 ${ms} 毫秒）`, en: (time: string, path: string, ms: number) => `${time} PDF written to ${path} (${ms} ms after the save)` },
  watchPdfFailed: { 'zh-CN': (m: string) => `PDF 未能生成：${m}`, en: (m: string) => `The PDF could not be made: ${m}` },
  portTaken: { 'zh-CN': (p: string) => `端口 ${p} 已被占用；换一个 --port，或用 --port 0 任选空闲端口。`, en: (p: string) => `Port ${p} is in use; pick another --port, or --port 0 for any free one.` },
  help: { 'zh-CN': '显示帮助', en: 'show help' },
  version: { 'zh-CN': '显示版本号', en: 'show the version' },
  titles: {
    'zh-CN': { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' } as Record<string, string>,
    en: {} as Record<string, string>,
  },
  terms: {
    'zh-CN': (usage: string) =>
      usage.replace('[options]', '[选项]').replace('[command]', '[命令]').replace('<files...>', '<文件...>').replace('[file]', '[文件]'),
    en: (usage: string) => usage,
  },
  defaultIs: { 'zh-CN': (value: string) => `（默认：${value}）`, en: (value: string) => ` (default: ${value})` },
  badFormat: { 'zh-CN': (v: string) => `--format 只能是 pdf、html 或 pdf,html，而不是“${v}”。`, en: (v: string) => `--format takes pdf, html or pdf,html, not "${v}".` },
  badLang: { 'zh-CN': (v: string) => `--lang 只能是 zh-CN 或 en，而不是“${v}”。`, en: (v: string) => `--lang takes zh-CN or en, not "${v}".` },
  badTimeout: {
    'zh-CN': (v: string) => `--timeout 应为正整数（毫秒），而不是“${v}”。`,
    en: (v: string) => `--timeout takes a positive whole number of milliseconds, not "${v}".`,
  },
  noBrowserAt: {
    'zh-CN': (p: string) => `找不到 --browser 指定的浏览器“${p}”：请检查路径，或去掉 --browser 让 nianbao 自动查找。`,
    en: (p: string) => `No browser at "${p}" (--browser): check the path, or drop --browser to let nianbao search.`,
  },
  noBrowser: {
    'zh-CN': `找不到 Chrome/Chromium 浏览器。请安装（Debian：sudo apt-get install chromium-headless-shell 或 chromium；Ubuntu：chromium），或用 --browser <路径> 或环境变量 ${BROWSER_ENV[0]} 指定。`,
    en: `No Chrome/Chromium found. Install one (Debian: sudo apt-get install chromium-headless-shell or chromium; Ubuntu: chromium), or name it with --browser <path> or ${BROWSER_ENV[0]}.`,
  },
  launchFailed: { 'zh-CN': (m: string) => `浏览器无法启动：${m}`, en: (m: string) => `The browser could not start: ${m}` },
  failed: { 'zh-CN': (m: string) => `nianbao 运行失败：${m}`, en: (m: string) => `nianbao failed: ${m}` },
  usage: {
    'zh-CN': {
      'commander.missingArgument': (x: string) => `缺少参数 ${x}。用 nianbao <命令> --help 查看用法。`,
      'commander.unknownCommand': (x: string) => `未知命令 ${x}。用 nianbao --help 查看所有命令。`,
      'commander.missingMandatoryOptionValue': (x: string) => `缺少必需的选项 ${x}。`,
      'commander.unknownOption': (x: string) => `未知选项 ${x}。用 nianbao <命令> --help 查看可用选项。`,
      'commander.optionMissingArgument': (x: string) => `选项 ${x} 缺少取值。`,
      'commander.excessArguments': () => '参数过多。用 nianbao --help 查看用法。',
    } as Record<string, (x: string) => string>,
    en: {} as Record<string, (x: string) => string>,
  },
} satisfies Record<string, SideBySide<unknown>>;
