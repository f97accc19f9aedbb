/** The command line: flags become one options object; the API does the work; returns an exit code. */

import { existsSync } from 'node:fs';
import { Command, CommanderError, Help, Option } from 'commander';
import { build, check, init, type RunResult } from '../run/api.js';
import { addAuthoringCommands } from './authoring.js';
import { addSummaryCommand } from './summary.js';
import { addWatchCommand } from './watch.js';
import { addTablesCommands } from './tables.js';
import { tablesText } from '../messages/tables.js';
import { addImportCommand } from './import.js';
import { addSiteCommand, writeSiteAfterBuild } from './site.js';
import { siteCommandText } from '../messages/site.js';
import { cliText } from '../messages/cli.js';
import { withOrderList } from './order-file.js';
import { readLangFlag, toolErrorSentence } from './words.js';
import { buildOptionsFrom, checkOptionsFrom, reporterFrom, UsageError, type BuildFlags, type CheckFlags } from './options.js';
import { detectLang, inLanguage, parseLang } from '../messages/lang.js';
import { builtinProfiles, ProfileError } from '../profiles/profile.js';
import type { Lang } from '../messages/lang.js';
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



/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = defaultIO): Promise<number> {
  trace('cli loaded');
  if (io === defaultIO) guardStdio();
  const langFlag = readLangFlag(argv);
  const lang: Lang = (langFlag && parseLang(langFlag)) || detectLang(undefined, io.env);
  const t = inLanguage(cliText, lang);
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

  program
    .command('init')
    .description(t.init)
    .argument('[file]', t.initFile)
    .requiredOption('--year <year>', t.initYear)
    .requiredOption('--org <name>', t.initOrg)
    .option('--profile <name-or-folder>', t.initProfile)
    .option('--force', t.force)
    .option('--tables-xlsx', inLanguage(tablesText, lang).initXlsx)
    .action(async (file: string | undefined, opts: { year: string; org: string; profile?: string; force?: boolean; tablesXlsx?: boolean }) => {
      const year = Number(opts.year);
      if (!/^\d{4}$/.test(opts.year)) throw new UsageError(t.badYear(opts.year));
      const target = file ?? `${year}.yaml`;
      let result: 'written' | 'exists';
      try {
        result = await init(target, { year, organization: opts.org, ...(opts.profile ? { profile: opts.profile } : {}), force: opts.force === true, tablesXlsx: opts.tablesXlsx === true });
      } catch (error) {
        if (error instanceof ProfileError) throw new UsageError(t.badProfile(error.profile, builtinProfiles().join(', ')));
        throw error;
      }
      const workbook = opts.tablesXlsx ? (await import('../run/tables-export.js')).workbookPathFor(target) : undefined;
      if (result === 'exists') throw new UsageError(t.exists(workbook && !existsSync(target) ? workbook : target));
      io.stdout(`${workbook && existsSync(workbook) ? inLanguage(tablesText, lang).wroteBoth(target, workbook) : t.wrote(target)}\n`);
    });

  // The authoring commands: new, doctor, profiles, fix; tables export; import; watch; summary.
  const context = {
    io,
    t,
    lang,
    color: () => useColor(program.opts()),
    reporter: reporterName,
    exit: (code: number) => (exitCode = code),
  };
  addAuthoringCommands(program, context);
  addTablesCommands(program, context);
  addImportCommand(program, context);
  addWatchCommand(program, context);
  // The site's page speaks Chinese unless --lang says otherwise.
  const pageLang: Lang = (langFlag && parseLang(langFlag)) || 'zh-CN';
  addSiteCommand(program, context, pageLang);
  addSummaryCommand(program, context);

  program
    .command('check')
    .description(t.check)
    .argument('<files...>', t.files)
    .option('--profile <name-or-folder>', t.profile)
    .option('--strict', t.strict)
    .option('--shard <k/n>', t.shard)
    .action(async (files: string[], flags: CheckFlags) => {
      reporterFrom(reporterName(), t);
      report(await check(files, checkOptionsFrom(flags, t)), 'check', {});
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
    .option('--fonts <auto|bundled>', t.fonts)
    .option('--local-fonts', t.localFonts)
    .option('--duplex', t.duplex)
    .option('--timeout <ms>', t.timeout)
    .option('-j, --jobs <n>', t.jobs)
    .option('--force', t.forceBuild)
    .option('--strict', t.strict)
    .option('--toc', t.toc)
    .option('--volume <file.pdf>', t.volume)
    .option('--volume-title <title>', t.volumeTitle)
    .option('--order <file>', t.order)
    .option('--toc-depth <1|2>', t.tocDepth)
    .option('--site <folder>', inLanguage(siteCommandText, lang).siteOption)
    .action(async (files: string[], flags: BuildFlags & { site?: string }) => {
      reporterFrom(reporterName(), t);
      const options = withOrderList(buildOptionsFrom(flags, t), t);
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
      const run = await build(files, { ...options, signal: controller.signal, onStart: progress.onStart, onFile: progress.onFile }).finally(() => {
        for (const name of STOP_SIGNALS) process.off(name, onSignal);
      });
      progress.done();
      report(run, 'build', stoppedBy ? { exitCode: signalExitCode(stoppedBy) } : {});
      // The site lists what the run left; an interrupted run leaves no site.
      if (flags.site !== undefined && !stoppedBy && !run.interrupted) {
        const site = await writeSiteAfterBuild(run, flags.site, lang, pageLang);
        // The JSON reporter's standard output is one document: the sentence goes beside it.
        (reporterName() === 'pretty' && site.ok ? io.stdout : io.stderr)(`${site.sentence}\n`);
        if (!site.ok) exitCode = 2;
      }
    });

  try {
    if (langFlag !== undefined && !parseLang(langFlag)) throw new UsageError(t.badLang(langFlag));
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; every usage mistake is exit 2.
      if (error.exitCode === 0) return 0;
      // A command of commands named alone (nianbao tables): its help is printed, and says it all.
      if (error.code === 'commander.help') return 2;
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
