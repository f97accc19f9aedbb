/** The command line: flags become one options object; the API does the work; returns an exit code. */

import { Command, CommanderError, Help, Option } from 'commander';
import { build, check, init, type OutputFormat, type RunResult } from '../run/api.js';
import { BROWSER_ENV, NoBrowserError } from '../print/find-browser.js';
import { detectLang, parseLang } from '../report/locale.js';
import { builtinProfiles, ProfileError } from '../profiles/profile.js';
import type { Lang } from '../report/messages.js';
import { createProgress } from './progress.js';
import { endBy, guardStdio, isTerminalLost, loseTerminal, signalExitCode, STOP_SIGNALS, type StopSignal } from './signals.js';
import { trace } from '../run/trace.js';
import { formatRun, summaryLine } from '../report/pretty.js';
import { runToGithub } from '../report/github.js';
import { runToJson } from '../report/json.js';
import { VERSION } from '../version.js';

/** Streams the CLI writes to; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  /** Whether standard error is a terminal (progress bar) and how wide. */
  readonly stderrTTY?: boolean;
  readonly columns?: number;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: Boolean(process.stdout.isTTY),
  stderrTTY: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns,
  env: process.env,
};

const text = {
  'zh-CN': {
    description: '年报：把 YAML 写成的政府信息公开工作年度报告检查并生成 HTML 与 PDF。',
    check: '检查报告文件（不启动浏览器）',
    build: '检查并生成 PDF 与 HTML',
    files: '报告文件（.yaml）、文件夹或通配符',
    outDir: '输出文件夹',
    format: '输出格式，逗号分隔：pdf,html',
    browser: `浏览器可执行文件路径（也可用环境变量 ${BROWSER_ENV[0]}）`,
    profile: '报告格式名称或文件夹，覆盖文件中的 profile',
    localFonts: '优先使用本机安装的公文字体（仿宋_GB2312、方正小标宋、黑体、楷体_GB2312），没有时用内置字体',
    timeout: '每份文档的打印超时（毫秒，默认 60000）',
    jobs: '同时打印的文档数（默认为 CPU 核数）',
    forceBuild: '即使输入和输出都没有变化也重新生成',
    badJobs: (v: string) => `--jobs 应为正整数，而不是“${v}”。`,
    interrupting: '已中断：不再开始新的文件，正在关闭浏览器……（再按一次 Ctrl-C 立即退出）',
    lang: '提示语言：zh-CN 或 en（默认随系统语言）',
    noColor: '不使用颜色',
    reporter: '输出格式：pretty（供人阅读）、json（供程序读取）、github（GitHub Actions 注释）',
    shard: '只处理第 k 份（共 n 份，例如 2/3），用于在多个 CI 任务中并行',
    browserWs: '连接已在运行的浏览器（DevTools WebSocket 地址，也可用环境变量 NIANBAO_BROWSER_WS），而不是启动一个',
    badReporter: (v: string) => `--reporter 只能是 pretty、json 或 github，而不是“${v}”。`,
    badShard: (v: string) => `--shard 应写成 k/n（1 ≤ k ≤ n），例如 2/3，而不是“${v}”。`,
    strict: '把警告也当作错误（用于 CI）',
    init: '生成一份完整的年度报告骨架（全部标题、填 0 的表格和 TODO 标记）',
    initFile: '要写入的文件（默认 <年度>.yaml）',
    initYear: '报告年度',
    initOrg: '发布机关名称',
    initProfile: '报告格式（默认按年度：2021 年起 gov-2021，2019–2020 年 gov-2019）',
    force: '覆盖已有的文件',
    badYear: (v: string) => `--year 应为四位年份，而不是“${v}”。`,
    exists: (f: string) => `文件 ${f} 已存在；用 --force 覆盖，或换一个文件名。`,
    badProfile: (p: string, all: string) => `找不到报告格式“${p}”，或它的文件有误；可用的格式：${all}。`,
    wrote: (f: string) => `已生成 ${f}。填写其中的 TODO，然后运行：nianbao check ${f}`,
    help: '显示帮助',
    version: '显示版本号',
    titles: { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' } as Record<string, string>,
    terms: (usage: string) =>
      usage.replace('[options]', '[选项]').replace('[command]', '[命令]').replace('<files...>', '<文件...>').replace('[file]', '[文件]'),
    defaultIs: (value: string) => `（默认：${value}）`,
    badFormat: (v: string) => `--format 只能是 pdf、html 或 pdf,html，而不是“${v}”。`,
    badLang: (v: string) => `--lang 只能是 zh-CN 或 en，而不是“${v}”。`,
    badTimeout: (v: string) => `--timeout 应为正整数（毫秒），而不是“${v}”。`,
    noBrowserAt: (p: string) => `找不到 --browser 指定的浏览器“${p}”：请检查路径，或去掉 --browser 让 nianbao 自动查找。`,
    noBrowser: `找不到 Chrome/Chromium 浏览器。请安装（Debian：sudo apt-get install chromium-headless-shell 或 chromium；Ubuntu：chromium），或用 --browser <路径> 或环境变量 ${BROWSER_ENV[0]} 指定。`,
    launchFailed: (m: string) => `浏览器无法启动：${m}`,
    failed: (m: string) => `nianbao 运行失败：${m}`,
    usage: {
      'commander.missingArgument': (x: string) => `缺少参数 ${x}：请给出报告文件。用 nianbao --help 查看用法。`,
      'commander.unknownCommand': (x: string) => `未知命令 ${x}：可用命令为 init、check、build。用 nianbao --help 查看用法。`,
      'commander.missingMandatoryOptionValue': (x: string) => `缺少必需的选项 ${x}。`,
      'commander.unknownOption': (x: string) => `未知选项 ${x}。用 nianbao <命令> --help 查看可用选项。`,
      'commander.optionMissingArgument': (x: string) => `选项 ${x} 缺少取值。`,
      'commander.excessArguments': () => '参数过多。用 nianbao --help 查看用法。',
    } as Record<string, (x: string) => string>,
  },
  en: {
    description: 'nianbao: check annual government-information-disclosure reports written in YAML and build them to HTML and PDF.',
    check: 'check report files (no browser is started)',
    build: 'check report files and write PDF and HTML',
    files: 'report files (.yaml), folders or glob patterns',
    outDir: 'output folder',
    format: 'output formats, comma-separated: pdf,html',
    browser: `path of a Chrome/Chromium executable (or set ${BROWSER_ENV[0]})`,
    profile: 'profile name or folder, overriding the file\'s profile',
    localFonts: 'prefer locally installed official faces (仿宋_GB2312, 方正小标宋, 黑体, 楷体_GB2312) over the bundled fonts',
    timeout: 'print timeout per document, in milliseconds (default: 60000)',
    jobs: 'documents printed at once (default: the number of cores)',
    forceBuild: 'rebuild even when inputs and outputs are unchanged',
    badJobs: (v: string) => `--jobs takes a positive whole number, not "${v}".`,
    interrupting: 'Interrupted: no new file starts; closing the browser… (Ctrl-C again to quit at once)',
    lang: 'message language: zh-CN or en (default: from the locale)',
    noColor: 'no colours',
    reporter: 'output: pretty (for people), json (for programs), github (GitHub Actions annotations)',
    shard: 'only the k-th of n slices of the inputs (e.g. 2/3), for parallel CI jobs',
    browserWs: 'print with a running browser (its DevTools WebSocket URL, or set NIANBAO_BROWSER_WS) instead of starting one',
    badReporter: (v: string) => `--reporter takes pretty, json or github, not "${v}".`,
    badShard: (v: string) => `--shard takes k/n with 1 ≤ k ≤ n, e.g. 2/3, not "${v}".`,
    strict: 'treat warnings as errors (for CI)',
    init: 'write a complete report skeleton (every heading, tables of zeros, TODO markers)',
    initFile: 'file to write (default <year>.yaml)',
    initYear: 'the report\'s year',
    initOrg: 'name of the publishing body',
    initProfile: 'profile (default by year: gov-2021 from 2021, gov-2019 for 2019–2020)',
    force: 'overwrite an existing file',
    badYear: (v: string) => `--year takes a four-digit year, not "${v}".`,
    exists: (f: string) => `${f} exists; use --force to overwrite it, or choose another name.`,
    badProfile: (p: string, all: string) => `No usable profile "${p}"; available: ${all}.`,
    wrote: (f: string) => `Wrote ${f}. Fill in its TODOs, then run: nianbao check ${f}`,
    help: 'show help',
    version: 'show the version',
    titles: {} as Record<string, string>,
    terms: (usage: string) => usage,
    defaultIs: (value: string) => ` (default: ${value})`,
    badFormat: (v: string) => `--format takes pdf, html or pdf,html, not "${v}".`,
    badLang: (v: string) => `--lang takes zh-CN or en, not "${v}".`,
    badTimeout: (v: string) => `--timeout takes a positive whole number of milliseconds, not "${v}".`,
    noBrowserAt: (p: string) => `No browser at "${p}" (--browser): check the path, or drop --browser to let nianbao search.`,
    noBrowser: `No Chrome/Chromium found. Install one (Debian: sudo apt-get install chromium-headless-shell or chromium; Ubuntu: chromium), or name it with --browser <path> or ${BROWSER_ENV[0]}.`,
    launchFailed: (m: string) => `The browser could not start: ${m}`,
    failed: (m: string) => `nianbao failed: ${m}`,
    usage: {} as Record<string, (x: string) => string>,
  },
};

/** A bad flag value; reported in one sentence with exit code 2. */
class UsageError extends Error {}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  trace('cli loaded');
  if (io === defaultIO) guardStdio();
  const langFlag = readLangFlag(argv);
  const lang: Lang = (langFlag && parseLang(langFlag)) || detectLang(undefined, io.env);
  const t = text[lang];
  let exitCode = 0;
  const useColor = (opts: { color?: boolean }) =>
    opts.color !== false && !io.env.NO_COLOR && (io.env.FORCE_COLOR ? io.env.FORCE_COLOR !== '0' : io.isTTY);

  const program = new Command('nianbao')
    .description(t.description)
    .version(VERSION, '-V, --version', t.version)
    .helpOption('-h, --help', t.help)
    .addOption(new Option('--lang <lang>', t.lang))
    .option('--reporter <name>', t.reporter, 'pretty')
    .option('--no-color', t.noColor)
    .configureHelp({
      styleTitle: (title) => t.titles[title] ?? title,
      // Commander's own words in usage lines and defaults, in the user's language.
      commandUsage: (cmd) => t.terms(new Help().commandUsage(cmd)),
      subcommandTerm: (cmd) => t.terms(new Help().subcommandTerm(cmd)),
      optionDescription: (option) => (option.defaultValue === undefined || option.negate ? option.description : `${option.description}${t.defaultIs(String(option.defaultValue))}`),
    })
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // Usage errors are printed in the user's language by the catch below.
      outputError: (message) => (Object.keys(t.usage).length ? undefined : io.stderr(message)),
    })
    .exitOverride()
    .showHelpAfterError(false);
  program.addHelpCommand(false);

  const reporterName = () => String(program.opts().reporter ?? 'pretty');
  const report = (run: RunResult, command: 'check' | 'build', opts: { color?: boolean; exitCode?: number }) => {
    const color = useColor({ ...program.opts(), ...opts });
    if (opts.exitCode !== undefined) run = { ...run, exitCode: opts.exitCode as RunResult['exitCode'] };
    const reporter = reporterName();
    if (reporter === 'json') io.stdout(`${JSON.stringify(runToJson(run, command, lang), null, 2)}\n`);
    else if (reporter === 'github') {
      const annotations = runToGithub(run, lang);
      io.stdout(`${annotations ? `${annotations}\n` : ''}${summaryLine(run, lang, command)}\n`);
    } else io.stdout(`${formatRun(run, { lang, color, command })}\n`);
    if (run.error) io.stderr(`${toolErrorSentence(run.error, lang)}\n`);
    exitCode = run.exitCode;
  };
  const common = (opts: { shard?: string }) => {
    if (!['pretty', 'json', 'github'].includes(reporterName())) throw new UsageError(t.badReporter(reporterName()));
    if (opts.shard === undefined) return {};
    const m = /^(\d+)\/(\d+)$/.exec(opts.shard);
    const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
    if (!m || index < 1 || index > count) throw new UsageError(t.badShard(opts.shard));
    return { shard: { index, count } };
  };

  program
    .command('init')
    .description(t.init)
    .argument('[file]', t.initFile)
    .requiredOption('--year <year>', t.initYear)
    .requiredOption('--org <name>', t.initOrg)
    .option('--profile <name-or-folder>', t.initProfile)
    .option('--force', t.force)
    .action(async (file: string | undefined, opts: { year: string; org: string; profile?: string; force?: boolean }) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year)) throw new UsageError(t.badYear(opts.year));
      const target = file ?? `${year}.yaml`;
      let result: 'written' | 'exists';
      try {
        result = await init(target, { year, organization: opts.org, ...(opts.profile ? { profile: opts.profile } : {}), force: opts.force === true });
      } catch (error) {
        if (error instanceof ProfileError) throw new UsageError(t.badProfile(error.profile, builtinProfiles().join(', ')));
        throw error;
      }
      if (result === 'exists') throw new UsageError(t.exists(target));
      io.stdout(`${t.wrote(target)}\n`);
    });

  program
    .command('check')
    .description(t.check)
    .argument('<files...>', t.files)
    .option('--profile <name-or-folder>', t.profile)
    .option('--strict', t.strict)
    .option('--shard <k/n>', t.shard)
    .action(async (files: string[], opts: { profile?: string; strict?: boolean; shard?: string }) => {
      const shared = common(opts);
      report(await check(files, { ...shared, ...(opts.profile ? { profile: opts.profile } : {}), strict: opts.strict === true }), 'check', {});
    });

  program
    .command('build')
    .description(t.build)
    .argument('<files...>', t.files)
    .option('-o, --out-dir <folder>', t.outDir, 'out')
    .option('--format <formats>', t.format, 'pdf,html')
    .option('--browser <path>', t.browser)
    .option('--browser-ws <url>', t.browserWs)
    .option('--shard <k/n>', t.shard)
    .option('--profile <name-or-folder>', t.profile)
    .option('--local-fonts', t.localFonts)
    .option('--timeout <ms>', t.timeout)
    .option('-j, --jobs <n>', t.jobs)
    .option('--force', t.forceBuild)
    .option('--strict', t.strict)
    .action(async (files: string[], opts: { outDir: string; format: string; browser?: string; browserWs?: string; shard?: string; profile?: string; localFonts?: boolean; timeout?: string; jobs?: string; force?: boolean; strict?: boolean }) => {
      const shared = common(opts);
      const formats = parseFormats(opts.format);
      if (!formats) throw new UsageError(t.badFormat(opts.format));
      const timeoutMs = positiveInt(opts.timeout, t.badTimeout);
      const jobs = positiveInt(opts.jobs, t.badJobs);
      const progress = createProgress({ write: io.stderr, tty: io.stderrTTY ?? false, lang, ...(io.columns ? { columns: io.columns } : {}) });
      // Ctrl-C, SIGTERM or a closed terminal (SIGHUP) stops the run cleanly (no browser left, no
      // half-written file); a second signal quits at once (the browser still goes with us).
      const controller = new AbortController();
      let stoppedBy: StopSignal | undefined;
      const onSignal = (signal: StopSignal) => {
        if (signal === 'SIGHUP') loseTerminal();
        if (stoppedBy) {
          // A second signal quits at once; without a terminal, only a death by the signal is safe.
          if (io === defaultIO && isTerminalLost()) void endBy(signal);
          else process.exit(signalExitCode(signal));
          return;
        }
        stoppedBy = signal;
        progress.done();
        io.stderr(`${t.interrupting}\n`);
        controller.abort();
      };
      for (const name of STOP_SIGNALS) process.on(name, onSignal);
      const run = await build(files, {
        signal: controller.signal,
        ...shared,
        ...(opts.browserWs ? { browserWs: opts.browserWs } : {}),
        onStart: progress.onStart,
        onFile: progress.onFile,
        ...(jobs ? { jobs } : {}),
        ...(opts.force ? { force: true } : {}),
        outDir: opts.outDir,
        formats,
        ...(opts.browser ? { browser: opts.browser } : {}),
        ...(opts.profile ? { profile: opts.profile } : {}),
        ...(opts.localFonts ? { localFonts: true } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        strict: opts.strict === true,
      }).finally(() => {
        for (const name of STOP_SIGNALS) process.off(name, onSignal);
      });
      progress.done();
      report(run, 'build', stoppedBy ? { exitCode: signalExitCode(stoppedBy) } : {});
    });

  try {
    if (langFlag !== undefined && !parseLang(langFlag)) throw new UsageError(t.badLang(langFlag));
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; every usage mistake is exit 2.
      if (error.exitCode === 0) return 0;
      const translate = t.usage[error.code];
      if (translate) io.stderr(`${translate(/'([^']*)'/.exec(error.message)?.[1] ?? '')}\n`);
      else if (Object.keys(t.usage).length) io.stderr(`${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    io.stderr(`${t.failed((error as Error)?.stack ?? String(error))}\n`);
    return 2;
  }
}

function readLangFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

function parseFormats(value: string): OutputFormat[] | undefined {
  const parts = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (!parts.length || parts.some((p) => p !== 'pdf' && p !== 'html')) return undefined;
  return [...new Set(parts)] as OutputFormat[];
}

/** One sentence for a failure of the tool itself (exit code 2). */
function toolErrorSentence(error: Error, lang: Lang): string {
  const t = text[lang];
  if (error instanceof NoBrowserError) return error.explicit ? t.noBrowserAt(error.explicit) : t.noBrowser;
  if (error.name === 'BrowserLaunchError') return t.launchFailed(error.message);
  return t.failed(error.message);
}

/** A flag's whole positive number, or undefined when it is not given; anything else is a usage error. */
function positiveInt(value: string | undefined, complaint: (value: string) => string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n > 0)) throw new UsageError(complaint(value));
  return n;
}

