/**
 * The commands that help write a report rather than check or build it: `new` (next year's from
 * last year's), `doctor` (can this machine print?), `profiles` (the formats), `fix` (half-width
 * punctuation). Wired into the program by main.ts.
 */

import type { Command } from 'commander';
import type { cliText } from '../messages/cli.js';
import type { InLanguage, Lang } from '../messages/lang.js';
import { formatDiagnostic } from '../report/pretty.js';
import { listProfiles, newReport } from '../run/api.js';
import { fixFile } from '../run/fix.js';
import { UsageError } from './options.js';

/** What the commands need of the CLI around them. */
export interface CommandContext {
  readonly io: { stdout(text: string): void; stderr(text: string): void };
  readonly t: InLanguage<typeof cliText>;
  readonly lang: Lang;
  readonly color: () => boolean;
  readonly reporter: () => string;
  readonly exit: (code: number) => void;
}

/** Adds new, doctor, profiles and fix to `program`. */
export function addAuthoringCommands(program: Command, ctx: CommandContext): void {
  program
    .command('new')
    .description(ctx.t.newReport)
    .argument('<last-year-file>', ctx.t.newFrom)
    .option('--year <year>', ctx.t.newYear)
    .option('-o, --out <file>', ctx.t.newOut)
    .option('--force', ctx.t.force)
    .action(async (from: string, opts: { year?: string; out?: string; force?: boolean }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new UsageError(ctx.t.badYear(opts.year));
      const result = await newReport(from, { ...(opts.year ? { year: Number(opts.year) } : {}), ...(opts.out ? { out: opts.out } : {}), force: opts.force === true });
      if ('exists' in result) throw new UsageError(ctx.t.exists(result.exists));
      if ('diagnostics' in result) {
        for (const d of result.diagnostics) ctx.io.stdout(`${formatDiagnostic(d, { lang: ctx.lang, color: ctx.color() })}\n`);
        ctx.exit(1);
        return;
      }
      ctx.io.stdout(`${ctx.t.wrote(result.written)}\n`);
    });

  program
    .command('doctor')
    .description(ctx.t.doctor)
    .option('--browser <path>', ctx.t.browser)
    .option('-o, --out-dir <folder>', ctx.t.outDir, 'out')
    .action(async (opts: { browser?: string; outDir: string }) => {
      const { doctor } = await import('../run/doctor.js');
      const findings = await doctor({ ...(opts.browser ? { browser: opts.browser } : {}), outDir: opts.outDir });
      if (ctx.reporter() === 'json') ctx.io.stdout(`${JSON.stringify(findings, null, 2)}\n`);
      else for (const f of findings) ctx.io.stdout(`${f.ok ? '✓' : '✗'} ${ctx.t.doctorWhat[f.what]}${ctx.lang === 'en' ? ': ' : '：'}${ctx.t.doctorFound(f)}${f.fix ? `\n    ${ctx.t.doctorFix[f.fix]}` : ''}\n`);
      ctx.exit(findings.some((f) => f.blocking) ? 2 : 0);
    });

  program
    .command('profiles')
    .description(ctx.t.profiles)
    .action(async () => {
      const list = await listProfiles();
      if (ctx.reporter() === 'json') ctx.io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else ctx.io.stdout(`${list.map((p) => ctx.t.profileLine(p)).join('\n\n')}\n`);
    });

  program
    .command('fix')
    .description(ctx.t.fix)
    .argument('<files...>', ctx.t.fixFiles)
    .option('--dry-run', ctx.t.dryRun)
    .action(async (files: string[], opts: { dryRun?: boolean }) => {
      let failed = false;
      for (const file of files) {
        const result = await fixFile(file, { dryRun: opts.dryRun === true });
        if (result.diagnostics.length) {
          failed = true;
          for (const d of result.diagnostics) ctx.io.stdout(`${formatDiagnostic(d, { lang: ctx.lang, color: ctx.color() })}\n`);
          ctx.io.stdout(`${ctx.t.notFixed(file)}\n`);
          continue;
        }
        if (opts.dryRun && result.diff) ctx.io.stdout(`${result.diff}\n`);
        ctx.io.stdout(`${ctx.t.fixed(file, result.fixed, opts.dryRun === true)}\n`);
      }
      ctx.exit(failed ? 1 : 0);
    });
}
